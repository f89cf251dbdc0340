/** The portal's first page: open requests, recent orders, surveys to answer, the dedicated manager. */
export function PortalHomePage() {
  return null;
}
