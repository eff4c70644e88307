import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeWorkCalendar, russianWorkCalendar } from '../calendar/index.ts';
import { splitTeamMonth, splitTeamMonthNoted, splitTeamYear, type TeamMember } from './split-team-month.ts';

const russia = russianWorkCalendar();
const plans = (rows: { planMinor: number }[]) => rows.map((row) => row.planMinor);

// Anna and Boris have been on the team for years; Vera joins on Monday 16 March 2026 — 12 of
// March's 21 working days are left (16–20, 23–27, 30–31). Boris leaves on Monday 15 June 2026,
// having worked 10 of June's 21 working days (1–5, 8–11, 15; 12 June is a holiday).
const team: TeamMember[] = [
  { id: 'anna' },
  { id: 'boris', leaveDay: '2026-06-15' },
  { id: 'vera', hireDay: '2026-03-16' },
];

describe('splitTeamMonth', () => {
  it('gives a mid-month hire 25 % of a full goal prorated to her days (3-rep team, March)', () => {
    // Capacities 21 : 21 : 0.25 × 12 = 21 : 21 : 3 = 7 : 7 : 1 of 3 000 000.00 RUB.
    // Vera: 25 % × 12/21 of the 1 400 000.00 a full rep carries = 200 000.00.
    const march = splitTeamMonth({ teamPlanMinor: 300_000_000, month: '2026-03', members: team, calendar: russia });
    expect(plans(march)).toEqual([140_000_000, 140_000_000, 20_000_000]);
    expect(march[2]).toMatchObject({ id: 'vera', monthOfTenure: 1, capacity: (0.25 * 12) / 21 });
    expect(march[0]).toMatchObject({ id: 'anna', monthOfTenure: null, capacity: 1 });
  });
  it('gives her 50 % in April and 75 % in May, the deficit carried by the team', () => {
    // April 2 500 000.00 RUB by 1 : 1 : 0.5; May 2 000 000.00 RUB by 1 : 1 : 0.75.
    expect(
      plans(splitTeamMonth({ teamPlanMinor: 250_000_000, month: '2026-04', members: team, calendar: russia })),
    ).toEqual([100_000_000, 100_000_000, 50_000_000]);
    // 200 000 000 × 4/11 = 72 727 272.72…, × 3/11 = 54 545 454.54…: the floors leave 2 kopecks,
    // which go to the two largest remainders (.72), Anna's and Boris's.
    expect(
      plans(splitTeamMonth({ teamPlanMinor: 200_000_000, month: '2026-05', members: team, calendar: russia })),
    ).toEqual([72_727_273, 72_727_273, 54_545_454]);
  });
  it('hands a leaver the days worked and the rest of the month to the team', () => {
    // June: Vera is in month 4 (100 %); Boris 10 of 21 days → 21 : 10 : 21 of 5 200 000.00 RUB.
    const june = splitTeamMonth({ teamPlanMinor: 520_000_000, month: '2026-06', members: team, calendar: russia });
    expect(plans(june)).toEqual([210_000_000, 100_000_000, 210_000_000]);
    // July: Boris is gone; Anna and Vera share it.
    const july = splitTeamMonth({ teamPlanMinor: 400_000_000, month: '2026-07', members: team, calendar: russia });
    expect(plans(july)).toEqual([200_000_000, 0, 200_000_000]);
  });
  it('ramps a new hire by weight too: a half-time hire in month 2 carries 25 % of a full-time teammate', () => {
    const members = [{ id: 'full' }, { id: 'half', weight: 0.5, hireDay: '2026-03-02' }];
    expect(plans(splitTeamMonth({ teamPlanMinor: 1_250, month: '2026-04', members, calendar: russia }))).toEqual([
      1_000, 250,
    ]);
  });
  it('refuses a plan for a month nobody works, but splits a zero plan', () => {
    const gone = [{ id: 'x', leaveDay: '2026-02-27' }];
    expect(() => splitTeamMonth({ teamPlanMinor: 100, month: '2026-03', members: gone, calendar: russia })).toThrow(
      expect.objectContaining({ code: 'no_capacity' }),
    );
    expect(plans(splitTeamMonth({ teamPlanMinor: 0, month: '2026-03', members: gone, calendar: russia }))).toEqual([0]);
  });
  describe('when everyone on the team that month weighs nothing', () => {
    // Split by last year's share: Gleb sold 1 000 000.00 RUB last year and leaves on Monday
    // 15 June 2026; Dina sold nothing. Zhanna, with no sales either, joins on 1 June 2026.
    const lastYear: TeamMember[] = [
      { id: 'gleb', weight: 100_000_000, leaveDay: '2026-06-15' },
      { id: 'dina', weight: 0 },
      { id: 'zhanna', weight: 0, hireDay: '2026-06-01' },
    ];
    const split = (teamPlanMinor: number, month: string) =>
      splitTeamMonthNoted({ teamPlanMinor, month, members: lastYear, calendar: russia });

    it('lets the one who sold carry the months he is on the team', () => {
      // May: only Gleb has weight. June: Gleb is here 10 of 21 days, and still the only weight.
      expect(split(500_000, '2026-05')).toEqual({
        equalWeights: false,
        members: [
          expect.objectContaining({ id: 'gleb', planMinor: 500_000 }),
          expect.objectContaining({ id: 'dina', planMinor: 0 }),
          expect.objectContaining({ id: 'zhanna', planMinor: 0 }),
        ],
      });
      expect(plans(split(500_000, '2026-06').members)).toEqual([500_000, 0, 0]);
    });
    it('splits the months after he leaves equally among those present, ramp still applied', () => {
      // July: Dina full, Zhanna in her second month (50 %), both the whole month → 1 : 0.5 of
      // 300 000 = 200 000 : 100 000. August: Zhanna at 75 % → 1 : 0.75 of 350 000 = 200 000 : 150 000.
      expect(split(300_000, '2026-07')).toMatchObject({ equalWeights: true });
      expect(plans(split(300_000, '2026-07').members)).toEqual([0, 200_000, 100_000]);
      expect(plans(split(350_000, '2026-08').members)).toEqual([0, 200_000, 150_000]);
      // September: Zhanna is fully ramped → 1 : 1; 100 001 leaves one kopeck, to the earlier part.
      expect(plans(split(100_001, '2026-09').members)).toEqual([0, 50_001, 50_000]);
    });
    it('does not flag a zero plan, and still refuses a month with nobody on the team', () => {
      expect(split(0, '2026-07')).toEqual(expect.objectContaining({ equalWeights: false }));
      const gone = [
        { id: 'a', weight: 5, leaveDay: '2026-02-27' },
        { id: 'b', weight: 0, hireDay: '2026-04-01' },
      ];
      expect(() => splitTeamMonth({ teamPlanMinor: 100, month: '2026-03', members: gone, calendar: russia })).toThrow(
        expect.objectContaining({ code: 'no_capacity', details: { month: '2026-03' } }),
      );
    });
  });
  it('refuses bad members', () => {
    const split = (members: TeamMember[]) => () =>
      splitTeamMonth({ teamPlanMinor: 100, month: '2026-03', members, calendar: russia });
    expect(split([])).toThrow(expect.objectContaining({ code: 'no_parts' }));
    expect(split([{ id: 'a' }, { id: 'a' }])).toThrow(expect.objectContaining({ code: 'duplicate_id' }));
    expect(split([{ id: 'a', hireDay: '2026-03-10', leaveDay: '2026-03-09' }])).toThrow(
      expect.objectContaining({ code: 'invalid_period' }),
    );
    expect(split([{ id: 'a', weight: -1 }])).toThrow(expect.objectContaining({ code: 'negative_weight' }));
    expect(split([{ id: 'a', hireDay: '2026-3-1' }])).toThrow(expect.objectContaining({ code: 'invalid_period' }));
  });

  const memberArb = fc.record({
    hireDay: fc.option(
      fc.date({ min: new Date('2025-10-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true }),
      { nil: null },
    ),
    leaveDay: fc.option(
      fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2027-03-31T00:00:00Z'), noInvalidDate: true }),
      { nil: null },
    ),
  });
  const toDay = (date: Date | null) => (date === null ? null : date.toISOString().slice(0, 10));
  const monthArb = fc.integer({ min: 1, max: 12 }).map((m) => `2026-${String(m).padStart(2, '0')}`);
  const calendars = [russia, makeWorkCalendar({ timeZone: 'Europe/Moscow', workWeek: [1, 2, 3, 4, 5, 6, 7] })];

  it('keeps the team total equal to the team plan and never puts a new hire above a full teammate', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        monthArb,
        fc.array(memberArb, { minLength: 0, maxLength: 6 }),
        fc.constantFrom(...calendars),
        (teamPlanMinor, month, raw, calendar) => {
          // A veteran who stays keeps the team's capacity above zero and is the "full goal" yardstick.
          const members: TeamMember[] = [
            { id: 'veteran' },
            ...raw.map((m, i) => {
              const hireDay = toDay(m.hireDay);
              const leaveDay = toDay(m.leaveDay);
              return {
                id: `m${i}`,
                hireDay,
                leaveDay: leaveDay !== null && hireDay !== null && leaveDay < hireDay ? null : leaveDay,
              };
            }),
          ];
          const result = splitTeamMonth({ teamPlanMinor, month, members, calendar });
          expect(plans(result).reduce((a, b) => a + b, 0)).toBe(teamPlanMinor);
          const full = result[0]?.planMinor ?? 0;
          for (const row of result) {
            expect(row.planMinor).toBeGreaterThanOrEqual(0);
            expect(row.planMinor).toBeLessThanOrEqual(full);
            expect(row.capacity).toBeLessThanOrEqual(1);
          }
        },
      ),
    );
  });
});

