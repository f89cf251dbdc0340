/** Placeholder until the page is built. */
export function ProcessInstancePage() {
  return null;
}
