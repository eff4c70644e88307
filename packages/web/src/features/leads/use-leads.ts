import type { LeadDetail } from '@pulse/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type ConvertLeadBody,
  type CreateLeadBody,
  convertLead,
  createLead,
  disqualifyLead,
  findQualificationCriteria,
  getLead,
  handOffLead,
  putLeadQualification,
  type UpdateLeadBody,
  updateLead,
} from '../../api/leads.ts';

export const LEADS_KEY = ['leads'] as const;
export const leadKey = (id: string) => [...LEADS_KEY, 'one', id] as const;

export function useLead(id: string) {
  return useQuery({ queryKey: leadKey(id), queryFn: ({ signal }) => getLead(id, signal), retry: false });
}

export function useQualificationCriteria() {
  return useQuery({
    queryKey: ['qualification-criteria'],
    queryFn: ({ signal }) => findQualificationCriteria(signal),
    staleTime: 10 * 60_000,
  });
}

/** A lead change moves it between lists and in or out of someone's "My day". */
function useLeadSaved(): (lead: LeadDetail) => Promise<void> {
  const queryClient = useQueryClient();
  return async (lead) => {
    queryClient.setQueryData(leadKey(lead.id), lead);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: LEADS_KEY, predicate: (query) => query.queryKey[1] !== 'one' }),
      queryClient.invalidateQueries({ queryKey: ['my-day'] }),
    ]);
  };
}

export function useCreateLead() {
  const saved = useLeadSaved();
  return useMutation({ mutationFn: (body: CreateLeadBody) => createLead(body), onSuccess: saved });
}

export function useUpdateLead(id: string) {
  const saved = useLeadSaved();
  return useMutation({ mutationFn: (body: UpdateLeadBody) => updateLead(id, body), onSuccess: saved });
}

export function useQualifyLead(id: string) {
  const saved = useLeadSaved();
  return useMutation({
    mutationFn: (body: { answers: Record<string, boolean>; version: number }) => putLeadQualification(id, body),
    onSuccess: saved,
  });
}

export function useDisqualifyLead(id: string) {
  const saved = useLeadSaved();
  return useMutation({
    mutationFn: (body: { reason: string; version: number }) => disqualifyLead(id, body),
    onSuccess: saved,
  });
}

export function useHandOffLead(id: string) {
  const saved = useLeadSaved();
  return useMutation({
    mutationFn: (body: { assigneeId?: string; unitId?: string; version: number }) => handOffLead(id, body),
    onSuccess: saved,
  });
}

export function useConvertLead(id: string) {
  const saved = useLeadSaved();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ConvertLeadBody) => convertLead(id, body),
    onSuccess: async (result) => {
      await saved(result.lead);
      await Promise.all(
        ['companies', 'contacts', 'deals', 'board'].map((key) => queryClient.invalidateQueries({ queryKey: [key] })),
      );
    },
  });
}
