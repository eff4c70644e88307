import { type CountryCode, normalizePhone } from '@pulse/domain';
import { sql } from 'kysely';
import type { KeysetSort } from '../../http/keyset.ts';

/** What a list's `q` is matched as: text anywhere, and, when it looks so, an INN or a phone. */
export interface ClientSearch {
  q?: string;
  /** `q` is all digits: the start of an INN. */
  innPrefix?: string;
  /** Digits of `q`, matched inside stored E.164 numbers. */
  phoneDigits?: string;
  /** `q` read as a whole phone number in the organisation's region. */
  phoneE164?: string;
}

// Fewer digits than this match too many numbers to mean a phone.
const MIN_PHONE_DIGITS = 4;

export function clientSearch(q: string | undefined, region: CountryCode): ClientSearch {
  if (!q) return {};
  const digits = q.replace(/\D/g, '');
  const looksLikePhone = /^[\d\s()+\-.]+$/.test(q) && digits.length >= MIN_PHONE_DIGITS;
  const phone = looksLikePhone ? normalizePhone(q, region) : null;
  // A national trunk prefix ('8 916…') is not part of the E.164 digits.
  const national = region === 'RU' && digits.startsWith('8') && !q.trim().startsWith('+') ? digits.slice(1) : digits;
  return {
    q,
    innPrefix: /^\d+$/.test(q) ? q : undefined,
    phoneDigits: looksLikePhone ? national : undefined,
    phoneE164: phone?.ok ? phone.e164 : undefined,
  };
}

/** `%text%` for (I)LIKE with the user's % and _ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The keyset sort of a client list: names case-insensitively (the lower(name) index), instants
 * as they are stored.
 */
export function clientSort(
  sort: 'name' | 'created' | 'updated',
  columns: { name: string; created: string; updated: string },
): Pick<KeysetSort, 'expression' | 'kind'> {
  if (sort === 'name') return { expression: sql`lower(${sql.ref(columns.name)})`, kind: 'text' };
  return { expression: sql.ref(columns[sort]), kind: 'timestamp' };
}

/** Names ascending, dates newest first, unless the client says otherwise. */
export function listOrder(sort: 'name' | 'created' | 'updated', order?: 'asc' | 'desc'): 'asc' | 'desc' {
  return order ?? (sort === 'name' ? 'asc' : 'desc');
}
