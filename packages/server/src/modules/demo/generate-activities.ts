import * as T from './activity-texts.ts';
import { type GenContext, type Person, streamOf } from './context.ts';
import type { CompanyBook } from './generate-companies.ts';
import type { DealBook } from './generate-deals.ts';
import type { LeadBook } from './generate-leads.ts';
import type { Random } from './random.ts';
import { workLoad } from './work-load.ts';

const HOUR_MS = 3_600_000;
/** Kind mix per role, as weights of call, e-mail, meeting, note. */
const MIX: Partial<Record<Person['role'], readonly number[]>> = {
  sales_manager: [52, 25, 7, 16],
  lead_generation: [75, 18, 0, 7],
  head_of_sales: [20, 5, 40, 35],
};
const KINDS = ['call', 'email', 'meeting', 'note'] as const;
/** Reps write a follow-up task after this share of reached calls and held meetings. */
const FOLLOW_UP_SHARE = 0.1;

/** Links of an activity or task: ids or null. */
export interface Links {
  company: string | null;
  contact: string | null;
  lead: string | null;
  deal: string | null;
  phone: string | null;
}

/** Records that were open at a moment: added as they start, dropped lazily once they end. */
class Sweep {
  private next = 0;
  private readonly active: number[] = [];

  constructor(
    private readonly order: readonly number[],
    private readonly startMs: Float64Array,
    private readonly endMs: Float64Array,
  ) {}

  /** A random record open at `atMs`, or -1. */
  pick(rng: Random, atMs: number): number {
    while (this.next < this.order.length && (this.startMs[this.order[this.next] as number] as number) <= atMs) {
      this.active.push(this.order[this.next++] as number);
    }
    while (this.active.length > 0) {
      const i = rng.int(0, this.active.length - 1);
      const item = this.active[i] as number;
      if ((this.endMs[item] as number) > atMs) return item;
      this.active[i] = this.active[this.active.length - 1] as number;
      this.active.pop();
    }
    return -1;
  }
}

function groupBy(count: number, keyOf: (i: number) => number, sortKey: Float64Array): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  for (let i = 0; i < count; i++) {
    const key = keyOf(i);
    if (key < 0) continue;
    const list = groups.get(key);
    if (list) list.push(i);
    else groups.set(key, [i]);
  }
  for (const list of groups.values()) list.sort((a, b) => (sortKey[a] as number) - (sortKey[b] as number));
  return groups;
}

/**
 * Writes the history of calls, e-mails, meetings and notes: each person's working days get a
 * count drawn around their expected load, placed in business hours, linked to a deal open at
 * that moment, a client of theirs or (lead generation) a lead in their work. Reached calls and
 * meetings sometimes leave a follow-up task, done on time as often as the rep is disciplined.
 */
export async function generateActivities(
  ctx: GenContext,
  book: CompanyBook,
  leads: LeadBook,
  deals: DealBook,
): Promise<void> {
  const rng = streamOf(ctx, 'activities');
  const load = workLoad(ctx);
  const target = Math.round(ctx.profile.activitiesPerYear * ctx.years) - ctx.counters.activity.value;
  const rate = Math.max(0, target) / Math.max(1, load.totalWeight);
  const dealsOf = groupBy(deals.count, (i) => deals.owner[i] as number, deals.createdMs);
  const leadsOf = groupBy(leads.count, (i) => leads.qualifier[i] as number, leads.arrivedMs);
  const companiesOf = companiesByPerson(ctx, book);
  const recentMs = ctx.work.shiftStart(ctx.work.subtractWorkingDays(ctx.anchorDay, 15));
  const writer = new ActivityWriter(ctx, rng, recentMs);
  for (let p = 0; p < load.people.length; p++) {
    const person = load.people[p] as Person;
    const mix = (MIX[person.role] ?? [1, 1, 1, 1]).map((w, i) => (i === 2 ? w * person.skill : w));
    const dealSweep = new Sweep(dealsOf.get(person.index) ?? [], deals.createdMs, deals.endMs);
    const leadSweep = new Sweep(leadsOf.get(person.index) ?? [], leads.arrivedMs, leads.resolvedMs);
    const companies = companiesOf.get(person.index) ?? [];
    const days = load.days[p] as number[];
    const weights = load.weights[p] as Float64Array;
    for (let d = 0; d < days.length; d++) {
      const day = days[d] as number;
      const n = rng.count(rate * (weights[d] as number) * Math.exp(0.25 * rng.normal()));
      const times = Array.from({ length: n }, () => ctx.work.instantOn(day, rng.next())).sort((a, b) => a - b);
      for (const at of times) {
        const kind = KINDS[rng.weighted(mix)] as (typeof KINDS)[number];
        const links = linkFor(ctx, rng, person, at, { book, leads, deals, dealSweep, leadSweep, companies });
        writer.write(person, kind, at, links);
      }
      await ctx.writer.maybeFlush();
    }
  }
}

