/** The company's requests in the portal. */
export function PortalCasesPage() {
  return null;
}
