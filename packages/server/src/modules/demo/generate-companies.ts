import { generateInn } from '@pulse/domain';
import {
  CHANNEL_WEIGHTS,
  CHANNELS,
  DECISION_POSITIONS,
  LEAD_SOURCE_WEIGHTS,
  LEAD_SOURCES,
  type LeadSource,
  NOTES,
  OTHER_POSITIONS,
  OTHER_SOURCE_WEIGHTS,
  OTHER_SOURCES,
  PERSONAL_MAIL,
  SEGMENTS,
  SIZE_PULL,
  SIZE_WEIGHTS,
  SIZES,
  SOURCE_LABEL,
} from './client-vocabulary.ts';
import { companyNaming, INDUSTRIES, rawPhone } from './company-names.ts';
import { type GenContext, type Person, streamOf, worksOn } from './context.ts';
import type { Random } from './random.ts';
import { CITIES, CITY_WEIGHTS, MOBILE_CODES } from './russian-geography.ts';
import { formalName, randomPerson, transliterate } from './russian-names.ts';

const DAY_MS = 86_400_000;
/** The client base that existed before the history starts, as a share of all companies. */
const BASE_SHARE = 0.45;
/** Of the companies won during the history, the share that arrived as a lead and was converted… */
const FROM_LEAD_SHARE = 0.35;
/** …but converted leads open at most this share of all deals and are at most this share of leads. */
const CONVERSION_DEAL_SHARE = 0.12;
const CONVERSION_LEAD_SHARE = 0.45;
const KEY_ACCOUNT_SHARE = 0.03;
/** Share of sole traders (ИП) among companies, as company-names.ts weighs legal forms. */
const INDIVIDUAL_SHARE = 0.145;

/** A company that came in as a lead: what the lead recorded before it was converted. */
export interface LeadOrigin {
  company: number;
  name: string;
  inn: string;
  contactName: string;
  phone: number;
  email: string | null;
  source: LeadSource;
}

/** What later phases need to know about the companies, as compact arrays indexed by company. */
export interface CompanyBook {
  count: number;
  /** Creation instants, ascending: company n was created no later than company n + 1. */
  createdMs: Float64Array;
  owner: Int32Array;
  /** The owner before a hand-over (they left), or -1. */
  prevOwner: Int32Array;
  handoverDay: Int32Array;
  city: Uint8Array;
  channel: Uint8Array;
  /** Index into SIZES. */
  size: Uint8Array;
  /** How many deals the company tends to bring, relative to a small company. */
  pull: Float32Array;
  keyAccount: Uint8Array;
  firstContact: Int32Array;
  contactCount: Uint8Array;
  /** 'УралМашСервис' or 'ИП Сидоров И. П.', for deal titles. */
  shortName: string[];
  /** Each contact's mobile as its 10 national digits (0 when none). */
  contactMobile: Float64Array;
  leadOrigins: LeadOrigin[];
}

/** The owner of a company on a day: the previous one until the hand-over. */
export function ownerOn(book: CompanyBook, company: number, dayNum: number): number {
  const prev = book.prevOwner[company] as number;
  return prev >= 0 && dayNum < (book.handoverDay[company] as number) ? prev : (book.owner[company] as number);
}

