/** One idea in the portal. */
export function PortalIdeaPage() {
  return null;
}
