import type { PlanDetails, PlanLine } from '@pulse/contracts';
import ExcelJS from 'exceljs';
import type { Ctx } from './plan-context.ts';
import { listPlanLines } from './plan-lines.service.ts';
import { getPlan } from './plans.service.ts';

// The plan as a workbook: a summary sheet (scenarios, seasonality, the months of the plan) and
// one sheet per dimension of the decomposition — lines as rows indented by depth, months as
// columns, then the year in each scenario. Money is written in roubles (minor units / 100) with
// two decimals, as numbers, so a spreadsheet can add them up; the stored minor units divide
// exactly, so reading a cell back × 100 gives the stored figure. Headers follow the user's
// language. Someone included in a plan exports only their part, as they see it on screen.
// A plan with a deals or margin target gets those figures too: the targets on the summary, a
// column each in its month table, and each line's year share after the scenario columns (deals
// as whole numbers, margin as money).

/** Money cells: thousands grouped, two decimals. */
export const MONEY_FORMAT = '#,##0.00';

type Locale = 'ru' | 'en';

const TEXT = {
  ru: {
    summary: 'План',
    name: 'Название',
    period: 'Период',
    scope: 'Охват',
    organisation: 'Организация',
    currency: 'Валюта',
    status: 'Статус',
    statuses: { draft: 'Черновик', approved: 'Утверждён' },
    revision: 'Редакция',
    scenario: 'Сценарий',
    amount: 'Сумма',
    scenarios: { pessimisticMinor: 'Пессимистичный', realisticMinor: 'Реалистичный', optimisticMinor: 'Оптимистичный' },
    month: 'Месяц',
    coefficient: 'Коэффициент сезонности',
    workingDays: 'Рабочих дней',
    line: 'Строка',
    year: 'Год',
    deals: 'Сделки',
    margin: 'Маржа',
    dimensions: { structure: 'Структура', direction: 'Направления', channel: 'Каналы' },
    labels: {
      total: 'Итого',
      other: 'Прочее',
      direct: 'Прямые продажи',
      dealer: 'Дилеры',
      distributor: 'Дистрибьюторы',
      retail: 'Розница',
    },
  },
  en: {
    summary: 'Plan',
    name: 'Name',
    period: 'Period',
    scope: 'Scope',
    organisation: 'Organisation',
    currency: 'Currency',
    status: 'Status',
    statuses: { draft: 'Draft', approved: 'Approved' },
    revision: 'Revision',
    scenario: 'Scenario',
    amount: 'Amount',
    scenarios: { pessimisticMinor: 'Pessimistic', realisticMinor: 'Realistic', optimisticMinor: 'Optimistic' },
    month: 'Month',
    coefficient: 'Seasonality coefficient',
    workingDays: 'Working days',
    line: 'Line',
    year: 'Year',
    deals: 'Deals',
    margin: 'Margin',
    dimensions: { structure: 'Structure', direction: 'Directions', channel: 'Channels' },
    labels: {
      total: 'Total',
      other: 'Other',
      direct: 'Direct',
      dealer: 'Dealers',
      distributor: 'Distributors',
      retail: 'Retail',
    },
  },
} as const;

const SCENARIO_KEYS = ['pessimisticMinor', 'realisticMinor', 'optimisticMinor'] as const;
const DIMENSIONS = ['structure', 'direction', 'channel'] as const;

/** The plan the actor sees, as an XLSX file. */
export async function exportPlanXlsx(ctx: Ctx, planId: string): Promise<{ fileName: string; content: Buffer }> {
  const plan = await getPlan(ctx, planId);
  const { lines } = await listPlanLines(ctx, planId);
  const workbook = buildPlanWorkbook(plan, lines, ctx.actor.locale);
  const content = Buffer.from(await workbook.xlsx.writeBuffer());
  return { fileName: `plan-${plan.periodStart}-${plan.id.slice(0, 8)}.xlsx`, content };
}

/** Roubles (or any currency's major unit) from minor units. */
const major = (minor: number) => minor / 100;

