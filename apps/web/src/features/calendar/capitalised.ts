/** The text with its first letter capitalised ("декабрь 2026 г." → "Декабрь 2026 г."); CSS would capitalise every word. */
export function capitalised(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
