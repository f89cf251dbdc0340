/** Ideas in the portal: post, vote, comment. */
export function PortalIdeasPage() {
  return null;
}
