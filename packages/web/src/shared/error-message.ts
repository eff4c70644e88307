import type { ErrorCode } from '@pulse/contracts';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, UnexpectedResponseError } from '../api/client.ts';

type ErrorKey = `errors.${ErrorCode}` | 'errors.network' | 'errors.invalidResponse' | 'errors.unknown';

/** The translation key for any error a request can throw; the server's own `message` is never shown. */
export function errorKey(error: unknown): ErrorKey {
  if (error instanceof ApiError) return `errors.${error.code}`;
  if (error instanceof UnexpectedResponseError) return 'errors.invalidResponse';
  if (error instanceof TypeError) return 'errors.network';
  return 'errors.unknown';
}

export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback((error: unknown) => t(errorKey(error)), [t]);
}