/** Writes the companies with their contacts, phones and e-mails, and returns the book. */
export async function generateCompanies(ctx: GenContext): Promise<CompanyBook> {
  const rng = streamOf(ctx, 'companies');
  const count = ctx.profile.companies;
  const createdMs = creationInstants(ctx, rng, count);
  const meanContacts = ctx.profile.contactsPerCompany;
  // Sole traders have 1.2 contacts on average; legal entities make up the rest of the mean.
  const extraContacts = Math.max(0, (meanContacts - INDIVIDUAL_SHARE * 1.2) / (1 - INDIVIDUAL_SHARE) - 1);
  const maxContacts = Math.ceil(count * (meanContacts + 1)) + 64;
  const book: CompanyBook = {
    count,
    createdMs,
    owner: new Int32Array(count),
    prevOwner: new Int32Array(count).fill(-1),
    handoverDay: new Int32Array(count),
    city: new Uint8Array(count),
    channel: new Uint8Array(count),
    size: new Uint8Array(count),
    pull: new Float32Array(count),
    keyAccount: new Uint8Array(count),
    firstContact: new Int32Array(count),
    contactCount: new Uint8Array(count),
    shortName: [],
    contactMobile: new Float64Array(maxContacts),
    leadOrigins: [],
  };
  const owners = new OwnerPicker(ctx, rng);
  const inHistory = count * (1 - BASE_SHARE);
  const fromLeadShare = Math.min(
    FROM_LEAD_SHARE,
    (CONVERSION_DEAL_SHARE * ctx.profile.dealsPerYear * ctx.years) / inHistory,
    (CONVERSION_LEAD_SHARE * ctx.profile.leadsPerYear * ctx.years) / inHistory,
  );
  const { writer, ids } = ctx;
  let contactIndex = 0;
  for (let c = 0; c < count; c++) {
    const created = createdMs[c] as number;
    const cityIndex = rng.weighted(CITY_WEIGHTS);
    const city = CITIES[cityIndex] as (typeof CITIES)[number];
    const channel = rng.weighted(CHANNEL_WEIGHTS);
    const industry =
      channel === 1 || channel === 2
        ? (INDUSTRIES[11] as (typeof INDUSTRIES)[number])
        : (INDUSTRIES[rng.weighted(INDUSTRIES.map((i) => i.weight))] as (typeof INDUSTRIES)[number]);
    const founder = randomPerson(rng);
    const naming = companyNaming(rng, city, industry, founder);
    const individual = naming.kind === 'individual';
    const size = individual ? rng.int(0, 1) : rng.weighted(SIZE_WEIGHTS);
    const key = size >= 3 && rng.chance(KEY_ACCOUNT_SHARE * 5);
    const fromLead = created >= ctx.historyStartMs && rng.chance(fromLeadShare);
    const leadSource = fromLead ? (rng.weighted(LEAD_SOURCE_WEIGHTS) as number) : -1;
    const source = fromLead
      ? SOURCE_LABEL[LEAD_SOURCES[leadSource] as LeadSource]
      : (OTHER_SOURCES[rng.weighted(OTHER_SOURCE_WEIGHTS)] as string);
    owners.assign(book, c, city.macro, key, Math.max(ctx.work.localDayOf(created), ctx.historyStartDay));
    const ownerId = ctx.people[book.owner[c] as number]?.userId as string;
    const inn = generateInn(individual ? 'individual' : 'legal', () => rng.next());
    book.city[c] = cityIndex;
    book.channel[c] = channel;
    book.size[c] = size;
    book.pull[c] = (SIZE_PULL[size] as number) * (key ? 2.5 : 1);
    book.keyAccount[c] = key ? 1 : 0;
    book.shortName.push(
      individual
        ? `ИП ${founder.last} ${founder.first[0]}. ${founder.patronymic[0]}.`
        : naming.name.replace(/^[А-Я]+ «(.*)»$/, '$1'),
    );
    writer.add(
      'companies',
      ids.company(c),
      naming.name,
      naming.legalName,
      inn,
      individual ? null : `${inn.slice(0, 4)}01001`,
      industry.name,
      SIZES[size] as string,
      city.region,
      city.city,
      CHANNELS[channel] as string,
      SEGMENTS[size] as string,
      source,
      ownerId,
      key,
      rng.chance(0.05) ? rng.pick(NOTES) : null,
      created,
      created,
    );
    const domain = `${naming.domain}.ru`;
    if (!individual && rng.chance(0.9)) {
      addPhone(ctx, rng, { company: c, contact: null }, fixedLine(rng, city.areaCodes), 'work', 0);
    }
    if (!individual && rng.chance(0.7)) {
      writer.add(
        'emails',
        ids.email(ctx.counters.email.next()),
        ids.company(c),
        null,
        `${rng.pick(['info', 'office', 'zakaz', 'snab'])}@${domain}`,
        'work',
        0,
      );
    }
    const contacts = individual ? (rng.chance(0.2) ? 2 : 1) : 1 + geometric(rng, extraContacts);
    book.firstContact[c] = contactIndex;
    book.contactCount[c] = contacts;
    for (let k = 0; k < contacts && contactIndex < maxContacts; k++, contactIndex++) {
      const person = k === 0 && individual ? founder : randomPerson(rng);
      const position =
        k === 0
          ? individual
            ? 'Индивидуальный предприниматель'
            : rng.pick(DECISION_POSITIONS)
          : rng.pick(OTHER_POSITIONS);
      const decisionMaker = k === 0 || position.startsWith('Финансовый');
      const contactCreated = Math.min(created + k * rng.int(0, 120) * DAY_MS, ctx.anchorMs - DAY_MS);
      writer.add(
        'contacts',
        ids.contact(contactIndex),
        ids.company(c),
        formalName(person),
        position,
        decisionMaker,
        ownerId,
        source,
        contactCreated,
        contactCreated,
      );
      let mobile = 0;
      if (rng.chance(0.92)) {
        mobile = Number(`${rng.pick(MOBILE_CODES)}${rng.int(1_000_000, 9_999_999)}`);
        addPhone(
          ctx,
          rng,
          { company: null, contact: contactIndex },
          { national: String(mobile), areaLength: 3 },
          'mobile',
          0,
        );
      }
      if (!individual && rng.chance(0.25)) {
        addPhone(
          ctx,
          rng,
          { company: null, contact: contactIndex },
          fixedLine(rng, city.areaCodes),
          'work',
          1,
          String(rng.int(100, 999)),
        );
      }
      book.contactMobile[contactIndex] = mobile;
      const email = contactEmail(rng, person, individual ? null : domain);
      if (email)
        writer.add(
          'emails',
          ids.email(ctx.counters.email.next()),
          null,
          ids.contact(contactIndex),
          email,
          individual ? 'personal' : 'work',
          0,
        );
      if (k === 0 && fromLead) {
        book.leadOrigins.push({
          company: c,
          name: naming.name,
          inn,
          contactName: formalName(person),
          phone: mobile,
          email,
          source: LEAD_SOURCES[leadSource] as LeadSource,
        });
      }
    }
    await writer.maybeFlush();
  }
  return book;
}

