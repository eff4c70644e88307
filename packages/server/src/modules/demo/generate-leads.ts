import { generateInn } from '@pulse/domain';
import { LEAD_SOURCE_WEIGHTS, LEAD_SOURCES, type LeadSource } from './client-vocabulary.ts';
import { companyNaming, INDUSTRIES } from './company-names.ts';
import { type GenContext, type Person, streamOf, worksOn } from './context.ts';
import { type CompanyBook, type LeadOrigin, ownerOn } from './generate-companies.ts';
import type { Random } from './random.ts';
import { CITIES, CITY_WEIGHTS, MOBILE_CODES } from './russian-geography.ts';
import { formalName, randomPerson, transliterate } from './russian-names.ts';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const INTERESTS = [
  'Запрос КП на винтовой компрессор',
  'Подбор насосного оборудования',
  'Заявка на расходные материалы',
  'Сервисное обслуживание компрессорной',
  'Консультация по частотному приводу',
  'Запрос цены на фильтры и масло',
  'Модернизация компрессорной станции',
  'Аудит энергопотребления',
];
const UNQUALIFIED_REASONS = [
  'Нет бюджета в этом году',
  'Нет потребности, собирали информацию',
  'Не наш профиль',
  'Дубликат существующего клиента',
  'Физическое лицо',
  'Не удалось связаться',
  'Конкурент собирает цены',
];
/** Where leads of an age stand, as weights of new, working, qualified, handed off, unqualified. */
const FRESH_FATES = [40, 35, 15, 10, 0];
const RECENT_FATES = [0, 20, 10, 30, 40];
const OLD_FATES = [0, 0, 0, 30, 70];
const ALL_YES = JSON.stringify({ budget: true, authority: true, need: true, timing: true });

/** A converted lead, waiting for its deal. */
export interface Conversion {
  lead: number;
  company: number;
  convertedMs: number;
  source: LeadSource;
}

/** What the activity phase needs about leads: who works each and while it is open. */
export interface LeadBook {
  count: number;
  qualifier: Int32Array;
  arrivedMs: Float64Array;
  /** When the lead left the lead-generation desk (handed off, unqualified, converted), or +∞. */
  resolvedMs: Float64Array;
  phone: Float64Array;
  conversions: Conversion[];
}

/**
 * Writes the leads: those that became the companies of `book.leadOrigins` (converted, with the
 * response and hand-off times leading up to the conversion) and the rest of the funnel, plus each
 * touched lead's first outbound call or e-mail, at the instant its response time ends.
 */
