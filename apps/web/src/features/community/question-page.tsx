/** Staff: one community question; promote the accepted answer to an article. */
export function QuestionPage() {
  return null;
}
