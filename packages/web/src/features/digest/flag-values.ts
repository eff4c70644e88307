import type { RedFlag } from '@pulse/contracts';

// What a red flag's words need: its figure and limit in its unit, the records and the hour.

/** A red flag's figure and limit as its text needs them, each formatted in the flag's unit. */
export function flagValues(
  flag: RedFlag,
  figure: (unit: RedFlag['unit'], value: number) => string,
): { figure: string; limit: string; count: number; time: string } {
  return {
    figure: figure(flag.unit, flag.figure),
    limit: figure(flag.unit, flag.limit),
    count: flag.count,
    time: flag.expectedBy ?? '',
  };
}
