import type { Company } from '@pulse/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  archiveCompany,
  type CreateCompanyBody,
  createCompany,
  findCompanyDuplicates,
  getCompany,
  mergeCompany,
  type UpdateCompanyBody,
  unarchiveCompany,
  updateCompany,
} from '../../api/companies.ts';

export const COMPANIES_KEY = ['companies'] as const;
export const companyKey = (id: string) => [...COMPANIES_KEY, 'one', id] as const;

export function useCompany(id: string) {
  return useQuery({ queryKey: companyKey(id), queryFn: ({ signal }) => getCompany(id, signal), retry: false });
}

export function useCompanyDuplicates(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...COMPANIES_KEY, 'duplicates', id],
    queryFn: ({ signal }) => findCompanyDuplicates(id, signal),
    enabled,
  });
}

/** After a change the record is fresh and every list of companies (and contacts beside them) is stale. */
function useCompanySaved(): (company: Company) => Promise<void> {
  const queryClient = useQueryClient();
  return async (company) => {
    queryClient.setQueryData(companyKey(company.id), company);
    await queryClient.invalidateQueries({ queryKey: COMPANIES_KEY, predicate: (query) => query.queryKey[1] !== 'one' });
  };
}

export function useCreateCompany() {
  const saved = useCompanySaved();
  return useMutation({
    mutationFn: (body: CreateCompanyBody) => createCompany(body),
    onSuccess: (created) => saved(created.company),
  });
}

export function useUpdateCompany(id: string) {
  const saved = useCompanySaved();
  return useMutation({ mutationFn: (body: UpdateCompanyBody) => updateCompany(id, body), onSuccess: saved });
}

export function useArchiveCompany(id: string) {
  const saved = useCompanySaved();
  return useMutation({
    mutationFn: ({ archived, version }: { archived: boolean; version: number }) =>
      archived ? archiveCompany(id, { version }) : unarchiveCompany(id, { version }),
    onSuccess: saved,
  });
}

/** Merges `otherId` into `survivorId`. */
export function useMergeCompany() {
  const saved = useCompanySaved();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ survivorId, otherId }: { survivorId: string; otherId: string }) => {
      // The survivor's current version: the merge is refused on a stale one.
      const survivor = await getCompany(survivorId);
      return mergeCompany(survivorId, { otherId, version: survivor.version });
    },
    onSuccess: async (company, { otherId }) => {
      queryClient.removeQueries({ queryKey: companyKey(otherId) });
      await saved(company);
      await queryClient.invalidateQueries({ queryKey: ['contacts'] });
      await queryClient.invalidateQueries({ queryKey: ['deals'] });
    },
  });
}