export async function generateLeads(ctx: GenContext, book: CompanyBook): Promise<LeadBook> {
  const rng = streamOf(ctx, 'leads');
  const converted = book.leadOrigins.length;
  const total = Math.max(converted, Math.round(ctx.profile.leadsPerYear * ctx.years));
  const leads: LeadBook = {
    count: total,
    qualifier: new Int32Array(total).fill(-1),
    arrivedMs: new Float64Array(total),
    resolvedMs: new Float64Array(total).fill(Number.POSITIVE_INFINITY),
    phone: new Float64Array(total),
    conversions: [],
  };
  const desk = new LeadDesk(ctx, rng);
  for (let i = 0; i < converted; i++) {
    writeConverted(ctx, rng, desk, book, leads, i, book.leadOrigins[i] as LeadOrigin);
    await ctx.writer.maybeFlush();
  }
  const { work } = ctx;
  const from = work.indexAtOrAfter(ctx.historyStartDay);
  const to = work.indexAtOrAfter(ctx.anchorDay);
  for (let i = converted; i < total; i++) {
    const dayIndex = rng.int(from, to - 1);
    const day = work.days[dayIndex] as number;
    const source = LEAD_SOURCES[rng.weighted(LEAD_SOURCE_WEIGHTS)] as LeadSource;
    const offHours = (source === 'web_form' || source === 'email') && rng.chance(0.3);
    const arrived = offHours
      ? work.shiftStart(day) + work.shiftLength(day) + rng.int(30, 300) * MINUTE_MS
      : work.instantOn(day, rng.next() * 0.97);
    const city = CITIES[rng.weighted(CITY_WEIGHTS)] as (typeof CITIES)[number];
    const naming = companyNaming(rng, city, rng.pick(INDUSTRIES), randomPerson(rng));
    const contact = randomPerson(rng);
    const phone = Number(`${rng.pick(MOBILE_CODES)}${rng.int(1_000_000, 9_999_999)}`);
    const age = to - dayIndex;
    const fate = rng.weighted(age <= 2 ? FRESH_FATES : age <= 10 ? RECENT_FATES : OLD_FATES);
    let status = (['new', 'working', 'qualified', 'handed_off', 'unqualified'] as const)[fate] as string;
    const qualifier = desk.qualifierFor(city.macro, day);
    const touch = status === 'new' ? null : desk.firstTouch(arrived, source, qualifier);
    if (touch === null) status = 'new';
    const touchMs = touch?.at ?? null;
    const handedOff =
      status === 'handed_off' && touchMs !== null ? work.addBusinessTime(touchMs, rng.int(1, 16) * HOUR_MS) : null;
    const assignee = handedOff !== null ? desk.repFor(city.macro, work.localDayOf(handedOff)) : null;
    if (handedOff !== null && (handedOff >= ctx.anchorMs || assignee === null)) status = 'qualified';
    const resolved =
      status === 'unqualified' && touchMs !== null
        ? work.addBusinessTime(touchMs, rng.int(1, 30) * HOUR_MS)
        : status === 'handed_off'
          ? handedOff
          : null;
    const qualification =
      status === 'qualified' || status === 'handed_off'
        ? ALL_YES
        : status === 'unqualified'
          ? JSON.stringify({ budget: rng.chance(0.4), need: rng.chance(0.3) })
          : status === 'working'
            ? JSON.stringify({ need: true })
            : '{}';
    const updated = Math.min(ctx.anchorMs - 1000, resolved ?? touchMs ?? arrived);
    leads.qualifier[i] = qualifier?.index ?? -1;
    leads.arrivedMs[i] = arrived;
    leads.resolvedMs[i] = resolved !== null && resolved < ctx.anchorMs ? resolved : Number.POSITIVE_INFINITY;
    leads.phone[i] = phone;
    ctx.writer.add(
      'leads',
      ctx.ids.lead(i),
      `${rng.pick(INTERESTS)} — ${naming.name}`,
      source,
      status,
      naming.name,
      rng.chance(0.4) ? generateInn(naming.kind, () => rng.next()) : null,
      formalName(contact),
      `+7${phone}`,
      rng.chance(0.7)
        ? `${transliterate(contact.first).slice(0, 1)}.${transliterate(contact.last)}@${naming.domain}.ru`
        : null,
      source === 'cold_outreach' || source === 'inbound_call' ? (qualifier?.userId ?? null) : null,
      status === 'new' ? null : (qualifier?.userId ?? null),
      status === 'handed_off' ? (assignee?.userId ?? null) : null,
      (status === 'handed_off' ? assignee : qualifier)?.unitId ?? null,
      arrived,
      touchMs,
      touch?.responseMs ?? null,
      qualification,
      status === 'unqualified' ? rng.pick(UNQUALIFIED_REASONS) : null,
      status === 'handed_off' ? handedOff : null,
      null,
      null,
      null,
      arrived,
      updated,
    );
    if (touch && qualifier) writeTouch(ctx, rng, i, qualifier, touch.at, phone);
    await ctx.writer.maybeFlush();
  }
  return leads;
}

