import { businessTimeBetween, type WorkCalendar } from '@pulse/domain';
import type { Tx } from '../../db/tenant.ts';
import { loadWorkCalendar } from '../calendar/calendar.queries.ts';
import { getLeadSettings, WAITING_STATUSES } from './leads.queries.ts';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** How far back the search for the overdue threshold reaches before it gives up. */
const MAX_LOOKBACK_MS = 50 * 366 * DAY_MS;

/**
 * What response-time figures need: the organisation's work calendar, its response target and
 * the request's "now". Loaded once per request.
 */
export interface ResponseClock {
  calendar: WorkCalendar;
  now: Date;
  targetMinutes: number;
}

export async function loadResponseClock(tx: Tx, orgId: string, now: Date): Promise<ResponseClock> {
  const [calendar, settings] = await Promise.all([loadWorkCalendar(tx, orgId), getLeadSettings(tx, orgId)]);
  return { calendar, now, targetMinutes: settings.response_target_minutes };
}

/** Business milliseconds from a lead's arrival to its first touch. */
export function responseMsBetween(calendar: WorkCalendar, arrivedAt: Date, touchedAt: Date): number {
  return businessTimeBetween(calendar, arrivedAt, touchedAt);
}

/** Whole business minutes of a duration in milliseconds. */
export function toMinutes(ms: number): number {
  return Math.floor(ms / MINUTE_MS);
}

/** Business time an untouched open lead has waited so far; null once touched or closed. */
export function waitingMs(
  clock: ResponseClock,
  lead: { status: string; first_touch_at: Date | null; arrived_at: Date },
): number | null {
  if (lead.first_touch_at !== null || !(WAITING_STATUSES as readonly string[]).includes(lead.status)) return null;
  return businessTimeBetween(clock.calendar, lead.arrived_at, clock.now);
}

/** An untouched open lead is overdue once it has waited longer than the target. */
export function isOverdue(clock: ResponseClock, waited: number | null): boolean {
  return waited !== null && waited > clock.targetMinutes * MINUTE_MS;
}

/**
 * The instant T such that a lead that arrived before T has waited more business time than the
 * target by now, and one that arrived at or after T has not — so "overdue" becomes a plain
 * `arrived_at < T` a list can filter and page on. Business time since an arrival only shrinks as
 * the arrival moves later, so T is found by widening the search window back in time, then
 * bisecting it to the millisecond. Null when no arrival in the last 50 years could be overdue.
 */
export function overdueThreshold(clock: ResponseClock): Date | null {
  const target = clock.targetMinutes * MINUTE_MS;
  const now = clock.now.getTime();
  const waitedSince = (arrival: number) => businessTimeBetween(clock.calendar, new Date(arrival), clock.now);
  let span = DAY_MS;
  while (waitedSince(now - span) <= target) {
    if (span >= MAX_LOOKBACK_MS) return null;
    span *= 2;
  }
  // Invariant: waitedSince(lo) > target >= waitedSince(hi).
  let lo = now - span;
  let hi = now;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (waitedSince(mid) <= target) hi = mid;
    else lo = mid;
  }
  return new Date(hi);
}
