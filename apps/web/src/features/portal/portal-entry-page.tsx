/** `/portal`: where a customer without their workspace's address lands. */
export function PortalEntryPage() {
  return null;
}
