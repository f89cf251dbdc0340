/** Staff: customers' ideas (`/ideas`). */
export function IdeasPage() {
  return null;
}
