import type { ClientEmail, ClientPhone } from '@pulse/contracts';
import { type CountryCode, normalizePhone } from '@pulse/domain';
import type { Tx } from '../../db/tenant.ts';
import { AppError } from '../../http/errors.ts';

/** A company's or a contact's phones and e-mails hang off exactly one of the two. */
export type PointOwner = { companyId: string } | { contactId: string };
export interface PhoneValue {
  e164: string;
  raw: string;
  label: ClientPhone['label'];
}
export interface EmailValue {
  email: string;
  label: ClientEmail['label'];
}

const PHONE_PROBLEMS = {
  empty: 'Enter a phone number',
  invalid: 'Not a valid phone number',
  too_long: 'Too many digits for a phone number',
} as const;

/**
 * Phones as typed → E.164 in the organisation's region, refused with 400 naming each bad one
 * (`body.phones.1.number`). A number given twice is kept once, at its first place.
 */
export function normalizePhones(
  phones: readonly { number: string; label: ClientPhone['label'] }[],
  region: CountryCode,
): PhoneValue[] {
  const issues: { path: string; message: string }[] = [];
  const result: PhoneValue[] = [];
  phones.forEach((phone, i) => {
    const normalized = normalizePhone(phone.number, region);
    if (!normalized.ok) {
      issues.push({ path: `body.phones.${i}.number`, message: PHONE_PROBLEMS[normalized.reason] });
    } else if (!result.some((p) => p.e164 === normalized.e164)) {
      result.push({ e164: normalized.e164, raw: phone.number, label: phone.label });
    }
  });
  if (issues.length > 0) {
    throw new AppError(400, 'validation_failed', `Invalid body: ${issues.map((i) => i.path).join(', ')}`, issues);
  }
  return result;
}

/** E-mails arrive lower-cased by the contract; one given twice is kept once. */
export function uniqueEmails(emails: readonly EmailValue[]): EmailValue[] {
  return emails.filter((e, i) => emails.findIndex((other) => other.email === e.email) === i);
}

function ownerColumns(owner: PointOwner) {
  return 'companyId' in owner
    ? { company_id: owner.companyId, contact_id: null }
    : { company_id: null, contact_id: owner.contactId };
}

/** Replaces the phones (when given) and e-mails (when given) of a company or contact. */
export async function replaceContactPoints(
  tx: Tx,
  orgId: string,
  owner: PointOwner,
  points: { phones?: PhoneValue[]; emails?: EmailValue[] },
): Promise<void> {
  const columns = ownerColumns(owner);
  const [column, id] =
    'companyId' in owner ? (['company_id', owner.companyId] as const) : (['contact_id', owner.contactId] as const);
  if (points.phones) {
    await tx.deleteFrom('phones').where('org_id', '=', orgId).where(column, '=', id).execute();
    if (points.phones.length > 0) {
      await tx
        .insertInto('phones')
        .values(points.phones.map((p, position) => ({ org_id: orgId, ...columns, ...p, position })))
        .execute();
    }
  }
  if (points.emails) {
    await tx.deleteFrom('emails').where('org_id', '=', orgId).where(column, '=', id).execute();
    if (points.emails.length > 0) {
      await tx
        .insertInto('emails')
        .values(points.emails.map((e, position) => ({ org_id: orgId, ...columns, ...e, position })))
        .execute();
    }
  }
}

/** The phones and e-mails of a company or contact, in their order. */
export async function loadContactPoints(
  tx: Tx,
  orgId: string,
  owner: PointOwner,
): Promise<{ phones: ClientPhone[]; emails: ClientEmail[] }> {
  const [column, id] =
    'companyId' in owner ? (['company_id', owner.companyId] as const) : (['contact_id', owner.contactId] as const);
  const [phones, emails] = await Promise.all([
    tx
      .selectFrom('phones')
      .select(['phone_id', 'e164', 'raw', 'label'])
      .where('org_id', '=', orgId)
      .where(column, '=', id)
      .orderBy('position')
      .orderBy('phone_id')
      .execute(),
    tx
      .selectFrom('emails')
      .select(['email_id', 'email', 'label'])
      .where('org_id', '=', orgId)
      .where(column, '=', id)
      .orderBy('position')
      .orderBy('email_id')
      .execute(),
  ]);
  return {
    phones: phones.map((p) => ({ id: p.phone_id, e164: p.e164, raw: p.raw, label: p.label as ClientPhone['label'] })),
    emails: emails.map((e) => ({ id: e.email_id, email: e.email, label: e.label as ClientEmail['label'] })),
  };
}

/**
 * Moves the phones and e-mails of a merged record to the survivor (same rows, so their ids
 * stay), after the survivor's own; a number or address the survivor already has is dropped
 * rather than doubled.
 */
export async function moveContactPoints(tx: Tx, orgId: string, from: PointOwner, to: PointOwner): Promise<void> {
  const target = await loadContactPoints(tx, orgId, to);
  const source = await loadContactPoints(tx, orgId, from);
  const columns = ownerColumns(to);
  for (const [i, phone] of source.phones.entries()) {
    const doubled = target.phones.some((t) => t.e164 === phone.e164);
    if (doubled) await tx.deleteFrom('phones').where('org_id', '=', orgId).where('phone_id', '=', phone.id).execute();
    else
      await tx
        .updateTable('phones')
        .set({ ...columns, position: target.phones.length + i })
        .where('org_id', '=', orgId)
        .where('phone_id', '=', phone.id)
        .execute();
  }
  for (const [i, email] of source.emails.entries()) {
    const doubled = target.emails.some((t) => t.email === email.email);
    if (doubled) await tx.deleteFrom('emails').where('org_id', '=', orgId).where('email_id', '=', email.id).execute();
    else
      await tx
        .updateTable('emails')
        .set({ ...columns, position: target.emails.length + i })
        .where('org_id', '=', orgId)
        .where('email_id', '=', email.id)
        .execute();
  }
}
