/** `/portal/:workspace/login`: a customer signs in with a password or asks for a sign-in link. */
export function PortalLoginPage() {
  return null;
}
