import { isApiError } from '../api/client.ts';

/** A 409 about `version`: someone changed the record after it was read. */
export function isStale(error: unknown): boolean {
  return isApiError(error, 'conflict') && error.details.some((issue) => issue.path === 'body.version');
}
