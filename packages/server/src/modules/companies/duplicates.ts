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

/** Where look-alikes of one kind of record are searched, and by which of the reasons. */
interface DuplicateSource {
  table: 'companies' | 'contacts';
  idColumn: 'company_id' | 'contact_id';
  nameColumn: 'name' | 'full_name';
  /** Companies: the same INN. */
  byInn: boolean;
  /** Contacts: a similar name counts only within the same company. */
  namesWithinCompany: boolean;
}

const COMPANIES: DuplicateSource = {
  table: 'companies',
  idColumn: 'company_id',
  nameColumn: 'name',
  byInn: true,
  namesWithinCompany: false,
};
const CONTACTS: DuplicateSource = {
  table: 'contacts',
  idColumn: 'contact_id',
  nameColumn: 'full_name',
  byInn: false,
  namesWithinCompany: true,
};

/** Companies of the organisation (merged ones aside) that look like the same client. */
export function findCompanyDuplicates(tx: Tx, orgId: string, probe: DuplicateProbe): Promise<ClientDuplicate[]> {
  return findDuplicates(tx, orgId, COMPANIES, probe);
}

/** Contacts of the organisation (merged ones aside) that look like the same person. */
export function findContactDuplicates(tx: Tx, orgId: string, probe: DuplicateProbe): Promise<ClientDuplicate[]> {
  return findDuplicates(tx, orgId, CONTACTS, probe);
}

async function findDuplicates(
  tx: Tx,
  orgId: string,
  source: DuplicateSource,
  probe: DuplicateProbe,
): Promise<ClientDuplicate[]> {
  const column = (name: string) => sql.ref(`${source.table}.${name}`);
  const id = column(source.idColumn);
  const name = column(source.nameColumn);
  const base = () =>
    tx
      .selectFrom(source.table)
      .select([
        sql<string>`${id}`.as('id'),
        sql<string>`${name}`.as('name'),
        'owner_id as ownerId',
        sql<boolean>`archived_at IS NOT NULL`.as('archived'),
      ])
      .where('org_id', '=', orgId)
      .where('merged_into_id', 'is', null)
      .$if(probe.id !== null, (q) => q.where(id, '!=', probe.id as string));
  /** Records with one of `values` among their e-mails (or phones). */
  const byPoint = (table: 'emails' | 'phones', value: 'email' | 'e164', values: readonly string[]) =>
    values.length === 0
      ? []
      : base()
          .where(
            sql<boolean>`EXISTS (SELECT 1 FROM ${sql.table(table)} cp
              WHERE cp.org_id = ${column('org_id')} AND ${sql.ref(`cp.${source.idColumn}`)} = ${id}
                AND ${sql.ref(`cp.${value}`)} IN (${sql.join(values)}))`,
          )
          .execute();
  // Contacts: a similar name counts only within the same company, so not at all without one.
  const namesCount = !source.namesWithinCompany || Boolean(probe.companyId);
  const fragments = namesCount ? nameFragments(probe.name) : [];
  const [byInn, byEmail, byPhone, byName] = await Promise.all([
    source.byInn && probe.inn ? base().where(column('inn'), '=', probe.inn).execute() : [],
    byPoint('emails', 'email', probe.emails),
    byPoint('phones', 'e164', probe.phones),
    fragments.length > 0
      ? base()
          .$if(source.namesWithinCompany, (q) => q.where(column('company_id'), '=', probe.companyId as string))
          .where(sql<boolean>`replace(lower(${name}), 'ё', 'е') LIKE ANY (${fragments}::text[])`)
          .limit(NAME_CANDIDATE_LIMIT)
          .execute()
      : [],
  ]);
  return combine(probe.name, { inn: byInn, email: byEmail, phone: byPhone, name: byName });
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
