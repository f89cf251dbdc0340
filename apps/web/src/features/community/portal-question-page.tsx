/** One community question in the portal. */
export function PortalQuestionPage() {
  return null;
}
