/** `/portal/link/:token`: an invitation or sign-in link; an invitation sets a password. */
export function PortalLinkPage() {
  return null;
}