export function buildPlanWorkbook(plan: PlanDetails, lines: readonly PlanLine[], locale: Locale): ExcelJS.Workbook {
  const text = TEXT[locale];
  const workbook = new ExcelJS.Workbook();
  const summary = workbook.addWorksheet(text.summary);
  summary.columns = [{ width: 28 }, { width: 20 }, { width: 20 }, { width: 20 }, { width: 16 }];
  summary.addRows([
    [text.name, plan.name],
    [text.period, `${plan.periodStart} — ${plan.periodEnd}`],
    [text.scope, plan.scope.unitName ?? text.organisation],
    [text.currency, plan.currency],
    [text.status, text.statuses[plan.status]],
    [text.revision, plan.revision],
    [],
    [text.scenario, text.amount],
  ]);
  for (const key of SCENARIO_KEYS) money(summary.addRow([text.scenarios[key], major(plan.scenarios[key])]), [2]);
  const hasDeals = plan.dealsTarget !== null;
  const hasMargin = plan.marginTargetMinor !== null;
  if (plan.dealsTarget !== null) summary.addRow([text.deals, plan.dealsTarget]);
  if (plan.marginTargetMinor !== null) money(summary.addRow([text.margin, major(plan.marginTargetMinor)]), [2]);
  summary.addRow([]);
  bold(
    summary.addRow([
      text.month,
      text.coefficient,
      ...SCENARIO_KEYS.map((k) => text.scenarios[k]),
      text.workingDays,
      ...(hasDeals ? [text.deals] : []),
      ...(hasMargin ? [text.margin] : []),
    ]),
  );
  for (const month of plan.months) {
    const coefficient = plan.seasonality.coefficients[Number(month.month.slice(5, 7)) - 1] ?? null;
    const row = summary.addRow([
      month.month,
      coefficient,
      ...SCENARIO_KEYS.map((k) => major(month[k])),
      month.workingDays,
      ...(hasDeals ? [month.deals ?? 0] : []),
      ...(hasMargin ? [major(month.marginMinor ?? 0)] : []),
    ]);
    money(row, [3, 4, 5, ...(hasMargin ? [hasDeals ? 8 : 7] : [])]);
  }
  bold(summary.getRow(8));

  const months = plan.months.map((month) => month.month);
  const depthOf = depths(lines);
  for (const dimension of DIMENSIONS) {
    const own = lines.filter((line) => line.dimension === dimension);
    if (own.length === 0) continue;
    const sheet = workbook.addWorksheet(text.dimensions[dimension]);
    const targets = [...(hasDeals ? [text.deals] : []), ...(hasMargin ? [text.margin] : [])];
    sheet.columns = [
      { width: 36 },
      ...months.map(() => ({ width: 14 })),
      ...SCENARIO_KEYS.map(() => ({ width: 16 })),
      ...targets.map(() => ({ width: 16 })),
    ];
    bold(
      sheet.addRow([
        text.line,
        ...months,
        ...SCENARIO_KEYS.map((k) => `${text.year}: ${text.scenarios[k]}`),
        ...targets.map((name) => `${text.year}: ${name}`),
      ]),
    );
    sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: 1 }];
    for (const line of own) {
      const row = sheet.addRow([
        labelOf(line, text.labels),
        ...line.months.map((month) => major(month.realisticMinor)),
        ...SCENARIO_KEYS.map((k) => major(line[k])),
        ...(hasDeals ? [line.deals ?? 0] : []),
        ...(hasMargin ? [major(line.marginMinor ?? 0)] : []),
      ]);
      row.getCell(1).alignment = { indent: depthOf.get(line.id) ?? 0 };
      const yearColumns = months.length + SCENARIO_KEYS.length;
      money(row, [
        ...Array.from({ length: yearColumns }, (_, i) => i + 2),
        ...(hasMargin ? [yearColumns + (hasDeals ? 3 : 2)] : []),
      ]);
    }
  }
  return workbook;
}

function labelOf(line: PlanLine, labels: Record<string, string>): string {
  if (line.kind === 'channel' && line.channel) return labels[line.channel] ?? line.label;
  if (line.kind === 'total' || (line.kind === 'direction' && line.productGroupId === null)) {
    return labels[line.label] ?? line.label;
  }
  return line.label;
}

/** Each line's depth below its root (0); a partial view's top lines are roots. */
function depths(lines: readonly PlanLine[]): Map<string, number> {
  const result = new Map<string, number>();
  for (const line of lines) {
    const parent = line.parentId === null ? undefined : result.get(line.parentId);
    result.set(line.id, parent === undefined ? 0 : parent + 1);
  }
  return result;
}

function money(row: ExcelJS.Row, columns: readonly number[]): void {
  for (const column of columns) row.getCell(column).numFmt = MONEY_FORMAT;
}

function bold(row: ExcelJS.Row): ExcelJS.Row {
  row.font = { bold: true };
  return row;
}
