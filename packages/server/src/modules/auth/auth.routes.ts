import {
  AcceptInvitationRequest,
  ChangePasswordRequest,
  InvitationPreview,
  InvitationToken,
  LoginRequest,
  Me,
  Ok,
  UpdateMeRequest,
} from '@pulse/contracts';
import { z } from 'zod';
import { publicRoute, sessionRoute } from '../../http/route.ts';
import { buildMe } from '../me/build-me.ts';
import { updateMe } from '../me/update-me.ts';
import { acceptInvitation, changePassword, login, logout, previewInvitation } from './auth.service.ts';

export const authRoutes = [
  publicRoute({
    method: 'POST',
    url: '/api/auth/login',
    tag: 'auth',
    summary: 'Log in with e-mail and password; sets the session cookie',
    body: LoginRequest,
    response: Me,
    errors: [429],
    handler: ({ body }, ctx) => login(ctx, body),
  }),
  sessionRoute({
    method: 'POST',
    url: '/api/auth/logout',
    tag: 'auth',
    summary: 'End the current session',
    response: Ok,
    handler: async (_input, ctx) => {
      await logout(ctx);
      return { ok: true as const };
    },
  }),
  sessionRoute({
    method: 'POST',
    url: '/api/auth/password',
    tag: 'auth',
    summary: 'Change your password (other sessions end)',
    body: ChangePasswordRequest,
    response: Ok,
    errors: [422],
    handler: async ({ body }, ctx) => {
      await changePassword(ctx, body);
      return { ok: true as const };
    },
  }),
  publicRoute({
    method: 'GET',
    url: '/api/auth/invitations/:token',
    tag: 'auth',
    summary: 'Who an invitation link is for',
    params: z.object({ token: InvitationToken }).strict(),
    response: InvitationPreview,
    errors: [404, 422],
    handler: ({ params }, ctx) => previewInvitation(ctx.deps, params.token),
  }),
  publicRoute({
    method: 'POST',
    url: '/api/auth/invitations/accept',
    tag: 'auth',
    summary: 'Set a password with an invitation link and log in',
    body: AcceptInvitationRequest,
    response: Me,
    errors: [404, 422],
    handler: ({ body }, ctx) => acceptInvitation(ctx, body),
  }),
  sessionRoute({
    method: 'GET',
    url: '/api/me',
    tag: 'me',
    summary: 'The logged-in user, their role, organisation and scope',
    response: Me,
    handler: (_input, ctx) => buildMe(ctx.tx, ctx.actor),
  }),
  sessionRoute({
    method: 'PATCH',
    url: '/api/me',
    tag: 'me',
    summary: 'Change your name, language or time zone',
    body: UpdateMeRequest,
    response: Me,
    handler: ({ body }, ctx) => updateMe(ctx, body),
  }),
];
