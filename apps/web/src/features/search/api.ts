import type { TSearchHit } from '@clientela/contract';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

/** Companies, contacts, people and units matching `q` (typos, phones in any format, e-mails, tax numbers). */
export function useSearch(q: string) {
  const query = q.trim();
  return useQuery({
    queryKey: ['search', query],
    queryFn: ({ signal }) => api<{ data: TSearchHit[] }>('/api/v1/search', { signal, query: { q: query, limit: 20 } }),
    select: (result) => result.data,
    enabled: query.length > 0,
    placeholderData: keepPreviousData,
  });
}

/** Where a hit opens: its record page; people and units live on the admin page. */
export function hitPath(hit: TSearchHit): string {
  switch (hit.type) {
    case 'company':
      return `/companies/${hit.id}`;
    case 'contact':
      return `/contacts/${hit.id}`;
    case 'attachment':
      return `/api/v1/attachments/${hit.id}/file`;
    case 'agreement':
      return `/agreements?open=${hit.id}`;
    case 'user':
    case 'unit':
      return '/admin/users';
  }
}
