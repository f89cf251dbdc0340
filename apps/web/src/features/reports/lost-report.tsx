/** Won and lost deals, with the reasons deals were lost. */
export function LostReport() {
  return null;
}
