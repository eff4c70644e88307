import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import type { ErrorBody } from '@pulse/contracts';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { AppDeps } from './app-deps.ts';
import { AppError } from './http/errors.ts';
import { buildOpenApi, renderDocsPage } from './http/openapi.ts';
import { registerRoutes } from './http/route.ts';
import { allRoutes } from './routes.ts';
import { PULSE_VERSION } from './version.ts';

export interface AppOptions {
  /** The built web app to serve at /, or null for an API-only server (tests). */
  webDist: string | null;
  logger: boolean | { level: string };
}

/** Builds the HTTP application: API, OpenAPI, health checks and the web app, in one process. */
export async function buildApp(deps: AppDeps, options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger,
    trustProxy: true,
    bodyLimit: 1024 * 1024,
    // Invitation tokens travel in the path and are longer than Fastify's default 100 characters.
    routerOptions: { maxParamLength: 300 },
    return503OnClosing: true,
  });
  await app.register(fastifyCookie);

  // On shutdown, answers to requests still in flight close their connection, so a keep-alive
  // client does not hold the process open after its last response.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    if (closing) reply.header('connection', 'close');
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'same-origin');
    return payload;
  });

  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    const body = toErrorBody(error);
    if (body.status >= 500) request.log.error({ err: error }, 'request failed');
    reply.status(body.status).send({ error: body.error } satisfies ErrorBody);
  });

  registerRoutes(app, deps, allRoutes);

  const spec = buildOpenApi(allRoutes, PULSE_VERSION);
  app.get('/api/openapi.json', async () => spec);
  const docs = renderDocsPage(spec);
  app.get('/api/docs', async (_request, reply) => reply.type('text/html; charset=utf-8').send(docs));

  app.get('/healthz', async () => ({ status: 'ok', version: PULSE_VERSION }));
  app.get('/readyz', async (_request, reply) => {
    try {
      await sql`SELECT 1`.execute(deps.db);
      return { status: 'ready' };
    } catch {
      return reply.status(503).send({ status: 'unavailable' });
    }
  });

  const webDist = options.webDist && existsSync(join(options.webDist, 'index.html')) ? options.webDist : null;
  if (webDist) {
    // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
    await app.register(fastifyStatic, { root: webDist, wildcard: true, index: ['index.html'] });
  }
  app.setNotFoundHandler((request, reply) => {
    const isClientRoute = !request.url.startsWith('/api/') && !request.url.startsWith('/assets/');
    if (webDist && request.method === 'GET' && isClientRoute) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    const body: ErrorBody = {
      error: { code: 'not_found', message: `No route ${request.method} ${request.url.split('?')[0]}` },
    };
    return reply.status(404).send(body);
  });
  return app;
}

function toErrorBody(error: FastifyError | AppError): { status: number; error: ErrorBody['error'] } {
  if (error instanceof AppError) {
    return {
      status: error.status,
      error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) },
    };
  }
  const pgStatus = postgresErrorStatus(error);
  if (pgStatus) return pgStatus;
  const status = error.statusCode ?? 500;
  if (status === 413) return { status, error: { code: 'payload_too_large', message: 'The request body is too large' } };
  if (status === 415)
    return { status, error: { code: 'unsupported_media_type', message: 'Send JSON (application/json)' } };
  if (status >= 400 && status < 500) {
    return {
      status: 400,
      error: { code: 'validation_failed', message: error.message, details: [{ path: 'body', message: error.message }] },
    };
  }
  return { status: 500, error: { code: 'internal', message: 'Something went wrong on our side; it has been logged' } };
}

/** Constraint violations that slip past the services' own checks (a race) are still 409/422. */
function postgresErrorStatus(error: unknown): { status: number; error: ErrorBody['error'] } | null {
  if (typeof error !== 'object' || error === null || !('severity' in error) || !('code' in error)) return null;
  const code = String(error.code);
  const detail = 'detail' in error && typeof error.detail === 'string' ? error.detail : undefined;
  if (code === '23505') return { status: 409, error: { code: 'conflict', message: detail ?? 'Already exists' } };
  if (code === '23503')
    return { status: 422, error: { code: 'unprocessable', message: detail ?? 'Refers to a missing record' } };
  if (code === '23514' || code === '23502') {
    return { status: 422, error: { code: 'unprocessable', message: 'The value breaks a rule of the record' } };
  }
  if (code === '40001' || code === '40P01') {
    return { status: 409, error: { code: 'conflict', message: 'Another change got there first; try again' } };
  }
  return null;
}
