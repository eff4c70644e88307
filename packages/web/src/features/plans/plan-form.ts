import type { ScenarioEntry } from '@pulse/contracts';
import type { CreatePlanBody } from '../../api/plans.ts';
import { parseMoneyInput } from '../../shared/money.ts';

/** The "New plan" form as typed. */
export interface PlanFormValues {
  name: string;
  /** 'YYYY-MM' */
  startMonth: string;
  /** 1…12 */
  length: number;
  /** '' plans the whole organisation. */
  scopeUnitId: string;
  realisticBasis: 'manual' | 'last-year-growth';
  realisticAmount: string;
  growthPercent: string;
  pessimisticKind: ScenarioEntry['kind'];
  pessimistic: string;
  optimisticKind: ScenarioEntry['kind'];
  optimistic: string;
}

export type PlanFormField = 'name' | 'startMonth' | 'realisticAmount' | 'growthPercent' | 'pessimistic' | 'optimistic';

/** Next calendar year, January to December, from last year's fact + 10 %, scenarios 85 % and 115 %. */
export function emptyPlanValues(today: string): PlanFormValues {
  const nextYear = Number(today.slice(0, 4)) + 1;
  return {
    name: '',
    startMonth: `${nextYear}-01`,
    length: 12,
    scopeUnitId: '',
    realisticBasis: 'last-year-growth',
    realisticAmount: '',
    growthPercent: '10',
    pessimisticKind: 'percent',
    pessimistic: '85',
    optimisticKind: 'percent',
    optimistic: '115',
  };
}

/** The first and last day of `length` months from 'YYYY-MM'; null when the month is not one. */
export function periodOf(startMonth: string, length: number): { periodStart: string; periodEnd: string } | null {
  const match = /^(\d{4})-(\d{2})$/.exec(startMonth);
  if (!match || !Number.isInteger(length) || length < 1 || length > 12) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  const endIndex = year * 12 + (month - 1) + (length - 1);
  const endYear = Math.floor(endIndex / 12);
  const endMonth = (endIndex % 12) + 1;
  // Day 0 of the month after is the last day of the end month.
  const lastDay = new Date(Date.UTC(endYear, endMonth, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { periodStart: `${year}-${pad(month)}-01`, periodEnd: `${endYear}-${pad(endMonth)}-${pad(lastDay)}` };
}

/** A percentage as typed ('85', '12,5', '-3') → basis points (8500, 1250, -300); null when it is not one. */
export function percentToBasisPoints(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0%]/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  const bp = Math.round(Number(cleaned) * 100);
  return Number.isSafeInteger(bp) ? bp : null;
}

function scenarioEntry(kind: ScenarioEntry['kind'], text: string, currency: string): ScenarioEntry | null {
  if (kind === 'percent') {
    const basisPoints = percentToBasisPoints(text);
    return basisPoints === null ? null : { kind, basisPoints };
  }
  const amountMinor = parseMoneyInput(text, currency);
  return amountMinor === null ? null : { kind, amountMinor };
}

/** The create request, or the fields that cannot be read (each to be shown as "check this"). */
export function planRequest(
  values: PlanFormValues,
  currency: string,
): { body: CreatePlanBody; errors?: undefined } | { body?: undefined; errors: PlanFormField[] } {
  const errors: PlanFormField[] = [];
  const name = values.name.trim();
  if (!name) errors.push('name');
  const period = periodOf(values.startMonth, values.length);
  if (!period) errors.push('startMonth');
  let realistic: CreatePlanBody['realistic'] | null = null;
  if (values.realisticBasis === 'manual') {
    const amountMinor = parseMoneyInput(values.realisticAmount, currency);
    if (amountMinor === null) errors.push('realisticAmount');
    else realistic = { basis: 'manual', amountMinor };
  } else {
    const growthBp = percentToBasisPoints(values.growthPercent);
    if (growthBp === null) errors.push('growthPercent');
    else realistic = { basis: 'last-year-growth', growthBp };
  }
  const pessimistic = scenarioEntry(values.pessimisticKind, values.pessimistic, currency);
  if (!pessimistic) errors.push('pessimistic');
  const optimistic = scenarioEntry(values.optimisticKind, values.optimistic, currency);
  if (!optimistic) errors.push('optimistic');
  if (errors.length > 0 || !period || !realistic || !pessimistic || !optimistic) return { errors };
  return {
    body: {
      name,
      ...period,
      scopeUnitId: values.scopeUnitId || null,
      realistic,
      pessimistic,
      optimistic,
      dealsTarget: null,
      marginTargetMinor: null,
    },
  };
}

/** Coefficients as typed in the seasonality card → numbers, or null when any is not a number ≥ 0. */
export function parseCoefficients(texts: readonly string[]): number[] | null {
  const values = texts.map((text) => Number(text.trim().replace(',', '.')));
  return texts.length === 12 && values.every((v, i) => texts[i]?.trim() !== '' && Number.isFinite(v) && v >= 0)
    ? values
    : null;
}
