import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/client.ts';
import { ME_KEY } from '../features/auth/session.tsx';

/**
 * One place reacts to a lost session: any 401 drops the cached Me, and the session gate then
 * shows the login page. A CSRF failure refetches Me, which carries a fresh token.
 */
export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => onError(error, false) }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => onError(error, mutation.meta?.skipSessionCheck === true),
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failureCount, error) => !isApiError(error) && failureCount < 2,
        refetchOnWindowFocus: false,
      },
    },
  });

  function onError(error: unknown, skipSessionCheck: boolean): void {
    if (isApiError(error, 'unauthenticated') && !skipSessionCheck) queryClient.setQueryData(ME_KEY, null);
    if (isApiError(error, 'csrf_failed')) void queryClient.invalidateQueries({ queryKey: ME_KEY });
  }

  return queryClient;
}
