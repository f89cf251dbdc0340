/** Placeholder until the page is built. */
export function ProcessMonitorPage() {
  return null;
}
