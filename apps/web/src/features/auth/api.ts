import type { TLoginInput, TMe, TSession } from '@clientela/contract';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError, setCsrfToken } from '../../lib/api.ts';
import { SESSION_KEY } from '../../lib/query-client.ts';

/** Reads the current session; null when nobody is signed in. */
export async function fetchSession(): Promise<TSession | null> {
  try {
    const session = await api<TSession>('/api/v1/auth/session');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (isApiError(error, 'unauthenticated') || (isApiError(error) && error.status === 401)) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

// Set on purpose-made logouts: the login page then starts afresh instead of offering a way back.
let loggedOut = false;

/** Whether the session ended because the user logged out (rather than expired). */
export function wasLoggedOut(): boolean {
  return loggedOut;
}

/** Called once the login page shows: later redirects remember their target again. */
export function forgetLoggedOut(): void {
  loggedOut = false;
}

/** Stores a fresh session (after login or setup) for the whole app. */
export function storeSession(queryClient: QueryClient, session: TSession): void {
  loggedOut = false;
  setCsrfToken(session.csrfToken);
  queryClient.setQueryData(SESSION_KEY, session);
}

/** Replaces the signed-in user in the session, e.g. after a profile change. */
export function storeMe(queryClient: QueryClient, me: TMe): void {
  queryClient.setQueryData<TSession | null>(SESSION_KEY, (session) => (session ? { ...session, user: me } : session));
}

/** The session query; `data` is null when signed out. */
export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: Number.POSITIVE_INFINITY });
}

/** The signed-in user; only for pages behind RequireAuth. */
export function useMe(): TMe {
  const { data } = useSession();
  if (!data) throw new Error('useMe needs a signed-in user');
  return data.user;
}

/** Signs in with e-mail and password. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TLoginInput) => api<TSession>('/api/v1/auth/login', { method: 'POST', body: input }),
    onSuccess: (session) => storeSession(queryClient, session),
  });
}

/** Signs out and forgets everything cached for the user; RequireAuth then shows the login page. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/api/v1/auth/logout', { method: 'POST' }),
    onSettled: () => {
      loggedOut = true;
      setCsrfToken(null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
      queryClient.setQueryData(SESSION_KEY, null);
    },
  });
}
