/** How big a generated department is. */
export type DatasetSize = 'tiny' | 'demo' | 'M';

/** The volumes of one size; per-year figures are multiplied by the history length. */
export interface SizeProfile {
  /** Sales managers in all; sizes above the demo add generated departments to reach it. */
  salesManagers: number;
  companies: number;
  /** Mean contacts per company (the first one is always there). */
  contactsPerCompany: number;
  dealsPerYear: number;
  activitiesPerYear: number;
  leadsPerYear: number;
  /** History length in years when the caller gives none. */
  defaultYears: number;
}

export const SIZE_PROFILES: Record<DatasetSize, SizeProfile> = {
  /** For tests: the full demo structure and every kind of record, in seconds. */
  tiny: {
    salesManagers: 0,
    companies: 80,
    contactsPerCompany: 1.5,
    dealsPerYear: 110,
    activitiesPerYear: 1_500,
    leadsPerYear: 40,
    defaultYears: 2,
  },
  /** What `npm run demo` and the first `npm start` create. */
  demo: {
    salesManagers: 0,
    companies: 2_000,
    contactsPerCompany: 1.5,
    dealsPerYear: 3_000,
    activitiesPerYear: 75_000,
    leadsPerYear: 1_200,
    defaultYears: 2,
  },
  /** Dataset M for benchmarks (issue 3): 200 reps, 300k companies, 1M contacts. */
  M: {
    salesManagers: 200,
    companies: 300_000,
    contactsPerCompany: 1_000_000 / 300_000,
    dealsPerYear: 50_000,
    activitiesPerYear: 2_500_000,
    leadsPerYear: 30_000,
    defaultYears: 1,
  },
};

export function isDatasetSize(value: string): value is DatasetSize {
  return value === 'tiny' || value === 'demo' || value === 'M';
}
