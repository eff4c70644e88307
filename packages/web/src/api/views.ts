import {
  type CreateSavedViewRequest,
  Ok,
  pageOf,
  SavedView,
  type SavedViewEntity,
  type UpdateSavedViewRequest,
} from '@pulse/contracts';
import { http, type Output } from './client.ts';

const SavedViewPage = pageOf(SavedView);

export type CreateSavedViewBody = Output<typeof CreateSavedViewRequest>;
export type UpdateSavedViewBody = Output<typeof UpdateSavedViewRequest>;

/** The caller's own views of a list and those colleagues shared (a list holds few; one page of 200). */
export async function findSavedViews(entity: SavedViewEntity, signal?: AbortSignal): Promise<SavedView[]> {
  return (await http.get('/api/views', SavedViewPage, { query: { entity, limit: 200 }, signal })).items;
}

export function createSavedView(body: CreateSavedViewBody): Promise<SavedView> {
  return http.post('/api/views', SavedView, body);
}

export function updateSavedView(id: string, body: UpdateSavedViewBody): Promise<SavedView> {
  return http.patch(`/api/views/${id}`, SavedView, body);
}

export async function deleteSavedView(id: string): Promise<void> {
  await http.delete(`/api/views/${id}`, Ok);
}
