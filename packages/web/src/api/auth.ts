import {
  type AcceptInvitationRequest,
  type ChangePasswordRequest,
  InvitationPreview,
  type LoginRequest,
  Me,
  Ok,
  type UpdateMeRequest,
} from '@pulse/contracts';
import { http, type Output, rememberCsrfToken } from './client.ts';

export type InvitationPreviewData = Output<typeof InvitationPreview>;

function remember(me: Me): Me {
  rememberCsrfToken(me.csrfToken);
  return me;
}

export async function getMe(): Promise<Me> {
  return remember(await http.get('/api/me', Me));
}

export async function login(body: Output<typeof LoginRequest>): Promise<Me> {
  return remember(await http.post('/api/auth/login', Me, body));
}

export async function logout(): Promise<void> {
  await http.post('/api/auth/logout', Ok);
  rememberCsrfToken(null);
}

export async function changePassword(body: Output<typeof ChangePasswordRequest>): Promise<void> {
  await http.post('/api/auth/password', Ok, body);
}

export function getInvitation(token: string): Promise<InvitationPreviewData> {
  return http.get(`/api/auth/invitations/${encodeURIComponent(token)}`, InvitationPreview);
}

export async function acceptInvitation(body: Output<typeof AcceptInvitationRequest>): Promise<Me> {
  return remember(await http.post('/api/auth/invitations/accept', Me, body));
}

export async function updateMe(body: Output<typeof UpdateMeRequest>): Promise<Me> {
  return remember(await http.patch('/api/me', Me, body));
}
