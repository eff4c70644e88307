import { type CreateUnitRequest, Ok, pageOf, Unit, type UpdateUnitRequest } from '@pulse/contracts';
import { http, type Output } from './client.ts';

const UnitList = pageOf(Unit).pick({ items: true });

export type CreateUnitBody = Output<typeof CreateUnitRequest>;
export type UpdateUnitBody = Output<typeof UpdateUnitRequest>;

export async function findUnits(): Promise<Unit[]> {
  return (await http.get('/api/units', UnitList)).items;
}

export function createUnit(body: CreateUnitBody): Promise<Unit> {
  return http.post('/api/units', Unit, body);
}

export function updateUnit(id: string, body: UpdateUnitBody): Promise<Unit> {
  return http.patch(`/api/units/${id}`, Unit, body);
}

export async function deleteUnit(id: string): Promise<void> {
  await http.delete(`/api/units/${id}`, Ok);
}
