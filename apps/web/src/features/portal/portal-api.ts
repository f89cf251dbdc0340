import type { TPortalMe } from '@clientela/contract';
import { useQuery } from '@tanstack/react-query';
import { ApiError, type RequestOptions, toApiError, withQuery } from '../../lib/api.ts';

// The portal speaks only to `/api/portal/…`, with its own session cookie and its own CSRF token:
// a customer's browser never calls the staff API.

let portalCsrf: string | null = null;

/** Remembers the CSRF token of the portal session (from sign-in and from `GET /api/portal/me`). */
export function setPortalCsrfToken(token: string | null): void {
  portalCsrf = token;
}

/** Calls the portal API (`path` is relative to `/api/portal`); throws ApiError on failure. */
export async function portalApi<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  const multipart = options.body instanceof FormData;
  if (options.body !== undefined && !multipart) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && portalCsrf) headers['X-CSRF-Token'] = portalCsrf;
  let response: Response;
  try {
    response = await fetch(withQuery(`/api/portal${path}`, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : multipart ? (options.body as FormData) : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network_error', cause instanceof Error ? cause.message : 'Network error');
  }
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** The signed-in customer, as `GET /api/portal/me` answers (the contract's `ZPortalMe`). */
export type { TPortalMe };

export const portalMeKey = ['portal', 'me'] as const;

/** The signed-in customer, or null when nobody is signed in to the portal. */
export function usePortalMe() {
  return useQuery({
    queryKey: portalMeKey,
    queryFn: async () => {
      try {
        const me = await portalApi<TPortalMe>('/me');
        setPortalCsrfToken(me.csrfToken);
        return me;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

/** A workspace's portal look, public (`GET /api/portal/branding/:workspace`); the logo is at `…/:workspace/logo`. */
export type TPortalBranding = { slug: string; name: string; title: string | null; color: string | null; hasLogo: boolean };

export function usePortalBranding(workspace: string) {
  return useQuery({
    queryKey: ['portal', 'branding', workspace],
    queryFn: () => portalApi<TPortalBranding>(`/branding/${encodeURIComponent(workspace)}`),
    staleTime: 5 * 60_000,
  });
}
