import type { ClientDuplicate, ClientDuplicateReason } from '@pulse/contracts';
import { nameSimilarity, normalizeCompanyName, SIMILAR_NAME_THRESHOLD } from '@pulse/domain';
import { sql } from 'kysely';
import type { Tx } from '../../db/tenant.ts';

/** What a record is compared by. `id` is left out of its own duplicates. */
export interface DuplicateProbe {
  id: string | null;
  name: string;
  inn?: string | null;
  /** Contacts: a similar name counts only within the same company. */
  companyId?: string | null;
  phones: readonly string[];
  emails: readonly string[];
}

interface Found {
  id: string;
  name: string;
  ownerId: string | null;
  archived: boolean;
}

const REASON_ORDER: readonly ClientDuplicateReason[] = ['inn', 'email', 'phone', 'name'];
// More candidates than this share a fragment only for very common words; the rest are not shown.
const NAME_CANDIDATE_LIMIT = 2000;
const MAX_DUPLICATES = 50;

/** Companies of the organisation (merged ones aside) that look like the same client. */
export async function findCompanyDuplicates(tx: Tx, orgId: string, probe: DuplicateProbe): Promise<ClientDuplicate[]> {
  const base = () =>
    tx
      .selectFrom('companies as c')
      .select([
        'c.company_id as id',
        'c.name',
        'c.owner_id as ownerId',
        sql<boolean>`c.archived_at IS NOT NULL`.as('archived'),
      ])
      .where('c.org_id', '=', orgId)
      .where('c.merged_into_id', 'is', null)
      .$if(probe.id !== null, (q) => q.where('c.company_id', '!=', probe.id as string));
  const fragments = nameFragments(probe.name);
  const [byInn, byEmail, byPhone, byName] = await Promise.all([
    probe.inn ? base().where('c.inn', '=', probe.inn).execute() : [],
    probe.emails.length > 0
      ? base()
          .where(({ exists, selectFrom }) =>
            exists(
              selectFrom('emails as e')
                .select('e.email_id')
                .whereRef('e.org_id', '=', 'c.org_id')
                .whereRef('e.company_id', '=', 'c.company_id')
                .where('e.email', 'in', [...probe.emails]),
            ),
          )
          .execute()
      : [],
    probe.phones.length > 0
      ? base()
          .where(({ exists, selectFrom }) =>
            exists(
              selectFrom('phones as p')
                .select('p.phone_id')
                .whereRef('p.org_id', '=', 'c.org_id')
                .whereRef('p.company_id', '=', 'c.company_id')
                .where('p.e164', 'in', [...probe.phones]),
            ),
          )
          .execute()
      : [],
    fragments.length > 0
      ? base()
          .where(sql<boolean>`replace(lower(c.name), 'ё', 'е') LIKE ANY (${fragments}::text[])`)
          .limit(NAME_CANDIDATE_LIMIT)
          .execute()
      : [],
  ]);
  return combine(probe.name, { inn: byInn, email: byEmail, phone: byPhone, name: byName });
}

/** Contacts of the organisation (merged ones aside) that look like the same person. */
export async function findContactDuplicates(tx: Tx, orgId: string, probe: DuplicateProbe): Promise<ClientDuplicate[]> {
  const base = () =>
    tx
      .selectFrom('contacts as ct')
      .select([
        'ct.contact_id as id',
        'ct.full_name as name',
        'ct.owner_id as ownerId',
        sql<boolean>`ct.archived_at IS NOT NULL`.as('archived'),
      ])
      .where('ct.org_id', '=', orgId)
      .where('ct.merged_into_id', 'is', null)
      .$if(probe.id !== null, (q) => q.where('ct.contact_id', '!=', probe.id as string));
  const fragments = probe.companyId ? nameFragments(probe.name) : [];
  const [byEmail, byPhone, byName] = await Promise.all([
    probe.emails.length > 0
      ? base()
          .where(({ exists, selectFrom }) =>
            exists(
              selectFrom('emails as e')
                .select('e.email_id')
                .whereRef('e.org_id', '=', 'ct.org_id')
                .whereRef('e.contact_id', '=', 'ct.contact_id')
                .where('e.email', 'in', [...probe.emails]),
            ),
          )
          .execute()
      : [],
    probe.phones.length > 0
      ? base()
          .where(({ exists, selectFrom }) =>
            exists(
              selectFrom('phones as p')
                .select('p.phone_id')
                .whereRef('p.org_id', '=', 'ct.org_id')
                .whereRef('p.contact_id', '=', 'ct.contact_id')
                .where('p.e164', 'in', [...probe.phones]),
            ),
          )
          .execute()
      : [],
    fragments.length > 0 && probe.companyId
      ? base()
          .where('ct.company_id', '=', probe.companyId)
          .where(sql<boolean>`replace(lower(ct.full_name), 'ё', 'е') LIKE ANY (${fragments}::text[])`)
          .limit(NAME_CANDIDATE_LIMIT)
          .execute()
      : [],
  ]);
  return combine(probe.name, { inn: [], email: byEmail, phone: byPhone, name: byName });
}

/** Merges the matches of each reason into one entry per record, strongest reason first. */
function combine(name: string, matches: Record<ClientDuplicateReason, Found[]>): ClientDuplicate[] {
  const byId = new Map<string, ClientDuplicate>();
  for (const reason of REASON_ORDER) {
    for (const found of matches[reason]) {
      const similarity = reason === 'name' ? nameSimilarity(name, found.name) : null;
      if (similarity !== null && similarity < SIMILAR_NAME_THRESHOLD) continue;
      const entry = byId.get(found.id) ?? { ...found, reason, reasons: [], similarity: null };
      entry.reasons.push(reason);
      if (similarity !== null) entry.similarity = Math.round(similarity * 1000) / 1000;
      byId.set(found.id, entry);
    }
  }
  return [...byId.values()]
    .sort(
      (a, b) =>
        REASON_ORDER.indexOf(a.reason) - REASON_ORDER.indexOf(b.reason) ||
        a.name.localeCompare(b.name) ||
        a.id.localeCompare(b.id),
    )
    .slice(0, MAX_DUPLICATES);
}

/**
 * LIKE patterns that every name similar enough to `name` contains at least one of, so SQL can
 * narrow the candidates without pg_trgm and nameSimilarity decides. A name at similarity ≥ t
 * shares at least t·|T| of the |T| trigrams of `name`, so it misses at most ⌊(1 − t)·|T|⌋ of
 * them: any ⌊(1 − t)·|T|⌋ + 1 distinct trigrams include one it has. Each trigram becomes its
 * letters (the padding spaces dropped), which then occur in the other name's lower-case text;
 * the longest (most selective) are taken.
 */
export function nameFragments(name: string, threshold = SIMILAR_NAME_THRESHOLD): string[] {
  const trigrams = new Set<string>();
  for (const word of normalizeCompanyName(name).split(' ')) {
    if (word === '') continue;
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) trigrams.add(padded.slice(i, i + 3));
  }
  if (trigrams.size === 0) return [];
  // The epsilon keeps 5 × (1 − 0.8) = 0.9999… from rounding down to 0.
  const needed = Math.floor(trigrams.size * (1 - threshold) + 1e-9) + 1;
  const fragments = [...trigrams]
    .map((trigram) => trigram.trim())
    .sort((a, b) => b.length - a.length || a.localeCompare(b))
    .slice(0, needed);
  return [...new Set(fragments)].map((fragment) => `%${fragment}%`);
}
