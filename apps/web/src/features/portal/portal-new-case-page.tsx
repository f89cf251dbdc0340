/** A new request: the help centre is searched first. */
export function PortalNewCasePage() {
  return null;
}
