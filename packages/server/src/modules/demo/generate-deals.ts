import { dealTotal, lineAmount } from '@pulse/domain';
import { COMPETITOR_WEIGHTS, DEAL_KINDS, type DealKind } from './catalog.ts';
import { CHANNELS, SOURCE_LABEL } from './client-vocabulary.ts';
import { type GenContext, type Person, streamOf, worksOn } from './context.ts';
import { dealLines } from './deal-lines.ts';
import { type CompanyBook, ownerOn } from './generate-companies.ts';
import type { LeadBook } from './generate-leads.ts';
import type { Random } from './random.ts';
import { CITIES } from './russian-geography.ts';
import { type MonthDays, seasonalDaySampler } from './seasonality.ts';
import { dayString, monthOf } from './work-time.ts';

/** Working days ahead of the anchor within which open deals are expected to close. */
const FUTURE_WORKING_DAYS = 60;
/** Share of deals due to close in the last months that stalled instead: open, overdue, rotting. */
const STALLED_SHARE = 0.06;
/** Stage reached by lost deals before they were lost (0 = qualification … 4 = contract). */
const LOST_AT_WEIGHTS = [30, 28, 22, 15, 5];
const KIND_WEIGHTS = DEAL_KINDS.map((k) => k.weight);
const DEAL_SOURCES = ['Повторная продажа', 'Холодный звонок', 'Входящий звонок', 'Тендер', 'Рекомендация', 'Выставка'];
const DEAL_SOURCE_WEIGHTS = [40, 15, 15, 15, 10, 5];
const NEXT_STEPS = [
  ['Выйти на ЛПР и подтвердить бюджет', 'Квалифицировать: уточнить сроки закупки'],
  ['Провести встречу на объекте', 'Собрать техническое задание'],
  ['Получить обратную связь по КП', 'Отправить уточнённое КП'],
  ['Согласовать скидку с РОП', 'Провести переговоры с закупками'],
  ['Получить подписанный договор', 'Проконтролировать оплату счёта'],
];
const LOST_COMMENTS = [
  'Клиент выбрал более дешёвое предложение',
  'Проект заморожен до следующего года',
  'Сменился ЛПР, новый не выходит на связь',
  'Не уложились в сроки поставки',
  'Закупили б/у оборудование',
];

export const OPEN = 0;
export const WON = 1;
export const LOST = 2;

/** What the activity phase needs about deals: who works each, for which client, and when. */
export interface DealBook {
  count: number;
  owner: Int32Array;
  company: Int32Array;
  contact: Int32Array;
  createdMs: Float64Array;
  /** When it was won or lost; +∞ while open. */
  endMs: Float64Array;
  status: Uint8Array;
  /** The next step of each open deal that has one. */
  nextSteps: Map<number, string>;
}

interface DealPlan {
  company: number;
  owner: Person;
  kind: DealKind;
  createdMs: number;
  closeDay: number;
  stalled: boolean;
  lead: number | null;
  source: string;
}

/**
 * Writes the deals with their lines, stage histories and, for won deals, sales lines. Closing
 * days follow the seasonality curve; each converted lead opens a deal at its conversion.
 */
export async function generateDeals(ctx: GenContext, book: CompanyBook, leads: LeadBook): Promise<DealBook> {
  const rng = streamOf(ctx, 'deals');
  const total = Math.max(leads.conversions.length, Math.round(ctx.profile.dealsPerYear * ctx.years));
  const deals: DealBook = {
    count: total,
    owner: new Int32Array(total),
    company: new Int32Array(total),
    contact: new Int32Array(total),
    createdMs: new Float64Array(total),
    endMs: new Float64Array(total),
    status: new Uint8Array(total),
    nextSteps: new Map(),
  };
  const writer = new DealWriter(ctx, rng, book, deals);
  leads.conversions.forEach((conversion, i) => {
    const createdDay = ctx.work.localDayOf(conversion.convertedMs);
    const kind = DEAL_KINDS[rng.weighted(KIND_WEIGHTS)] as DealKind;
    writer.write(i, {
      company: conversion.company,
      owner: ctx.people[ownerOn(book, conversion.company, createdDay)] as Person,
      kind,
      createdMs: conversion.convertedMs,
      closeDay: ctx.work.addWorkingDays(createdDay, rng.int(kind.cycle[0], kind.cycle[1])),
      stalled: false,
      lead: conversion.lead,
      source: SOURCE_LABEL[conversion.source],
    });
  });
  await ctx.writer.maybeFlush();
  const closeDaySampler = closeDays(ctx);
  const recent = ctx.work.subtractWorkingDays(ctx.anchorDay, 40);
  for (let i = leads.conversions.length; i < total; i++) {
    const plan = planDeal(ctx, rng, book, closeDaySampler);
    plan.stalled = plan.closeDay >= recent && plan.closeDay < ctx.anchorDay && rng.chance(STALLED_SHARE);
    writer.write(i, plan);
    await ctx.writer.maybeFlush();
  }
  return deals;
}

