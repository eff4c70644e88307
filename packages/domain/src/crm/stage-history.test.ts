import { describe, expect, it } from 'vitest';
import { stageConversion, timeInStages } from './stage-history.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('timeInStages', () => {
  it('counts each stage from its entry to the next change, and the last one up to now', () => {
    // new 1 Jan 09:00 → qualified 2 Jan 09:00 (1 day) → proposal 2 Jan 15:00 (6 h) → now 3 Jan 15:00 (1 day).
    const result = timeInStages(
      [
        { at: '2026-01-01T09:00:00Z', toStageId: 'new' },
        { at: '2026-01-02T09:00:00Z', toStageId: 'qualified' },
        { at: '2026-01-02T15:00:00Z', toStageId: 'proposal' },
      ],
      '2026-01-03T15:00:00Z',
    );
    expect(result).toEqual(
      new Map([
        ['new', DAY],
        ['qualified', 6 * HOUR],
        ['proposal', DAY],
      ]),
    );
  });
  it('sorts the changes itself and adds up repeat visits', () => {
    // Time order: A 00:00 → B 02:00 → A 05:00 → C 06:00, now 10:00.
    // A: 2 h + 1 h = 3 h; B: 3 h; C: 4 h. Total 10 h = now − first entry.
    const result = timeInStages(
      [
        { at: '2026-01-01T05:00:00Z', toStageId: 'A' },
        { at: '2026-01-01T00:00:00Z', toStageId: 'A' },
        { at: '2026-01-01T06:00:00Z', toStageId: 'C' },
        { at: '2026-01-01T02:00:00Z', toStageId: 'B' },
      ],
      new Date('2026-01-01T10:00:00Z'),
    );
    expect(result).toEqual(
      new Map([
        ['A', 3 * HOUR],
        ['B', 3 * HOUR],
        ['C', 4 * HOUR],
      ]),
    );
  });
  it('orders by instant across offsets: 10:00+03:00 comes before 08:00Z', () => {
    const result = timeInStages(
      [
        { at: '2026-01-01T08:00:00Z', toStageId: 'B' },
        { at: '2026-01-01T10:00:00+03:00', toStageId: 'A' },
      ],
      '2026-01-01T09:00:00Z',
    );
    // A from 07:00Z to 08:00Z, B from 08:00Z to 09:00Z.
    expect(result).toEqual(
      new Map([
        ['A', HOUR],
        ['B', HOUR],
      ]),
    );
  });
  it('gives 0 ms to the first of two changes at the same instant, keeping input order', () => {
    const result = timeInStages(
      [
        { at: '2026-01-01T00:00:00Z', toStageId: 'A' },
        { at: '2026-01-01T00:00:00Z', toStageId: 'B' },
      ],
      '2026-01-01T01:00:00Z',
    );
    expect(result).toEqual(
      new Map([
        ['A', 0],
        ['B', HOUR],
      ]),
    );
  });
  it('ignores changes after now, measuring a past moment', () => {
    const result = timeInStages(
      [
        { at: '2026-01-01T00:00:00Z', toStageId: 'A' },
        { at: '2026-01-01T05:00:00Z', toStageId: 'B' },
      ],
      '2026-01-01T02:00:00Z',
    );
    expect(result).toEqual(new Map([['A', 2 * HOUR]]));
  });
  it('is empty for a deal with no changes', () => {
    expect(timeInStages([], '2026-01-01T00:00:00Z').size).toBe(0);
  });
  it('refuses instants without an offset and invalid dates', () => {
    expect(() => timeInStages([{ at: '2026-01-01T00:00', toStageId: 'A' }], '2026-01-02T00:00:00Z')).toThrow(
      RangeError,
    );
    expect(() => timeInStages([], new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('stageConversion', () => {
  // Stages ordered 1 new, 2 qualified, 3 proposal, 4 contract.
  const paths = [
    { dealId: 'd1', stageOrders: [1, 2, 3] }, // entered 2, went on to 3: advanced
    { dealId: 'd2', stageOrders: [1, 2] }, // entered 2, still there: not advanced
    { dealId: 'd3', stageOrders: [1, 2, 4] }, // skipped 3 to 4: advanced
    { dealId: 'd4', stageOrders: [1, 3, 2] }, // entered 2 only after 3: not advanced from 2
    { dealId: 'd5', stageOrders: [1, 2, 1, 2, 3] }, // entered 2 twice, counted once: advanced
    { dealId: 'd6', stageOrders: [1] }, // never entered 2
  ];

  it('counts deals that entered k and the share that later went further', () => {
    // Entered 2: d1, d2, d3, d4, d5 = 5. Advanced past 2 afterwards: d1, d3, d5 = 3. Rate 3/5.
    expect(stageConversion(paths, 2)).toEqual({ entered: 5, advanced: 3, rate: 0.6 });
  });
  it('works for the first stage: all 6 entered 1, all but d6 went further', () => {
    expect(stageConversion(paths, 1)).toEqual({ entered: 6, advanced: 5, rate: 5 / 6 });
  });
  it('gives 0 for the last stage, from which no deal can go further', () => {
    expect(stageConversion(paths, 4)).toEqual({ entered: 1, advanced: 0, rate: 0 });
  });
  it('gives a null rate when no deal entered the stage', () => {
    expect(stageConversion(paths, 7)).toEqual({ entered: 0, advanced: 0, rate: null });
    expect(stageConversion([], 1)).toEqual({ entered: 0, advanced: 0, rate: null });
  });
  it('refuses a deal listed twice', () => {
    expect(() =>
      stageConversion(
        [
          { dealId: 'd1', stageOrders: [1] },
          { dealId: 'd1', stageOrders: [2] },
        ],
        1,
      ),
    ).toThrow(RangeError);
  });
});
