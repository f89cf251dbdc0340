/** Placeholder until the page is built. */
export function ProcessesPage() {
  return null;
}
