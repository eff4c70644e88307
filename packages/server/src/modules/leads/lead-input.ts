import { type CountryCode, normalizePhone, validateInn, validateKpp } from '@pulse/domain';
import { AppError } from '../../http/errors.ts';

/**
 * The organisation's country as the default region for numbers typed without '+'. An unknown
 * code is harmless: such numbers then simply fail to parse and only '+' numbers are accepted.
 */
export function phoneRegion(country: string): CountryCode {
  return (/^[A-Z]{2}$/.test(country) ? country : 'RU') as CountryCode;
}

/**
 * Checks the zod contract cannot make (INN checksum, phone numbering plan, KPP shape). Each
 * check records a bad field and returns null; `done()` then answers 400 naming every bad field
 * at once, like a contract failure does.
 */
export class FieldChecks {
  private readonly issues: { path: string; message: string }[] = [];

  constructor(private readonly region: CountryCode) {}

  /** A phone as typed → E.164. Blank or absent means no phone. */
  phone(raw: string | null | undefined, path: string): string | null {
    if (raw === null || raw === undefined || raw.trim() === '') return null;
    const phone = normalizePhone(raw, this.region);
    if (phone.ok) return phone.e164;
    return this.fail(path, phone.reason === 'too_long' ? 'Too many digits for a phone number' : 'Not a phone number');
  }

  /** An INN with a valid checksum; spaces are ignored. Blank or absent means none. */
  inn(raw: string | null | undefined, path: string): string | null {
    const inn = raw?.replace(/\s+/g, '') ?? '';
    if (inn === '') return null;
    const check = validateInn(inn);
    if (check.ok) return inn;
    return this.fail(path, check.reason === 'format' ? 'An INN has 10 or 12 digits' : 'The INN checksum is wrong');
  }

  /** A KPP: 4 digits, 2 digits or capital letters, 3 digits. Blank or absent means none. */
  kpp(raw: string | null | undefined, path: string): string | null {
    const kpp = raw?.trim() ?? '';
    if (kpp === '') return null;
    if (validateKpp(kpp).ok) return kpp;
    return this.fail(path, 'A KPP is 9 characters: 4 digits, 2 digits or capital letters, 3 digits');
  }

  /** Throws the 400 if any check failed. */
  done(): void {
    if (this.issues.length === 0) return;
    const paths = this.issues.map((i) => i.path).join(', ');
    throw new AppError(400, 'validation_failed', `Invalid body: ${paths}`, this.issues);
  }

  private fail(path: string, message: string): null {
    this.issues.push({ path, message });
    return null;
  }
}
