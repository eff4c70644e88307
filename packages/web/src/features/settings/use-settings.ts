import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { updateMe } from '../../api/auth.ts';
import { getOrganization, updateOrganization } from '../../api/organization.ts';
import { ME_KEY } from '../auth/session.tsx';

const ORG_KEY = ['organization'] as const;

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateMe, onSuccess: (me) => queryClient.setQueryData(ME_KEY, me) });
}

export function useOrganization(options: { enabled: boolean }) {
  return useQuery({ queryKey: ORG_KEY, queryFn: getOrganization, enabled: options.enabled });
}

export function useUpdateOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateOrganization,
    onSuccess: async (organization) => {
      queryClient.setQueryData(ORG_KEY, organization);
      // The header shows the organisation's name from Me.
      await queryClient.invalidateQueries({ queryKey: ME_KEY });
    },
  });
}
