/** Placeholder until the page is built. */
export function ProcessDesignerPage() {
  return null;
}
