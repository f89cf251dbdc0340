/** Staff: customers' portal accounts (`/portal-users`). */
export function PortalUsersPage() {
  return null;
}
