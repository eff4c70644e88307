import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AssignmentCandidate, pickAssignee } from './round-robin.ts';

const rep = (userId: string, openWorkload: number, lastAssignedAt: string | null = null): AssignmentCandidate => ({
  userId,
  openWorkload,
  lastAssignedAt,
});

describe('pickAssignee', () => {
  it('returns null for an empty team', () => expect(pickAssignee([])).toBeNull());
  it('gives the deal to the rep with the smallest open workload', () => {
    expect(pickAssignee([rep('anna', 5, null), rep('boris', 3, '2026-01-12T10:00:00Z'), rep('vera', 4)])).toBe('boris');
  });
  it('among equal workloads, prefers a rep never assigned', () => {
    expect(pickAssignee([rep('anna', 2, '2026-01-01T00:00:00Z'), rep('boris', 2, null)])).toBe('boris');
  });
  it('among equal workloads, prefers the rep assigned least recently', () => {
    expect(pickAssignee([rep('anna', 2, '2026-01-12T10:00:00Z'), rep('boris', 2, '2026-01-12T09:00:00Z')])).toBe(
      'boris',
    );
  });
  it('compares assignment times as instants, not as strings', () => {
    // 10:00+03:00 is 07:00Z, earlier than 08:00Z although it sorts later as text.
    expect(pickAssignee([rep('anna', 1, '2026-01-12T08:00:00Z'), rep('boris', 1, '2026-01-12T10:00:00+03:00')])).toBe(
      'boris',
    );
  });
  it('breaks a full tie by userId, whatever the input order', () => {
    expect(pickAssignee([rep('vera', 0), rep('anna', 0), rep('boris', 0)])).toBe('anna');
    expect(pickAssignee([rep('b', 1, '2026-01-12T08:00:00Z'), rep('a', 1, '2026-01-12T08:00:00Z')])).toBe('a');
  });
  it('refuses a negative or fractional workload and a malformed instant', () => {
    expect(() => pickAssignee([rep('anna', -1)])).toThrow(RangeError);
    expect(() => pickAssignee([rep('anna', 0.5)])).toThrow(RangeError);
    expect(() => pickAssignee([rep('anna', 0, '12.01.2026 10:00')])).toThrow(RangeError);
  });

  /** Runs `count` assignments; each winner's workload goes up by one and its time is stamped. */
  function simulate(team: AssignmentCandidate[], count: number, check: (team: AssignmentCandidate[]) => void) {
    for (let i = 0; i < count; i++) {
      const winner = team.find((candidate) => candidate.userId === pickAssignee(team));
      if (winner === undefined) throw new Error('pickAssignee chose no one from a non-empty team');
      winner.openWorkload += 1;
      winner.lastAssignedAt = new Date(Date.UTC(2026, 0, 12) + i * 60_000).toISOString();
      check(team);
    }
  }

  it('keeps workloads within 1 of each other over a stream of assignments to equal reps', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.nat(120), fc.nat(50), (teamSize, count, start) => {
        const team = Array.from({ length: teamSize }, (_, i) => rep(`rep-${i}`, start));
        let widestSpread = 0;
        simulate(team, count, (now) => {
          const loads = now.map((candidate) => candidate.openWorkload);
          widestSpread = Math.max(widestSpread, Math.max(...loads) - Math.min(...loads));
        });
        expect(widestSpread).toBeLessThanOrEqual(1);
      }),
    );
  });
  it('gives each of K equal reps exactly one of every K consecutive assignments', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 5 }), (teamSize, rounds) => {
        const team = Array.from({ length: teamSize }, (_, i) => rep(`rep-${i}`, 0));
        simulate(team, teamSize * rounds, () => {});
        expect(team.every((candidate) => candidate.openWorkload === rounds)).toBe(true);
      }),
    );
  });
});
