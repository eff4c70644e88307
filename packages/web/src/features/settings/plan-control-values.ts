import { PlanControlSettingsRules } from '@pulse/contracts';

// The plan and daily-control settings as the form holds them: the margin in percent (people think
// "20 %", the API stores basis points), counts as typed. An emptied number field is NaN, so the
// contract's check names that field instead of sending a value the person did not mean.

/** Form values of the plan and daily-control settings. */
export interface PlanControlForm {
  marginPercent: number | string;
  thinHistoryDeals: number | string;
  callsExpectedBy: string;
  overdueTasksLimit: number | string;
}

/** The four settings of an organisation as the form shows them. */
export function planControlForm(organization: {
  achievabilityMarginBp: number;
  thinHistoryDeals: number;
  callsExpectedBy: string;
  overdueTasksLimit: number;
}): PlanControlForm {
  return {
    marginPercent: organization.achievabilityMarginBp / 100,
    thinHistoryDeals: organization.thinHistoryDeals,
    callsExpectedBy: organization.callsExpectedBy,
    overdueTasksLimit: organization.overdueTasksLimit,
  };
}

const numberOf = (value: number | string): number => (typeof value === 'number' ? value : Number.NaN);

/** The request fields, or the names of the fields out of range (as the API would name them). */
export function planControlRequest(form: PlanControlForm):
  | {
      ok: true;
      data: {
        achievabilityMarginBp: number;
        thinHistoryDeals: number;
        callsExpectedBy: string;
        overdueTasksLimit: number;
      };
    }
  | { ok: false; fields: PlanControlField[] } {
  const percent = numberOf(form.marginPercent);
  const values = {
    // 12.5 % is 1250 bp; rounding absorbs the float error of 0.1 × 100 and the like.
    achievabilityMarginBp: Number.isFinite(percent) ? Math.round(percent * 100) : percent,
    thinHistoryDeals: numberOf(form.thinHistoryDeals),
    callsExpectedBy: form.callsExpectedBy.trim(),
    overdueTasksLimit: numberOf(form.overdueTasksLimit),
  };
  const checked = PlanControlSettingsRules.safeParse(values);
  if (checked.success) return { ok: true, data: values };
  const fields = checked.error.issues.map((issue) => String(issue.path[0]) as PlanControlField);
  return { ok: false, fields: [...new Set(fields)] };
}

/** The plan and daily-control fields, by their API names. */
export type PlanControlField = 'achievabilityMarginBp' | 'thinHistoryDeals' | 'callsExpectedBy' | 'overdueTasksLimit';

export const PLAN_CONTROL_FIELDS: readonly PlanControlField[] = [
  'achievabilityMarginBp',
  'thinHistoryDeals',
  'callsExpectedBy',
  'overdueTasksLimit',
];
