import { KPI_CATALOG, KPI_IDS, type KpiId } from './catalog.ts';
import { median } from './median.ts';

/** How one KPI of a rep compares with the team median. */
export interface KpiComparison {
  kpi: KpiId;
  value: number;
  teamMedian: number;
  /**
   * (value − median) / |median|, turned round for lower-is-better KPIs, so a positive number is
   * always better than the team: 0.25 = a quarter better, −0.5 = half worse.
   */
  advantage: number;
}

/** Input of {@link strengthsAndWeaknesses}. */
export interface StrengthsWeaknessesInput {
  /** The rep's value per KPI for the period; null or missing when absent. */
  rep: Partial<Record<KpiId, number | null>>;
  /** Per KPI, the other reps' values for the same period; nulls are skipped. */
  team: Partial<Record<KpiId, readonly (number | null)[]>>;
  /** How many strengths and how many weaknesses to return. */
  top: number;
}

/** Outcome of {@link strengthsAndWeaknesses}. */
export interface StrengthsWeaknesses {
  /** Every KPI that could be compared, in catalog order. */
  comparisons: KpiComparison[];
  /** The KPIs the rep leads the team by the most (advantage > 0), best first, at most `top`. */
  strengths: KpiComparison[];
  /** The KPIs the rep lags the team by the most (advantage < 0), worst first, at most `top`. */
  weaknesses: KpiComparison[];
}

/**
 * A rep's strengths and weaknesses: the KPIs where they lead or lag their team's median the most,
 * relative to the median so that calls and revenue are on one scale.
 *
 * Left out: KPIs where the rep has no value, where no teammate has one (no median), and where the
 * median is 0 — a relative difference to nothing is infinite and would drown out every other KPI.
 * Equal advantages keep catalog order, so the answer does not depend on the input's key order.
 * @throws RangeError when `top` is not a whole number 0 or more, or a value is not finite.
 */
export function strengthsAndWeaknesses(input: StrengthsWeaknessesInput): StrengthsWeaknesses {
  if (!Number.isSafeInteger(input.top) || input.top < 0) {
    throw new RangeError(`Invalid top ${input.top}: expected a whole number, 0 or more`);
  }
  const comparisons: KpiComparison[] = [];
  for (const kpi of KPI_IDS) {
    const value = input.rep[kpi];
    if (value === null || value === undefined) continue;
    if (!Number.isFinite(value)) throw new RangeError(`Invalid value of ${kpi} ${value}: expected a finite number`);
    const teamMedian = median((input.team[kpi] ?? []).filter((v): v is number => v !== null));
    if (teamMedian === null || teamMedian === 0) continue;
    const relative = (value - teamMedian) / Math.abs(teamMedian);
    const advantage = KPI_CATALOG[kpi].direction === 'lower' ? -relative : relative;
    // `+ 0` turns a -0 (a lower-is-better KPI exactly at the median) into 0.
    comparisons.push({ kpi, value, teamMedian, advantage: advantage + 0 });
  }
  // Array.prototype.sort is stable, so ties keep catalog order.
  const strengths = comparisons
    .filter((c) => c.advantage > 0)
    .sort((a, b) => b.advantage - a.advantage)
    .slice(0, input.top);
  const weaknesses = comparisons
    .filter((c) => c.advantage < 0)
    .sort((a, b) => a.advantage - b.advantage)
    .slice(0, input.top);
  return { comparisons, strengths, weaknesses };
}
