import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { acceptInvitation, changePassword, getInvitation, login, logout } from '../../api/auth.ts';
import { endSession, startSession } from './session.tsx';

/** Mutations whose 401 means "wrong credentials", not "the session expired". */
export const SKIP_SESSION_CHECK = { skipSessionCheck: true } as const;

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    meta: SKIP_SESSION_CHECK,
    onSuccess: (me) => startSession(queryClient, me),
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    meta: SKIP_SESSION_CHECK,
    // Whatever the server says, the browser forgets the session.
    onSettled: () => endSession(queryClient),
  });
}

export function useInvitation(token: string) {
  return useQuery({ queryKey: ['invitation', token], queryFn: () => getInvitation(token), retry: false });
}

export function useAcceptInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: acceptInvitation,
    meta: SKIP_SESSION_CHECK,
    onSuccess: (me) => startSession(queryClient, me),
  });
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}
