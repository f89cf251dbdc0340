import { isApiError } from '../../lib/api.ts';

/**
 * The records a bulk request was refused for: the API names them by their place in `ids`
 * (`ids.3`, also as `body.ids.3` or `/ids/3`). Empty when the error is about something else.
 */
export function refusedIds(error: unknown, ids: readonly string[]): string[] {
  if (!isApiError(error) || (error.status !== 403 && error.status !== 404)) return [];
  const refused = new Set<string>();
  for (const item of error.errors) {
    const index = /^\/?(?:body[./])?ids[./](\d+)$/.exec(item.path)?.[1];
    const id = index === undefined ? undefined : ids[Number(index)];
    if (id) refused.add(id);
  }
  return [...refused];
}
