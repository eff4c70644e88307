import { Organization, type UpdateOrganizationRequest } from '@pulse/contracts';
import { http, type Output } from './client.ts';

export function getOrganization(): Promise<Organization> {
  return http.get('/api/org', Organization);
}

export function updateOrganization(body: Output<typeof UpdateOrganizationRequest>): Promise<Organization> {
  return http.patch('/api/org', Organization, body);
}
