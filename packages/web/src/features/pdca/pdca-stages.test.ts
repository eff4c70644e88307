import type { PdcaCycle } from '@pulse/contracts';
import { describe, expect, it } from 'vitest';
import { defaultCycleId, formatMonth, formatPercent, stageAllowed, stageState, stageViews } from './pdca-stages.ts';

const by = { by: { id: '00000000-0000-4000-8000-000000000001', fullName: 'Анна' }, at: '2026-01-05T09:00:00Z' };
function cycle(overrides: Partial<PdcaCycle> = {}): PdcaCycle {
  return {
    id: '00000000-0000-4000-8000-000000000010',
    planId: '00000000-0000-4000-8000-000000000020',
    month: '2026-01',
    monthStart: '2026-01-01',
    planApproved: null,
    goalsIssued: null,
    reviewed: null,
    goalRepCount: 0,
    actionCount: 0,
    currentStage: 'plan',
    permissions: {
      approveMonth: true,
      issueGoals: true,
      review: true,
      addAction: true,
      checkAction: true,
      generateGoals: true,
    },
    ...overrides,
  };
}

describe('stageState', () => {
  it('waits on the current stage and has every later one ahead', () => {
    const c = cycle({ planApproved: by, currentStage: 'do' });
    expect(stageState(c, 'plan')).toBe('done');
    expect(stageState(c, 'do')).toBe('waiting');
    expect(stageState(c, 'check')).toBe('ahead');
  });
  it('has all four done once nothing is waiting', () => {
    const c = cycle({ currentStage: null });
    expect(stageViews(c).map((s) => s.state)).toEqual(['done', 'done', 'done', 'done']);
  });
});

describe('stageViews', () => {
  it('carries who approved the plan stage', () => {
    expect(stageViews(cycle({ planApproved: by, currentStage: 'do' }))[0]?.done).toEqual(by);
  });
});

describe('defaultCycleId', () => {
  it('opens the first cycle still waiting', () => {
    const first = cycle({ id: 'a', currentStage: null });
    const second = cycle({ id: 'b', currentStage: 'check' });
    expect(defaultCycleId([first, second])).toBe('b');
  });
  it('opens the last when all are done, none when there are none', () => {
    expect(defaultCycleId([cycle({ id: 'a', currentStage: null }), cycle({ id: 'z', currentStage: null })])).toBe('z');
    expect(defaultCycleId([])).toBeNull();
  });
});

describe('formatPercent', () => {
  it('shows the sign and one decimal', () => {
    expect(formatPercent(12.5, 'en')).toBe('+12.5 %');
    expect(formatPercent(-3, 'en')).toBe('-3 %');
    expect(formatPercent(0, 'en')).toBe('0 %');
  });
  it('shows a dash when the plan is zero', () => expect(formatPercent(null, 'en')).toBe('—'));
});

describe('formatMonth', () => {
  it('names the month in the language', () => expect(formatMonth('2026-03', 'en')).toBe('March 2026'));
});

describe('stageAllowed', () => {
  const none = {
    approveMonth: false,
    issueGoals: false,
    review: false,
    addAction: false,
    checkAction: false,
    generateGoals: false,
  };
  it("asks the permission of the stage the cycle waits on, and no other's", () => {
    const headOfTeamOnDepartment = { ...none, issueGoals: true, review: true, addAction: true, checkAction: true };
    expect(stageAllowed(cycle({ currentStage: 'plan', permissions: headOfTeamOnDepartment }))).toBe(false);
    expect(stageAllowed(cycle({ currentStage: 'do', permissions: headOfTeamOnDepartment }))).toBe(true);
    expect(stageAllowed(cycle({ currentStage: 'check', permissions: { ...none, approveMonth: true } }))).toBe(false);
    expect(stageAllowed(cycle({ currentStage: 'act', permissions: { ...none, addAction: true } }))).toBe(true);
    // A head who sees part of the plan generates their reps' goals, but the Do stage is not theirs.
    expect(stageAllowed(cycle({ currentStage: 'do', permissions: { ...none, generateGoals: true } }))).toBe(false);
  });
  it('allows nothing to a viewer, nor once every stage is done', () => {
    expect(stageAllowed(cycle({ currentStage: 'plan', permissions: none }))).toBe(false);
    expect(stageAllowed(cycle({ currentStage: null }))).toBe(false);
  });
});
