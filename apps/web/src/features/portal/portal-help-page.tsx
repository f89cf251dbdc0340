/** The public knowledge base inside the portal. */
export function PortalHelpPage() {
  return null;
}
