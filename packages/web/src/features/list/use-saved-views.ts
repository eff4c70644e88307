import type { SavedViewEntity } from '@pulse/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type CreateSavedViewBody,
  createSavedView,
  deleteSavedView,
  findSavedViews,
  type UpdateSavedViewBody,
  updateSavedView,
} from '../../api/views.ts';

const viewsKey = (entity: SavedViewEntity) => ['views', entity] as const;

export function useSavedViews(entity: SavedViewEntity) {
  return useQuery({
    queryKey: viewsKey(entity),
    queryFn: ({ signal }) => findSavedViews(entity, signal),
    staleTime: 60_000,
  });
}

function useRefreshViews(entity: SavedViewEntity): () => Promise<void> {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: viewsKey(entity) });
}

export function useCreateSavedView(entity: SavedViewEntity) {
  const refresh = useRefreshViews(entity);
  return useMutation({ mutationFn: (body: CreateSavedViewBody) => createSavedView(body), onSuccess: refresh });
}

export function useUpdateSavedView(entity: SavedViewEntity) {
  const refresh = useRefreshViews(entity);
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateSavedViewBody }) => updateSavedView(id, body),
    onSuccess: refresh,
  });
}

export function useDeleteSavedView(entity: SavedViewEntity) {
  const refresh = useRefreshViews(entity);
  return useMutation({ mutationFn: (id: string) => deleteSavedView(id), onSuccess: refresh });
}
