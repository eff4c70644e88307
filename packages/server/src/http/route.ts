import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../app-deps.ts';
import type { Tx } from '../db/tenant.ts';
import { withoutOrg } from '../db/tenant.ts';
import type { Actor } from '../modules/access/actor.ts';
import { authenticate } from '../modules/auth/authenticate.ts';
import { AppError, validationError } from './errors.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What a handler of a logged-in route receives besides its parsed input. */
export interface SessionContext {
  tx: Tx;
  actor: Actor;
  deps: AppDeps;
  request: FastifyRequest;
  reply: FastifyReply;
}
/** What a public route's handler receives: no session, no tenant transaction yet. */
export interface PublicContext {
  deps: AppDeps;
  request: FastifyRequest;
  reply: FastifyReply;
}

interface RouteBase<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType> {
  method: Method;
  url: string;
  summary: string;
  tag: string;
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  /** Success status; 200 unless stated. */
  status?: number;
  /** Documented error statuses besides 400/401. */
  errors?: number[];
}
type Input<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> = {
  params: z.output<P>;
  query: z.output<Q>;
  body: z.output<B>;
};

export interface SessionRoute<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>
  extends RouteBase<P, Q, B, R> {
  auth: 'session';
  handler(input: Input<P, Q, B>, ctx: SessionContext): Promise<z.input<R>>;
}
export interface PublicRoute<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>
  extends RouteBase<P, Q, B, R> {
  auth: 'public';
  handler(input: Input<P, Q, B>, ctx: PublicContext): Promise<z.input<R>>;
}

// biome-ignore lint/suspicious/noExplicitAny: the registry holds routes of every input/output type
export type AnyRoute = SessionRoute<any, any, any, any> | PublicRoute<any, any, any, any>;

const Empty = z.object({}).strict();

export function sessionRoute<
  P extends z.ZodType = typeof Empty,
  Q extends z.ZodType = typeof Empty,
  B extends z.ZodType = typeof Empty,
  R extends z.ZodType = z.ZodType,
>(route: Omit<SessionRoute<P, Q, B, R>, 'auth'>): SessionRoute<P, Q, B, R> {
  return { ...route, auth: 'session' };
}
export function publicRoute<
  P extends z.ZodType = typeof Empty,
  Q extends z.ZodType = typeof Empty,
  B extends z.ZodType = typeof Empty,
  R extends z.ZodType = z.ZodType,
>(route: Omit<PublicRoute<P, Q, B, R>, 'auth'>): PublicRoute<P, Q, B, R> {
  return { ...route, auth: 'public' };
}

/** Registers routes: authenticate → validate (contracts) → handler in a tenant transaction → present. */
export function registerRoutes(app: FastifyInstance, deps: AppDeps, routes: AnyRoute[]): void {
  for (const route of routes) {
    app.route({
      method: route.method,
      url: route.url,
      handler: async (request, reply) => {
        const input = parseInput(route, request);
        const result =
          route.auth === 'public'
            ? await route.handler(input(), { deps, request, reply })
            : await authenticate(deps, request, async (tx, actor) =>
                route.handler(input(), { tx, actor, deps, request, reply }),
              );
        const body = route.response.parse(result);
        reply.status(route.status ?? 200).send(body);
      },
    });
  }
}

function parseInput(route: AnyRoute, request: FastifyRequest) {
  // Parsing is deferred so an unauthenticated request is told 401, not 400.
  return () => ({
    params: parsePart('params', route.params ?? Empty, request.params ?? {}),
    query: parsePart('query', route.query ?? Empty, request.query ?? {}),
    body: route.body ? parsePart('body', route.body, request.body ?? {}) : undefined,
  });
}

function parsePart(where: 'body' | 'query' | 'params', schema: z.ZodType, value: unknown): unknown {
  const nul = findNul(value, where);
  if (nul) {
    throw new AppError(400, 'validation_failed', `Invalid ${where}: ${nul}`, [
      { path: nul, message: 'Must not contain NUL characters' },
    ]);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw validationError(where, parsed.error);
  return parsed.data;
}

export { withoutOrg };

/** PostgreSQL cannot hold a NUL character in text; such input is refused up front, by its path. */
function findNul(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findNul(item, `${path}.${i}`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = findNul(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}
