import type { User } from '@pulse/contracts';
import { type QueryClient, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createInvitation,
  createUser,
  findUsers,
  getUser,
  type UpdateUserBody,
  type UserFilters,
  type UserPageData,
  updateUser,
} from '../../api/users.ts';

export const USERS_KEY = ['users'] as const;
const PAGE_SIZE = 50;

const userKey = (id: string) => [...USERS_KEY, 'one', id] as const;

/** Every list page also fills the per-user cache, so names of managers and heads rarely cost a request. */
function remember(queryClient: QueryClient, page: UserPageData): UserPageData {
  for (const user of page.items) queryClient.setQueryData(userKey(user.id), user);
  return page;
}

export function useUserList(filters: UserFilters) {
  const queryClient = useQueryClient();
  return useInfiniteQuery({
    queryKey: [...USERS_KEY, 'list', filters],
    queryFn: async ({ pageParam, signal }) =>
      remember(queryClient, await findUsers({ ...filters, cursor: pageParam, limit: PAGE_SIZE }, signal)),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** A short server-side search, for pickers. */
export function useUserSearch(
  q: string,
  options: { active?: UserFilters['active']; unitId?: string; role?: UserFilters['role'] } = {},
) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: [...USERS_KEY, 'search', q, options],
    queryFn: async ({ signal }) =>
      remember(queryClient, await findUsers({ q: q || undefined, limit: 20, ...options }, signal)),
    placeholderData: (previous) => previous,
  });
}

export function useUser(id: string | null | undefined) {
  return useQuery({
    queryKey: userKey(id ?? ''),
    queryFn: ({ signal }) => getUser(id ?? '', signal),
    enabled: Boolean(id),
    staleTime: 5 * 60_000,
    retry: false,
  });
}

function useInvalidateUsers(): () => Promise<void> {
  const queryClient = useQueryClient();
  // Units show member counts and heads, so they are refreshed with the people.
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: USERS_KEY }),
      queryClient.invalidateQueries({ queryKey: ['units'] }),
    ]);
  };
}

export function useCreateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({ mutationFn: createUser, onSuccess: invalidate });
}

export function useUpdateUser() {
  const invalidate = useInvalidateUsers();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateUserBody }) => updateUser(id, body),
    onSuccess: async (user: User) => {
      queryClient.setQueryData(userKey(user.id), user);
      await invalidate();
    },
  });
}

export function useCreateInvitation() {
  return useMutation({ mutationFn: (id: string) => createInvitation(id) });
}