function writeConverted(
  ctx: GenContext,
  rng: Random,
  desk: LeadDesk,
  book: CompanyBook,
  leads: LeadBook,
  i: number,
  origin: LeadOrigin,
): void {
  const { work } = ctx;
  const convertedMs = book.createdMs[origin.company] as number;
  const convertedDay = work.localDayOf(convertedMs);
  const arrivalDay = work.subtractWorkingDays(convertedDay, rng.int(2, 7));
  const arrived = work.instantOn(arrivalDay, rng.next() * 0.9);
  const macro = (CITIES[book.city[origin.company] as number] as (typeof CITIES)[number]).macro;
  const qualifier = desk.qualifierFor(macro, arrivalDay);
  const touch = desk.firstTouch(arrived, origin.source, qualifier);
  const touchMs = touch && touch.at < convertedMs ? touch.at : null;
  const owner = ctx.people[ownerOn(book, origin.company, convertedDay)] as Person;
  const handedOff = touchMs === null ? convertedMs : touchMs + Math.floor((convertedMs - touchMs) / 2);
  leads.qualifier[i] = qualifier?.index ?? -1;
  leads.arrivedMs[i] = arrived;
  leads.resolvedMs[i] = handedOff;
  leads.phone[i] = origin.phone;
  leads.conversions.push({ lead: i, company: origin.company, convertedMs, source: origin.source });
  const contact = book.firstContact[origin.company] as number;
  ctx.writer.add(
    'leads',
    ctx.ids.lead(i),
    `${rng.pick(INTERESTS)} — ${origin.name}`,
    origin.source,
    'converted',
    origin.name,
    origin.inn,
    origin.contactName,
    origin.phone > 0 ? `+7${origin.phone}` : null,
    origin.email,
    origin.source === 'cold_outreach' || origin.source === 'inbound_call' ? (qualifier?.userId ?? null) : null,
    qualifier?.userId ?? null,
    owner.userId,
    owner.unitId,
    arrived,
    touchMs,
    touchMs === null ? null : (touch?.responseMs ?? null),
    ALL_YES,
    null,
    handedOff,
    convertedMs,
    ctx.ids.company(origin.company),
    ctx.ids.contact(contact),
    arrived,
    convertedMs,
  );
  if (touchMs !== null && qualifier) writeTouch(ctx, rng, i, qualifier, touchMs, origin.phone);
}

/** The first outbound touch of a lead: a call (reached or not) or an e-mail. */
function writeTouch(ctx: GenContext, rng: Random, lead: number, person: Person, at: number, phone: number): void {
  const call = rng.chance(0.75);
  const reached = call && rng.chance(0.65);
  const id = ctx.ids.activity(ctx.counters.activity.next());
  ctx.writer.add(
    'activities',
    id,
    call ? 'call' : 'email',
    'outbound',
    'done',
    call ? 'Первичный контакт по заявке' : 'Ответ на заявку: уточняющие вопросы',
    null,
    at,
    call ? (reached ? rng.int(60, 600) : rng.int(0, 25)) : null,
    call ? (reached ? 'Выявили потребность, квалифицируем' : 'Не дозвонился') : null,
    null,
    call && phone > 0 ? `+7${phone}` : null,
    person.userId,
    null,
    null,
    ctx.ids.lead(lead),
    null,
    person.userId,
    at,
    at,
  );
}

/** Who answers leads: the lead-generation specialists of the department serving the region. */
class LeadDesk {
  private readonly leadgen: Person[];
  private readonly reps: Person[];

  constructor(
    private readonly ctx: GenContext,
    private readonly rng: Random,
  ) {
    this.leadgen = ctx.people.filter((p) => p.role === 'lead_generation');
    this.reps = ctx.people.filter((p) => p.role === 'sales_manager');
  }

  qualifierFor(macro: string, day: number): Person | null {
    const dept = this.deptOf(macro);
    const working = this.leadgen.filter((p) => worksOn(p, day));
    const own = working.filter((p) => p.deptKey === dept);
    const pool = own.length > 0 ? own : working;
    return pool.length > 0 ? this.rng.pick(pool) : null;
  }

  repFor(macro: string, day: number): Person | null {
    const dept = this.deptOf(macro);
    const pool = this.reps.filter((p) => p.deptKey === dept && worksOn(p, day));
    return pool.length > 0 ? this.rng.pick(pool) : null;
  }

  /** When the first outbound touch happens, if before the anchor day; response in business ms. */
  firstTouch(arrived: number, source: LeadSource, by: Person | null): { at: number; responseMs: number } | null {
    if (by === null) return null;
    const minutes =
      source === 'cold_outreach' ? this.rng.int(2, 10) : Math.max(1, this.rng.logNormal(25 / by.skill, 1.1));
    // Whole seconds; addBusinessTime counts from the next shift start when the lead arrived off
    // hours, so the business time from arrival to touch is exactly responseMs.
    const responseMs = Math.round(minutes * 60) * 1000;
    const at = this.ctx.work.addBusinessTime(arrived, responseMs);
    return at < this.ctx.anchorMs ? { at, responseMs } : null;
  }

  private deptOf(macro: string): string | undefined {
    return this.ctx.units.find((u) => u.kind === 'department' && u.territories.includes(macro))?.key;
  }
}
