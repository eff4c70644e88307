import { describe, expect, it } from 'vitest';
import { periodStageConversion, type StageEntry } from './stage-conversion.ts';

// Moscow is UTC+3 all year, so '+03:00' instants are Moscow wall-clock times.
const msk = (local: string): Date => new Date(`${local}+03:00`);
const entry = (dealId: string, stagePosition: number, at: string): StageEntry => ({
  dealId,
  stagePosition,
  enteredAt: msk(at),
});

// Positions: 1 new, 2 qualified, 3 proposal, 4 won. The period is November 2026.
const november = { from: msk('2026-11-01T00:00'), to: msk('2026-12-01T00:00') };
const entries = [
  // A: new → qualified → won, all in November.
  entry('A', 1, '2026-11-02T10:00'),
  entry('A', 2, '2026-11-05T10:00'),
  entry('A', 4, '2026-11-20T10:00'),
  // B: entered new and stayed.
  entry('B', 1, '2026-11-10T10:00'),
  // C: entered new late in November and skipped to proposal in December.
  entry('C', 1, '2026-11-28T10:00'),
  entry('C', 3, '2026-12-03T10:00'),
  // D: entered new in October, qualified in November, stayed.
  entry('D', 1, '2026-10-30T10:00'),
  entry('D', 2, '2026-11-03T10:00'),
  // E: proposal, then moved back to qualified, and stayed.
  entry('E', 3, '2026-11-12T10:00'),
  entry('E', 2, '2026-11-15T10:00'),
  // F: entered new in the last millisecond of November; G at the first instant of December.
  entry('F', 1, '2026-11-30T23:59:59.999'),
  entry('G', 1, '2026-12-01T00:00'),
];

describe('periodStageConversion', () => {
  it('counts, per stage, the deals that entered it in the period and those that later went further', () => {
    // Stage 1: entered A, B, C, F (D entered in October, G in December) = 4; advanced A (won), C (to 3 in
    //   December) = 2 → 50 %.
    // Stage 2: entered A, D, E = 3; advanced A = 1 (E's proposal came before its move back) → 33.3 %.
    // Stage 3: entered E = 1 (C's entry is in December); advanced 0 → 0 %.
    const result = periodStageConversion({ entries, stagePositions: [1, 2, 3], ...november });
    expect(result).toEqual([
      { stagePosition: 1, entered: 4, advanced: 2, conversionPercent: 50 },
      { stagePosition: 2, entered: 3, advanced: 1, conversionPercent: 100 / 3 },
      { stagePosition: 3, entered: 1, advanced: 0, conversionPercent: 0 },
    ]);
  });
  it('is absent, not 0, for a stage nothing entered', () => {
    expect(periodStageConversion({ entries: [], stagePositions: [1], ...november })).toEqual([
      { stagePosition: 1, entered: 0, advanced: 0, conversionPercent: null },
    ]);
  });
  it('counts a deal that entered a stage twice once, from its first entry', () => {
    // H: new 4th, qualified 6th, back to new 8th → entered stage 1 once, advanced.
    const again = [
      entry('H', 1, '2026-11-04T10:00'),
      entry('H', 2, '2026-11-06T10:00'),
      entry('H', 1, '2026-11-08T10:00'),
    ];
    expect(periodStageConversion({ entries: again, stagePositions: [1], ...november })).toEqual([
      { stagePosition: 1, entered: 1, advanced: 1, conversionPercent: 100 },
    ]);
  });
  it('counts an entry further along at the same instant as advanced (an import records both at once)', () => {
    const imported = [entry('I', 1, '2026-11-04T10:00'), entry('I', 4, '2026-11-04T10:00')];
    expect(periodStageConversion({ entries: imported, stagePositions: [1], ...november })[0]?.advanced).toBe(1);
  });
  it('refuses a period that ends before it starts, an invalid instant and a fractional position', () => {
    expect(() => periodStageConversion({ entries, stagePositions: [1], from: november.to, to: november.from })).toThrow(
      RangeError,
    );
    expect(() =>
      periodStageConversion({
        entries: [{ dealId: 'X', stagePosition: 1, enteredAt: new Date('nope') }],
        stagePositions: [1],
        ...november,
      }),
    ).toThrow(RangeError);
    expect(() => periodStageConversion({ entries, stagePositions: [1.5], ...november })).toThrow(RangeError);
  });
});
