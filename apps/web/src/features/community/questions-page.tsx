/** Staff: community questions (`/community`). */
export function QuestionsPage() {
  return null;
}
