/** Staff: one idea, its status, answer and the customers who want it. */
export function IdeaPage() {
  return null;
}