interface LinkSources {
  book: CompanyBook;
  leads: LeadBook;
  deals: DealBook;
  dealSweep: Sweep;
  leadSweep: Sweep;
  companies: readonly number[];
}

function linkFor(ctx: GenContext, rng: Random, person: Person, at: number, s: LinkSources): Links {
  const { ids } = ctx;
  if (person.role === 'lead_generation' && rng.chance(0.85)) {
    const lead = s.leadSweep.pick(rng, at);
    if (lead >= 0) {
      const phone = s.leads.phone[lead] as number;
      return { company: null, contact: null, lead: ids.lead(lead), deal: null, phone: phone > 0 ? `+7${phone}` : null };
    }
  }
  const deal = person.role === 'lead_generation' || rng.chance(0.45) ? -1 : s.dealSweep.pick(rng, at);
  let company: number;
  let contact: number;
  if (deal >= 0) {
    company = s.deals.company[deal] as number;
    contact = rng.chance(0.7) ? (s.deals.contact[deal] as number) : contactOf(rng, s.book, company);
  } else {
    company = companyBefore(rng, s.book, s.companies, at);
    if (company < 0) return { company: null, contact: null, lead: null, deal: null, phone: null };
    contact = contactOf(rng, s.book, company);
  }
  const mobile = s.book.contactMobile[contact] as number;
  return {
    company: ids.company(company),
    contact: ids.contact(contact),
    lead: null,
    deal: deal >= 0 ? ids.deal(deal) : null,
    phone: mobile > 0 ? `+7${mobile}` : null,
  };
}

function contactOf(rng: Random, book: CompanyBook, company: number): number {
  return (book.firstContact[company] as number) + rng.int(0, (book.contactCount[company] as number) - 1);
}

