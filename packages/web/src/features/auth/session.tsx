import { Center } from '@mantine/core';
import type { Me } from '@pulse/contracts';
import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect } from 'react';
import { Navigate, useLocation } from 'react-router';
import { getMe } from '../../api/auth.ts';
import { isApiError, rememberCsrfToken } from '../../api/client.ts';
import { applyLocale, storeLocale } from '../../i18n/i18n.ts';
import { CenteredLoader } from '../../shared/CenteredLoader.tsx';
import { QueryError } from '../../shared/QueryError.tsx';

export const ME_KEY = ['me'] as const;

/** The signed-in user, or null when there is no session (a 401 is an answer here, not an error). */
async function fetchMeOrNull(): Promise<Me | null> {
  try {
    return await getMe();
  } catch (error) {
    if (!isApiError(error, 'unauthenticated')) throw error;
    rememberCsrfToken(null);
    return null;
  }
}

export function useMeQuery() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMeOrNull, staleTime: 5 * 60_000, retry: false });
}

/** Starts a fresh session: nothing cached for the previous user may leak into the new one. */
export function startSession(queryClient: QueryClient, me: Me): void {
  queryClient.clear();
  queryClient.setQueryData(ME_KEY, me);
}

export function endSession(queryClient: QueryClient): void {
  rememberCsrfToken(null);
  queryClient.clear();
  queryClient.setQueryData(ME_KEY, null);
}

const SessionContext = createContext<Me | null>(null);

/** The signed-in user; only for components rendered inside `SessionGate`. */
export function useMe(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useMe() is used outside SessionGate');
  return me;
}

/** Keeps the cached Me current after the server returns a fresh one (PATCH /api/me). */
export function useSetMe(): (me: Me) => void {
  const queryClient = useQueryClient();
  return (me) => queryClient.setQueryData(ME_KEY, me);
}

/** Renders its children only with a session; otherwise sends the visitor to the login page. */
export function SessionGate({ children }: { children: ReactNode }) {
  const query = useMeQuery();
  const location = useLocation();
  const locale = query.data?.user.locale;

  // The profile's language wins after login, and is remembered so the login page after a logout
  // speaks the same language.
  useEffect(() => {
    if (!locale) return;
    storeLocale(locale);
    void applyLocale(locale);
  }, [locale]);

  if (query.isPending) return <CenteredLoader minHeight="100vh" />;
  if (query.isError) {
    return (
      <Center mih="100vh" p="md">
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      </Center>
    );
  }
  if (!query.data) {
    const next = `${location.pathname}${location.search}`;
    const target = next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
    return <Navigate to={target} replace />;
  }
  return <SessionContext value={query.data}>{children}</SessionContext>;
}