function closeDays(ctx: GenContext): (rng: Random) => number {
  const { work } = ctx;
  const last = work.addWorkingDays(ctx.anchorDay, FUTURE_WORKING_DAYS);
  const months: MonthDays[] = [];
  const full: number[] = [];
  let key = '';
  let current: number[] = [];
  for (const day of work.workingDaysBetween(work.firstDay, work.lastDay)) {
    const { year, monthIndex } = monthOf(day);
    if (`${year}-${monthIndex}` !== key) {
      key = `${year}-${monthIndex}`;
      current = [];
      months.push({ monthIndex, days: current });
      full.push(0);
    }
    full[full.length - 1] = (full[full.length - 1] ?? 0) + 1;
    if (day >= ctx.historyStartDay && day <= last) current.push(day);
  }
  return seasonalDaySampler(months, full);
}

/** A deal closing on a seasonal day, created a sales cycle earlier, for a client that existed then. */
function planDeal(ctx: GenContext, rng: Random, book: CompanyBook, closeDay: (rng: Random) => number): DealPlan {
  const { work } = ctx;
  for (;;) {
    const kind = DEAL_KINDS[rng.weighted(KIND_WEIGHTS)] as DealKind;
    const close = closeDay(rng);
    const createdDay = work.subtractWorkingDays(close, rng.int(kind.cycle[0], kind.cycle[1]));
    if (createdDay >= ctx.anchorDay) continue;
    const createdMs = work.instantOn(createdDay, rng.next() * 0.8);
    const existing = upperBound(book.createdMs, createdMs);
    if (existing === 0) continue;
    // Rejection sampling: bigger clients and key accounts bring more deals.
    for (let attempt = 0; attempt < 50; attempt++) {
      const company = rng.int(0, existing - 1);
      if (rng.next() * 11.25 > (book.pull[company] as number)) continue;
      const owner = ctx.people[ownerOn(book, company, createdDay)] as Person;
      if (!worksOn(owner, createdDay)) continue;
      const source = DEAL_SOURCES[rng.weighted(DEAL_SOURCE_WEIGHTS)] as string;
      return { company, owner, kind, createdMs, closeDay: close, stalled: false, lead: null, source };
    }
  }
}

function upperBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

class DealWriter {
  private lineCount = 0;
  private changeCount = 0;
  private saleCount = 0;

  constructor(
    private readonly ctx: GenContext,
    private readonly rng: Random,
    private readonly book: CompanyBook,
    private readonly deals: DealBook,
  ) {}

  write(index: number, plan: DealPlan): void {
    const { ctx, rng, book } = this;
    const { work, ids, pipeline } = ctx;
    const { company } = plan;
    const closed = plan.closeDay < ctx.anchorDay && !plan.stalled;
    // A rep who left hands their open deals to the client's new owner on their last day.
    const leftDay = plan.owner.leaveDay;
    const endDay = closed ? plan.closeDay : ctx.anchorDay;
    const handedOver = leftDay !== null && endDay >= leftDay;
    const owner = handedOver ? (ctx.people[book.owner[company] as number] as Person) : plan.owner;
    const winRate = Math.min(
      0.85,
      Math.max(0.05, plan.kind.winRate * owner.skill ** 0.8 * (book.keyAccount[company] ? 1.2 : 1)),
    );
    const status = !closed ? OPEN : rng.chance(winRate) ? WON : LOST;
    const stages = stagePath(ctx, rng, plan, status);
    const endMs = closed ? work.instantOn(plan.closeDay, rng.next() * 0.95) : ctx.anchorMs - 1000;
    const times = changeTimes(ctx, rng, plan.createdMs, endMs, stages.length, closed ? 1 : plan.stalled ? 0.25 : 0.9);
    const lastAt = times[times.length - 1] as number;
    const yearsAgo = Math.max(0, (ctx.anchorMs - plan.createdMs) / (365.25 * 86_400_000));
    const lines = dealLines(rng, plan.kind.key, book.size[company] as number, Math.floor(yearsAgo));
    const dealId = ids.deal(index);
    const contactOffset = rng.chance(0.6) ? 0 : rng.int(0, (book.contactCount[company] as number) - 1);
    const contact = (book.firstContact[company] as number) + contactOffset;
    const city = CITIES[book.city[company] as number] as (typeof CITIES)[number];
    const channel = CHANNELS[book.channel[company] as number] as string;
    const stageIndex = stages[stages.length - 1] as number;
    // The org's default list starts with price and competitor, the reasons that name a rival.
    const lostReason = status === LOST ? rng.weighted(ctx.lostReasons.map((_, i) => (i < 2 ? 3 : 1))) : -1;
    const competitor = status === LOST && (lostReason < 2 || rng.chance(0.1)) ? rng.weighted(COMPETITOR_WEIGHTS) : -1;
    const nextStep = status === OPEN && rng.chance(0.8) ? rng.pick(NEXT_STEPS[stageIndex] ?? []) : null;
    const expected = status === OPEN || rng.chance(0.5) ? plan.closeDay : plan.closeDay + rng.int(-5, 10);
    this.deals.owner[index] = owner.index;
    this.deals.company[index] = company;
    this.deals.contact[index] = contact;
    this.deals.createdMs[index] = plan.createdMs;
    this.deals.endMs[index] = closed ? lastAt : Number.POSITIVE_INFINITY;
    this.deals.status[index] = status;
    if (nextStep) this.deals.nextSteps.set(index, nextStep);
    ctx.writer.add(
      'deals',
      dealId,
      `${rng.pick(plan.kind.titles)} — ${book.shortName[company]}`,
      pipeline.pipelineId,
      stageId(ctx, stageIndex),
      (['open', 'won', 'lost'] as const)[status],
      ids.company(company),
      ids.contact(contact),
      owner.userId,
      dealTotal(lines),
      dayString(expected),
      channel,
      city.region,
      plan.source,
      nextStep,
      lostReason >= 0 ? (ctx.lostReasons[lostReason]?.id ?? null) : null,
      status === LOST && rng.chance(0.3) ? rng.pick(LOST_COMMENTS) : null,
      competitor >= 0 ? (ctx.competitorIds[competitor] ?? null) : null,
      plan.lead === null ? null : ids.lead(plan.lead),
      lastAt,
      closed ? lastAt : null,
      stages.length,
      plan.createdMs,
      lastAt,
    );
    stages.forEach((stage, i) => {
      ctx.writer.add(
        'deal_stage_changes',
        ids.stageChange(this.changeCount++),
        dealId,
        i === 0 ? null : stageId(ctx, stages[i - 1] as number),
        stageId(ctx, stage),
        times[i] as number,
        handedOver && work.localDayOf(times[i] as number) < (leftDay as number) ? plan.owner.userId : owner.userId,
      );
    });
    const saleDay = dayString(work.localDayOf(lastAt));
    lines.forEach((line, position) => {
      const lineId = ids.dealLine(this.lineCount++);
      const productId = ctx.productIds[line.product] as string;
      const amount = lineAmount(line);
      ctx.writer.add(
        'deal_lines',
        lineId,
        dealId,
        productId,
        line.quantity,
        line.unitPriceMinor,
        line.discountPercent,
        amount,
        position,
      );
      if (status !== WON) return;
      ctx.writer.add(
        'sales',
        ids.sale(this.saleCount++),
        saleDay,
        ids.company(company),
        productId,
        dealId,
        lineId,
        line.quantity,
        amount,
        owner.userId,
        channel,
        city.region,
        owner.userId,
        lastAt,
      );
    });
  }
}