/** A client from the list that already existed at `at` (lists are in creation order); -1 if none. */
function companyBefore(rng: Random, book: CompanyBook, list: readonly number[], at: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((book.createdMs[list[mid] as number] as number) <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? -1 : (list[rng.int(0, lo - 1)] as number);
}

/**
 * The clients each person works: a rep their own (and those they handed over, before they
 * left); a head the clients of their department; lead generation the whole base, for reactivation calls.
 */
function companiesByPerson(ctx: GenContext, book: CompanyBook): Map<number, number[]> {
  const result = new Map<number, number[]>();
  const push = (person: number, company: number) => {
    const list = result.get(person);
    if (list) list.push(company);
    else result.set(person, [company]);
  };
  const heads = ctx.people.filter((p) => p.role === 'head_of_sales');
  const all = Array.from({ length: book.count }, (_, i) => i);
  for (const person of ctx.people.filter((p) => p.role === 'lead_generation')) result.set(person.index, all);
  for (let c = 0; c < book.count; c++) {
    const owner = book.owner[c] as number;
    const prev = book.prevOwner[c] as number;
    push(owner, c);
    if (prev >= 0) push(prev, c);
    const dept = ctx.people[owner]?.deptKey;
    for (const head of heads) if (head.deptKey === dept && head.index !== owner) push(head.index, c);
  }
  return result;
}

/** Writes one activity with realistic details and, sometimes, the task it leads to. */
export class ActivityWriter {
  constructor(
    private readonly ctx: GenContext,
    private readonly rng: Random,
    private readonly recentMs: number,
  ) {}

  write(person: Person, kind: (typeof KINDS)[number], at: number, links: Links): void {
    const { rng } = this;
    const id = this.ctx.ids.activity(this.ctx.counters.activity.next());
    const head = person.role === 'head_of_sales';
    let direction: string | null = null;
    let status = 'done';
    let subject: string;
    let body: string | null = null;
    let duration: number | null = null;
    let result: string | null = null;
    let followUp = false;
    if (kind === 'call') {
      const outbound = rng.chance(person.role === 'lead_generation' ? 0.92 : 0.8);
      direction = outbound ? 'outbound' : 'inbound';
      subject = outbound ? 'Исходящий звонок' : 'Входящий звонок';
      const reached = outbound ? rng.chance(0.55 + 0.15 * person.skill) : !rng.chance(0.1);
      if (!outbound && !reached) status = 'missed';
      duration = reached
        ? Math.round(Math.min(3600, Math.max(30, rng.logNormal(200, 0.7))))
        : outbound
          ? rng.int(0, 30)
          : 0;
      result = reached
        ? rng.pick(outbound ? T.CALL_REACHED_RESULTS : T.INBOUND_RESULTS)
        : outbound
          ? rng.pick(T.CALL_UNREACHED_RESULTS)
          : null;
      followUp = reached && rng.chance(FOLLOW_UP_SHARE);
    } else if (kind === 'email') {
      const outbound = rng.chance(0.75);
      direction = outbound ? 'outbound' : 'inbound';
      subject = rng.pick(outbound ? T.EMAIL_OUT_SUBJECTS : T.EMAIL_IN_SUBJECTS);
    } else if (kind === 'meeting') {
      subject = rng.pick(T.MEETING_SUBJECTS);
      duration = rng.int(2, 8) * 15 * 60;
      result = rng.pick(T.MEETING_RESULTS);
      followUp = rng.chance(FOLLOW_UP_SHARE * 1.5);
    } else {
      subject = 'Заметка';
      body = rng.pick(head ? T.HEAD_NOTE_BODIES : T.NOTE_BODIES);
    }
    const recorded = kind === 'call' && status === 'done' && (duration ?? 0) >= 30;
    this.ctx.writer.add(
      'activities',
      id,
      kind,
      direction,
      status,
      subject,
      body,
      at,
      duration,
      result,
      recorded ? `https://pbx.${this.ctx.emailDomain}/records/${id}.mp3` : null,
      kind === 'call' ? links.phone : null,
      person.userId,
      links.company,
      links.contact,
      links.lead,
      links.deal,
      person.userId,
      at,
      at,
    );
    if (status === 'missed' && rng.chance(0.9)) {
      this.task(person, T.MISSED_CALL_TASK, 'high', at, this.ctx.work.addBusinessTime(at, 2 * HOUR_MS), links, id);
    } else if (followUp && person.role !== 'lead_generation') {
      const dueDay = this.ctx.work.addWorkingDays(this.ctx.work.localDayOf(at), rng.int(1, 4));
      const due = this.ctx.work.instantOn(dueDay, 0.1 + rng.next() * 0.8);
      this.task(
        person,
        rng.pick(T.FOLLOW_UP_TASKS),
        rng.pick(['normal', 'normal', 'normal', 'high', 'low']),
        at,
        due,
        links,
        id,
      );
    }
  }

  /** A task, done on time as often as the person is disciplined; late, overdue or cancelled otherwise. */
  task(
    person: Person,
    title: string,
    priority: string,
    createdMs: number,
    dueMs: number,
    links: Links,
    source: string | null,
  ): void {
    const { rng, ctx } = this;
    const discipline = Math.min(0.95, Math.max(0.5, 0.55 + (0.4 * (person.skill - 0.7)) / 0.65));
    let status = 'open';
    let completed: number | null = null;
    if (dueMs < ctx.anchorMs) {
      if (rng.chance(discipline)) {
        status = 'done';
        completed = createdMs + Math.floor((dueMs - createdMs) * (0.2 + 0.8 * rng.next()));
      } else if (!(dueMs >= this.recentMs && rng.chance(0.6))) {
        const late = ctx.work.addBusinessTime(dueMs, rng.int(1, 72) * HOUR_MS);
        if (rng.chance(0.12)) status = 'cancelled';
        else if (late < ctx.anchorMs) {
          status = 'done';
          completed = late;
        }
      }
    }
    ctx.writer.add(
      'tasks',
      ctx.ids.task(ctx.counters.task.next()),
      title,
      null,
      dueMs,
      priority,
      status,
      person.userId,
      person.userId,
      completed,
      links.company,
      links.contact,
      links.lead,
      links.deal,
      source,
      createdMs,
      completed ?? createdMs,
    );
  }
}
