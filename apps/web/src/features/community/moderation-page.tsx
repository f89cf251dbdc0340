/** Staff: posts waiting for review (`/moderation`). */
export function ModerationPage() {
  return null;
}
