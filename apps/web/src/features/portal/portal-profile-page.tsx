/** The customer's own details, marketing consent and personal-data download. */
export function PortalProfilePage() {
  return null;
}
