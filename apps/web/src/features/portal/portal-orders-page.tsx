/** The company's orders and quotes with their status. */
export function PortalOrdersPage() {
  return null;
}
