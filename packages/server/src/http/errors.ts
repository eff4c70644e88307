import type { ErrorCode, FieldIssue } from '@pulse/contracts';
import type { z } from 'zod';

/** An error the API reports to the client in the one error shape. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: FieldIssue[],
  ) {
    super(message);
  }
}

export const notFound = (what = 'Record') => new AppError(404, 'not_found', `${what} not found`);
export const forbidden = (message = 'You do not have access to this') => new AppError(403, 'forbidden', message);
export const conflict = (message: string, details?: FieldIssue[]) => new AppError(409, 'conflict', message, details);
export const unprocessable = (message: string, details?: FieldIssue[]) =>
  new AppError(422, 'unprocessable', message, details);
export const unauthenticated = (message = 'Log in first') => new AppError(401, 'unauthenticated', message);

/** A zod failure as a 400 naming each bad field, prefixed by where it came from. */
export function validationError(where: 'body' | 'query' | 'params', error: z.ZodError): AppError {
  const details = error.issues.flatMap((issue) =>
    // An unknown field is named by its own path, so a form can point at it.
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: [where, ...issue.path.map(String), key].join('.'), message: 'Unknown field' }))
      : [{ path: [where, ...issue.path.map(String)].join('.'), message: issue.message }],
  );
  return new AppError(400, 'validation_failed', `Invalid ${where}: ${details.map((d) => d.path).join(', ')}`, details);
}
