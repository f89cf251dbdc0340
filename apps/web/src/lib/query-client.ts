import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api.ts';

/** Key of the session query; null data means "signed out". */
export const SESSION_KEY = ['session'] as const;

/** One QueryClient per app; a lost session anywhere sends the user back to the login page. */
export function createQueryClient(): QueryClient {
  const onError = (error: unknown) => {
    if (isApiError(error, 'unauthenticated')) client.setQueryData(SESSION_KEY, null);
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failures, error) => !isApiError(error) || (error.status >= 500 && failures < 2),
      },
    },
  });
  return client;
}