/** Company creation instants in business hours, ascending: a base before the history, the rest during it. */
function creationInstants(ctx: GenContext, rng: Random, count: number): Float64Array {
  const { work } = ctx;
  const baseFrom = work.indexAtOrAfter(work.firstDay);
  const historyFrom = work.indexAtOrAfter(ctx.historyStartDay);
  const historyTo = work.indexAtOrAfter(ctx.anchorDay);
  const result = new Float64Array(count);
  for (let c = 0; c < count; c++) {
    const base = rng.chance(BASE_SHARE);
    const index = base ? rng.int(baseFrom, historyFrom - 1) : rng.int(historyFrom, historyTo - 1);
    result[c] = work.instantOn(work.days[index] as number, rng.next() * 0.95);
  }
  return result.sort();
}

/** Chooses owners: reps of the department serving the region (key accounts: the key-account team and heads). */
class OwnerPicker {
  private readonly repsOf = new Map<string, Person[]>();
  private readonly keyOwners: { person: Person; weight: number }[];
  private readonly everyone: Person[];

  constructor(
    private readonly ctx: GenContext,
    private readonly rng: Random,
  ) {
    for (const unit of ctx.units.filter((u) => u.kind === 'department')) {
      const reps = ctx.people.filter((p) => p.role === 'sales_manager' && p.deptKey === unit.key);
      for (const territory of unit.territories) this.repsOf.set(territory, reps);
    }
    this.everyone = ctx.people.filter((p) => p.role === 'sales_manager');
    this.keyOwners = [
      ...(this.repsOf.get('key') ?? []).map((person) => ({ person, weight: 1 })),
      // The heads keep a few of the biggest clients personally.
      ...ctx.people.filter((p) => p.key === 'head' || p.key === 'head3').map((person) => ({ person, weight: 0.3 })),
    ];
  }

  assign(book: CompanyBook, company: number, macro: string, key: boolean, dayNum: number): void {
    const pool =
      key && this.keyOwners.length > 0
        ? this.keyOwners
        : (this.repsOf.get(macro) ?? this.everyone).map((person) => ({ person, weight: person.skill }));
    const working = pool.filter((o) => worksOn(o.person, dayNum));
    const candidates = working.length > 0 ? working : pool.filter((o) => worksOn(o.person, this.ctx.anchorDay - 1));
    const chosen =
      candidates.length > 0
        ? (candidates[this.rng.weighted(candidates.map((o) => o.weight))]?.person as Person)
        : (this.everyone[0] as Person);
    book.owner[company] = chosen.index;
    if (chosen.leaveDay !== null && chosen.leaveDay < this.ctx.anchorDay) {
      const heirs = pool.filter((o) => o.person !== chosen && worksOn(o.person, chosen.leaveDay as number));
      const heir = heirs.length > 0 ? (this.rng.pick(heirs).person as Person) : (this.everyone[0] as Person);
      book.prevOwner[company] = chosen.index;
      book.handoverDay[company] = chosen.leaveDay;
      book.owner[company] = heir.index;
    }
  }
}

function geometric(rng: Random, mean: number): number {
  if (mean <= 0) return 0;
  const p = mean / (1 + mean);
  return Math.min(30, Math.floor(Math.log(1 - rng.next()) / Math.log(p)));
}

/** A fixed-line number: an area code of the city and a subscriber number, 10 digits in all. */
function fixedLine(rng: Random, areaCodes: readonly string[]): { national: string; areaLength: number } {
  const area = rng.pick(areaCodes);
  const digits = 10 - area.length;
  return { national: `${area}${rng.int(2 * 10 ** (digits - 1), 10 ** digits - 1)}`, areaLength: area.length };
}

function addPhone(
  ctx: GenContext,
  rng: Random,
  owner: { company: number | null; contact: number | null },
  number: { national: string; areaLength: number },
  label: 'work' | 'mobile',
  position: number,
  extension: string | null = null,
): void {
  const { national, areaLength } = number;
  ctx.writer.add(
    'phones',
    ctx.ids.phone(ctx.counters.phone.next()),
    owner.company === null ? null : ctx.ids.company(owner.company),
    owner.contact === null ? null : ctx.ids.contact(owner.contact),
    `+7${national}`,
    rawPhone(national, areaLength, rng.int(0, 5), extension),
    label,
    position,
  );
}

function contactEmail(rng: Random, person: ReturnType<typeof randomPerson>, domain: string | null): string | null {
  if (!rng.chance(0.75)) return null;
  const first = transliterate(person.first);
  const last = transliterate(person.last);
  if (domain) return `${first.slice(0, 1)}.${last}@${domain}`;
  return `${last}.${first}${rng.chance(0.5) ? rng.int(1, 99) : ''}@${rng.pick(PERSONAL_MAIL)}`;
}
