import type { Unit } from '@pulse/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createUnit, deleteUnit, findUnits, type UpdateUnitBody, updateUnit } from '../../api/units.ts';

export const UNITS_KEY = ['units'] as const;

export function useUnits(options: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: UNITS_KEY, queryFn: findUnits, enabled: options.enabled ?? true });
}

/** Unit changes move people and heads too, so user lists are refreshed with the units. */
function useInvalidateStructure(): () => Promise<void> {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: UNITS_KEY }),
      queryClient.invalidateQueries({ queryKey: ['users'] }),
    ]);
  };
}

export function useCreateUnit() {
  const invalidate = useInvalidateStructure();
  return useMutation({ mutationFn: createUnit, onSuccess: invalidate });
}

export function useUpdateUnit() {
  const invalidate = useInvalidateStructure();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateUnitBody }) => updateUnit(id, body),
    onSuccess: invalidate,
  });
}

export function useDeleteUnit() {
  const invalidate = useInvalidateStructure();
  return useMutation({ mutationFn: (unit: Unit) => deleteUnit(unit.id), onSuccess: invalidate });
}
