import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';

/** Error text per form field, already translated. */
export type FieldErrors = Partial<Record<string, string>>;

export type ValidationKey =
  | 'validation.required'
  | 'validation.email'
  | 'validation.taken'
  | 'validation.passwordLength'
  | 'validation.date'
  | 'validation.timeZone'
  | 'validation.clockTime'
  | 'validation.hoursDiffer'
  | 'validation.workWeek'
  | 'validation.currency'
  | 'validation.inn'
  | 'validation.kpp'
  | 'validation.phone'
  | 'validation.amount'
  | 'validation.quantity'
  | 'validation.discount'
  | 'validation.url'
  | 'validation.invalid';

/**
 * Which message a field's problem gets. The server's (English) detail text is not shown: the field
 * says enough, and this keeps every message translated.
 */
const FIELD_MESSAGES: Record<string, ValidationKey> = {
  email: 'validation.email',
  fullName: 'validation.required',
  name: 'validation.required',
  password: 'validation.passwordLength',
  newPassword: 'validation.passwordLength',
  currentPassword: 'validation.required',
  hireDate: 'validation.date',
  timeZone: 'validation.timeZone',
  businessHours: 'validation.hoursDiffer',
  start: 'validation.clockTime',
  end: 'validation.clockTime',
  workWeek: 'validation.workWeek',
  currency: 'validation.currency',
  title: 'validation.required',
  inn: 'validation.inn',
  kpp: 'validation.kpp',
  number: 'validation.phone',
  phone: 'validation.phone',
  amountMinor: 'validation.amount',
  unitPriceMinor: 'validation.amount',
  priceMinor: 'validation.amount',
  quantity: 'validation.quantity',
  discountPercent: 'validation.discount',
  recordingUrl: 'validation.url',
  dueAt: 'validation.date',
  occurredAt: 'validation.date',
  expectedCloseDate: 'validation.date',
  reason: 'validation.required',
  lostReasonId: 'validation.required',
};

interface Issue {
  path: string;
}

/** `body.businessHours.start` → `businessHours.start`; array indexes are dropped. */
export function normalizeIssuePath(path: string): string {
  return path
    .replace(/^body[.[]?/, '')
    .split(/[.[\]]/)
    .filter((part) => part !== '' && !/^\d+$/.test(part))
    .join('.');
}

export function useFieldErrors(): {
  fromIssues: (issues: readonly Issue[]) => FieldErrors;
  fromError: (error: unknown) => FieldErrors;
} {
  return useFieldErrorsWith({});
}

/** As `useFieldErrors`, with some fields' messages overridden (a login password is only required). */
export function useFieldErrorsWith(overrides: Record<string, ValidationKey>): {
  fromIssues: (issues: readonly Issue[]) => FieldErrors;
  fromError: (error: unknown) => FieldErrors;
} {
  const { t } = useTranslation();
  const messages = { ...FIELD_MESSAGES, ...overrides };
  function fromIssues(issues: readonly Issue[], override?: ValidationKey): FieldErrors {
    const errors: FieldErrors = {};
    for (const issue of issues) {
      const path = normalizeIssuePath(issue.path);
      const field = path.split('.')[0] ?? '';
      const leaf = path.split('.').at(-1) ?? '';
      const key = override ?? messages[leaf] ?? messages[field] ?? 'validation.invalid';
      errors[path] ??= t(key);
      errors[field] ??= t(key);
      // Lists (phones, lines) also get the error by row: 'phones.1'.
      const row = /^(\w+)[.[](\d+)/.exec(issue.path.replace(/^body[.[]?/, ''));
      if (row) errors[`${row[1]}.${row[2]}`] ??= t(key);
    }
    return errors;
  }
  return {
    fromIssues: (issues) => fromIssues(issues),
    fromError(error) {
      if (!(error instanceof ApiError)) return {};
      if (error.code === 'validation_failed') return fromIssues(error.details);
      // A 409 that names fields means a unique value (an e-mail) is already taken.
      if (error.code === 'conflict') return fromIssues(error.details, 'validation.taken');
      return {};
    },
  };
}

/** What zod's `safeParse` returns, described structurally so the web needs no zod import of its own. */
type SafeParseResult<T> =
  | { success: true; data: T }
  | { success: false; error: { issues: readonly { path: readonly PropertyKey[] }[] } };

export interface SafeParser<T> {
  safeParse(data: unknown): SafeParseResult<T>;
}

/** Checks form values against a contract schema before they go to the server. */
export function checkWith<T>(
  schema: SafeParser<T>,
  values: unknown,
): { ok: true; data: T } | { ok: false; issues: Issue[] } {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.') })),
  };
}