describe('splitTeamMonth with leavers and zero weights', () => {
  const dayArb = (from: string, to: string) =>
    fc
      .date({ min: new Date(`${from}T00:00:00Z`), max: new Date(`${to}T00:00:00Z`), noInvalidDate: true })
      .map((date) => date.toISOString().slice(0, 10));
  const memberArb = fc.record({
    weight: fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 1, max: 1e9 })),
    hireDay: fc.option(dayArb('2025-10-01', '2026-12-31'), { nil: null }),
    leaveDay: fc.option(dayArb('2026-01-01', '2027-03-31'), { nil: null }),
  });
  it('sums exactly to the team plan whenever anyone is on the team, and gives nothing to the absent', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.integer({ min: 1, max: 12 }).map((m) => `2026-${String(m).padStart(2, '0')}`),
        fc.array(memberArb, { minLength: 1, maxLength: 6 }),
        (teamPlanMinor, month, raw) => {
          const members: TeamMember[] = raw.map((m, i) => ({
            id: `m${i}`,
            weight: m.weight,
            hireDay: m.hireDay,
            leaveDay: m.leaveDay !== null && m.hireDay !== null && m.leaveDay < m.hireDay ? m.hireDay : m.leaveDay,
          }));
          const input = { teamPlanMinor, month, members, calendar: russia };
          const present = (member: TeamMember) =>
            (member.hireDay ?? '') <= `${month}-31` && (member.leaveDay ?? '9999') >= `${month}-01`;
          let result: ReturnType<typeof splitTeamMonthNoted>;
          try {
            result = splitTeamMonthNoted(input);
          } catch (error) {
            // Refused only for a plan when nobody works a single working day of the month.
            expect(error).toMatchObject({ code: 'no_capacity' });
            expect(teamPlanMinor).toBeGreaterThan(0);
            expect(splitTeamMonth({ ...input, teamPlanMinor: 0 }).every((row) => row.capacity === 0)).toBe(true);
            return;
          }
          expect(plans(result.members).reduce((a, b) => a + b, 0)).toBe(teamPlanMinor);
          result.members.forEach((row, i) => {
            const member = members[i] as TeamMember;
            if (!present(member) || row.capacity === 0) expect(row.planMinor).toBe(0);
            if (!result.equalWeights && member.weight === 0) expect(row.planMinor).toBe(0);
          });
          const weighed = members.some(
            (member, i) => (member.weight ?? 0) > 0 && (result.members[i]?.capacity ?? 0) > 0,
          );
          expect(result.equalWeights).toBe(teamPlanMinor > 0 && !weighed);
        },
      ),
    );
  });
});