/** Stage positions a deal passes through: 0–4 open, 5 won, 6 lost. */
function stagePath(ctx: GenContext, rng: Random, plan: DealPlan, status: number): number[] {
  if (status === WON) return plan.kind.key === 'consumables' && rng.chance(0.5) ? [0, 2, 4, 5] : [0, 1, 2, 3, 4, 5];
  const reached = status === LOST ? rng.weighted(LOST_AT_WEIGHTS) : openStage(ctx, plan, rng);
  const path = Array.from({ length: reached + 1 }, (_, i) => i);
  return status === LOST ? [...path, 6] : path;
}

function openStage(ctx: GenContext, plan: DealPlan, rng: Random): number {
  if (plan.stalled) return rng.int(0, 3);
  // How far through its cycle the deal is decides how far down the funnel it has come.
  const { work } = ctx;
  const created = work.indexAtOrAfter(work.localDayOf(plan.createdMs));
  const cycle = Math.max(1, work.indexAtOrAfter(plan.closeDay) - created);
  const elapsed = work.indexAtOrAfter(ctx.anchorDay) - created;
  return Math.max(0, Math.min(4, Math.floor((elapsed / cycle) * 5) + rng.int(-1, 0)));
}

function stageId(ctx: GenContext, position: number): string {
  const { pipeline } = ctx;
  if (position === 5) return pipeline.won;
  if (position === 6) return pipeline.lost;
  return pipeline.open[position] as string;
}

/**
 * Instants of a deal's stage changes: the first at creation, the last at `endMs` when the deal
 * closed, the others spread over the business time between — strictly increasing and all
 * inside business hours. `spread` < 1 keeps an open deal's changes early (a stalled deal).
 */
function changeTimes(
  ctx: GenContext,
  rng: Random,
  createdMs: number,
  endMs: number,
  count: number,
  spread: number,
): number[] {
  const { work } = ctx;
  const closedAtEnd = spread === 1;
  const business = work.businessTimeBetween(createdMs, endMs);
  const inner = closedAtEnd ? count - 2 : count - 1;
  const offsets = Array.from(
    { length: Math.max(0, inner) },
    () => Math.floor((rng.next() * business * spread) / 1000) * 1000,
  ).sort((a, b) => a - b);
  const times = [createdMs];
  for (const offset of offsets) {
    const previous = times[times.length - 1] as number;
    const at = work.addBusinessTime(createdMs, Math.max(offset, 1000));
    times.push(at > previous ? at : work.addBusinessTime(previous, 1000));
  }
  if (closedAtEnd && count > 1) {
    const previous = times[times.length - 1] as number;
    times.push(endMs > previous ? endMs : work.addBusinessTime(previous, 1000));
  }
  return times;
}
