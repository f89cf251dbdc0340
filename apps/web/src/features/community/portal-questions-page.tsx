/** Community questions in the portal. */
export function PortalQuestionsPage() {
  return null;
}
