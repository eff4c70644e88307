import { z } from 'zod';
import { ClientDuplicate } from './companies.ts';

/** Every error the API returns has this one shape; the web translates `message` by `code`. */
export const ErrorCode = z.enum([
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'unprocessable',
  'rate_limited',
  'csrf_failed',
  'payload_too_large',
  'unsupported_media_type',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/**
 * One problem with one field. A refusal because of existing look-alike records (a company
 * with the same INN) lists them in `duplicates`, so a client can offer to open one of them.
 */
export const FieldIssue = z.object({
  path: z.string(),
  message: z.string(),
  duplicates: z
    .array(ClientDuplicate)
    .optional()
    .describe('The existing records this field duplicates (409 on a duplicate INN)'),
});
export type FieldIssue = z.infer<typeof FieldIssue>;
export const ErrorBody = z.object({
  error: z.object({
    code: ErrorCode,
    message: z.string(),
    details: z.array(FieldIssue).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
