import {
  CreatedUser,
  type CreateUserRequest,
  Invitation,
  pageOf,
  type Role,
  type UpdateUserRequest,
  User,
} from '@pulse/contracts';
import { http, type Output } from './client.ts';

const UserPage = pageOf(User);

export type UserPageData = Output<typeof UserPage>;
export type CreatedUserData = Output<typeof CreatedUser>;
export type InvitationData = Output<typeof Invitation>;
export type CreateUserBody = Output<typeof CreateUserRequest>;
export type UpdateUserBody = Output<typeof UpdateUserRequest>;

/** Filters of GET /api/users; `active` defaults to active users on the server too. */
export interface UserFilters {
  q?: string;
  role?: Role;
  unitId?: string;
  active?: 'true' | 'false' | 'all';
}

export function findUsers(
  filters: UserFilters & { cursor?: string; limit?: number },
  signal?: AbortSignal,
): Promise<UserPageData> {
  return http.get('/api/users', UserPage, { query: { ...filters }, signal });
}

export function getUser(id: string, signal?: AbortSignal): Promise<User> {
  return http.get(`/api/users/${id}`, User, { signal });
}

export function createUser(body: CreateUserBody): Promise<CreatedUserData> {
  return http.post('/api/users', CreatedUser, body);
}

export function updateUser(id: string, body: UpdateUserBody): Promise<User> {
  return http.patch(`/api/users/${id}`, User, body);
}

export function createInvitation(id: string): Promise<InvitationData> {
  return http.post(`/api/users/${id}/invitation`, Invitation);
}
