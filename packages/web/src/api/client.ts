import { ErrorBody, type ErrorCode } from '@pulse/contracts';

/** Anything with a zod-like `parse`: lets the client stay typed without depending on zod itself. */
export interface Schema<T> {
  parse(data: unknown): T;
}
export type Output<S> = S extends Schema<infer T> ? T : never;

/** One field problem reported by the server with a 400. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** Every failed request becomes one of these; the UI translates `code`, never shows `message` raw. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly details: FieldIssue[];

  constructor(options: { status: number; code: ErrorCode; message: string; details?: FieldIssue[] }) {
    super(options.message);
    this.name = 'ApiError';
    this.status = options.status;
    this.code = options.code;
    this.details = options.details ?? [];
  }
}

/** The server answered with something the contracts do not describe. */
export class UnexpectedResponseError extends Error {
  constructor(readonly status: number) {
    super(`Unexpected response (HTTP ${status})`);
    this.name = 'UnexpectedResponseError';
  }
}

// The CSRF token comes from the last Me the server sent (login, /api/me, invitation accept).
let csrfToken: string | null = null;

export function rememberCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryParams = Record<string, string | number | boolean | null | undefined>;

interface RequestOptions {
  body?: unknown;
  query?: QueryParams;
  signal?: AbortSignal;
}

export function buildPath(path: string, query?: QueryParams): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function request<T>(method: Method, path: string, schema: Schema<T>, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  const response = await fetch(buildPath(path, options.query), {
    method,
    headers,
    credentials: 'same-origin',
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: options.signal,
  });
  const payload = await readJson(response);
  if (!response.ok) throw toApiError(response.status, payload);
  try {
    return schema.parse(payload);
  } catch {
    throw new UnexpectedResponseError(response.status);
  }
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function toApiError(status: number, payload: unknown): ApiError {
  const parsed = ErrorBody.safeParse(payload);
  if (parsed.success) return new ApiError({ status, ...parsed.data.error });
  return new ApiError({ status, code: fallbackCode(status), message: `HTTP ${status}` });
}

function fallbackCode(status: number): ErrorCode {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 413) return 'payload_too_large';
  if (status === 415) return 'unsupported_media_type';
  if (status === 422) return 'unprocessable';
  if (status === 429) return 'rate_limited';
  if (status === 400) return 'validation_failed';
  return 'internal';
}

/** The typed HTTP surface the feature modules build on. */
export const http = {
  get: <T>(path: string, schema: Schema<T>, options?: Omit<RequestOptions, 'body'>) =>
    request('GET', path, schema, options),
  // A POST always carries a JSON body, even an empty one, so the server sees one content type.
  post: <T>(path: string, schema: Schema<T>, body: unknown = {}) => request('POST', path, schema, { body }),
  put: <T>(path: string, schema: Schema<T>, body: unknown) => request('PUT', path, schema, { body }),
  patch: <T>(path: string, schema: Schema<T>, body: unknown) => request('PATCH', path, schema, { body }),
  delete: <T>(path: string, schema: Schema<T>) => request('DELETE', path, schema),
};

export function isApiError(error: unknown, code?: ErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}