describe('splitTeamYear', () => {
  const months = Array.from({ length: 12 }, (_, i) => ({
    month: `2026-${String(i + 1).padStart(2, '0')}`,
    teamPlanMinor: 300_000_000 + i * 7,
  }));

  it('keeps every month at the team plan and gives a leaver nothing after leaving', () => {
    const year = splitTeamYear({ months, members: team, calendar: russia });
    for (const month of year) expect(plans(month.members).reduce((a, b) => a + b, 0)).toBe(month.teamPlanMinor);
    expect(year.slice(6).every((month) => month.members[1]?.planMinor === 0)).toBe(true);
    expect(year.slice(0, 2).every((month) => month.members[2]?.planMinor === 0)).toBe(true);
  });
  it('leaves months before the leave month exactly as they were without the leaver leaving', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), (leaveMonth, leaveDate) => {
        const leaveDay = `2026-${String(leaveMonth).padStart(2, '0')}-${String(leaveDate).padStart(2, '0')}`;
        const staying = splitTeamYear({ months, members: [{ id: 'a' }, { id: 'b' }, { id: 'c' }], calendar: russia });
        const leaving = splitTeamYear({
          months,
          members: [{ id: 'a' }, { id: 'b', leaveDay }, { id: 'c' }],
          calendar: russia,
        });
        for (let m = 0; m < leaveMonth - 1; m++) expect(leaving[m]).toEqual(staying[m]);
        for (let m = leaveMonth; m < 12; m++) {
          expect(leaving[m]?.members[1]?.planMinor).toBe(0);
          expect(plans(leaving[m]?.members ?? []).reduce((a, b) => a + b, 0)).toBe(months[m]?.teamPlanMinor);
        }
      }),
      { numRuns: 40 },
    );
  });
});
