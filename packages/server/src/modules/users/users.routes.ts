import { CreatedUser, CreateUserRequest, IdParams, Invitation, pageOf, UpdateUserRequest, User, UsersQuery } from '@pulse/contracts';
import { z } from 'zod';
import { sessionRoute } from '../../http/route.ts';
import { createUser, getVisibleUser, listUsers, reissueInvitation, updateUser } from './users.service.ts';

/**
 * The users cursor carries the last name seen (up to 200 characters, each up to 6 bytes once
 * JSON-escaped, then base64), so it outgrows PageQuery's 200-character cap: a page ending on a
 * long name would otherwise hand out a cursor its own next request rejects.
 */
const UsersListQuery = UsersQuery.extend({ cursor: z.string().max(2000).optional() });

export const userRoutes = [
  sessionRoute({
    method: 'GET',
    url: '/api/users',
    tag: 'people',
    summary: 'People in your scope, by name, a page at a time',
    query: UsersListQuery,
    response: pageOf(User),
    handler: ({ query }, ctx) => listUsers(ctx, query),
  }),
  sessionRoute({
    method: 'GET',
    url: '/api/users/:id',
    tag: 'people',
    summary: 'One person',
    params: IdParams,
    response: User,
    errors: [404],
    handler: ({ params }, ctx) => getVisibleUser(ctx, params.id),
  }),
  sessionRoute({
    method: 'POST',
    url: '/api/users',
    tag: 'people',
    summary: 'Add a person (administrator); returns their one-time invitation link',
    body: CreateUserRequest,
    response: CreatedUser,
    status: 201,
    errors: [403, 409, 422],
    handler: ({ body }, ctx) => createUser(ctx, body),
  }),
  sessionRoute({
    method: 'PATCH',
    url: '/api/users/:id',
    tag: 'people',
    summary: 'Edit a person; active=false deactivates them (administrator)',
    params: IdParams,
    body: UpdateUserRequest,
    response: User,
    errors: [403, 404, 422],
    handler: ({ params, body }, ctx) => updateUser(ctx, params.id, body),
  }),
  sessionRoute({
    method: 'POST',
    url: '/api/users/:id/invitation',
    tag: 'people',
    summary: 'Issue a new one-time invitation link (administrator)',
    params: IdParams,
    response: Invitation,
    status: 201,
    errors: [403, 404, 422],
    handler: ({ params }, ctx) => reissueInvitation(ctx, params.id),
  }),
];
