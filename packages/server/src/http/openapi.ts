import { ErrorBody } from '@pulse/contracts';
import { z } from 'zod';
import type { AnyRoute } from './route.ts';

type JsonSchema = Record<string, unknown>;

const STATUS_TEXT: Record<number, string> = {
  400: 'Invalid input: malformed JSON, wrong types, unknown fields (details name each field)',
  401: 'Not logged in',
  403: 'Your role may not do this (or the CSRF header is missing)',
  404: 'Not found (also for another organisation’s records)',
  409: 'Conflicts with existing data',
  422: 'Valid input that breaks a business rule',
  429: 'Too many attempts',
};

function toSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
  delete json.$schema;
  return json;
}

/**
 * A response whose body is a file, not JSON: the route returns a Buffer, and the document shows
 * a binary body (`type: string, format: binary`) under the file's media type.
 */
export function binaryFile(mediaType: string, description: string) {
  return z
    .custom<Buffer>((value) => Buffer.isBuffer(value))
    .meta({ type: 'string', format: 'binary', contentMediaType: mediaType, description });
}

/** The success body: JSON, or a binary file under its own media type ({@link binaryFile}). */
function responseContent(schema: z.ZodType): Record<string, { schema: JsonSchema }> {
  const json = toSchema(schema, 'output');
  if (json.format === 'binary' && typeof json.contentMediaType === 'string') {
    const { contentMediaType, ...binary } = json;
    return { [contentMediaType]: { schema: binary } };
  }
  return { 'application/json': { schema: json } };
}

function parametersOf(schema: z.ZodType | undefined, location: 'path' | 'query') {
  if (!schema) return [];
  const json = toSchema(schema, 'input');
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || required.has(name),
    schema: property,
  }));
}

/** The OpenAPI 3.1 document, generated from the same zod contracts the routes validate with. */
export function buildOpenApi(routes: AnyRoute[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  const errorContent = { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } };
  for (const route of routes) {
    const path = route.url.replace(/:([A-Za-z]+)/g, '{$1}');
    const statuses = new Set([400, ...(route.auth === 'session' ? [401] : []), ...(route.errors ?? [])]);
    const responses: Record<string, unknown> = {
      [String(route.status ?? 200)]: {
        description: 'Success',
        content: responseContent(route.response),
      },
    };
    for (const status of [...statuses].sort()) {
      responses[String(status)] = { description: STATUS_TEXT[status] ?? 'Error', content: errorContent };
    }
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = {
      summary: route.summary,
      tags: [route.tag],
      operationId: `${route.method.toLowerCase()}${path
        .replace(/[{}]/g, '')
        .replace(/\/([a-z])/g, (_, c: string) => c.toUpperCase())
        .replace(/[^A-Za-z0-9]/g, '')}`,
      security: route.auth === 'session' ? [{ session: [] }] : [],
      parameters: [
        ...parametersOf(route.params, 'path'),
        ...parametersOf(route.query, 'query'),
        ...(route.auth === 'session' && route.method !== 'GET'
          ? [{ name: 'x-csrf-token', in: 'header', required: true, schema: { type: 'string' } }]
          : []),
      ],
      ...(route.body
        ? {
            requestBody: { required: true, content: { 'application/json': { schema: toSchema(route.body, 'input') } } },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Pulse API',
      version,
      description:
        'Pulse, the sales department management system. JSON under /api. Log in with POST /api/auth/login; ' +
        'the session cookie authenticates later calls, and every state-changing call sends the csrfToken of ' +
        'GET /api/me in the x-csrf-token header. Lists page with an opaque cursor (nextCursor).',
    },
    paths,
    components: {
      schemas: { Error: toSchema(ErrorBody, 'output') },
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'pulse_session' } },
    },
  };
}

/** A readable, dependency-free page listing every operation with its schemas. */
export function renderDocsPage(spec: ReturnType<typeof buildOpenApi>): string {
  const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const sections = Object.entries(spec.paths)
    .flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => {
        const o = op as {
          summary: string;
          tags: string[];
          requestBody?: unknown;
          responses: unknown;
          parameters: unknown[];
        };
        return `<section><h2><span class="m ${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h2>
<p>${escapeHtml(o.summary)} <em>[${escapeHtml(o.tags.join(', '))}]</em></p>
<details><summary>Parameters, body and responses</summary><pre>${escapeHtml(
          JSON.stringify({ parameters: o.parameters, requestBody: o.requestBody, responses: o.responses }, null, 2),
        )}</pre></details></section>`;
      }),
    )
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pulse API</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#1a1b1e}
h2{font-size:1rem;margin:1.5rem 0 .25rem}.m{display:inline-block;min-width:4.5em;padding:0 .4em;border-radius:4px;color:#fff;font-size:.8rem;text-align:center}
.get{background:#2f9e44}.post{background:#1971c2}.put,.patch{background:#e8590c}.delete{background:#c92a2a}
pre{background:#f1f3f5;padding:.75rem;overflow:auto;font-size:12px}</style></head><body>
<h1>Pulse API ${escapeHtml(spec.info.version)}</h1><p>${escapeHtml(spec.info.description)}</p>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).</p>
${sections}</body></html>`;
}
