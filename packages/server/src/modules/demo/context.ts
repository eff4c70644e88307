import type { BulkWriter } from './bulk-writer.ts';
import type { SizeProfile } from './dataset-size.ts';
import { createRandom, idMaker, type Random } from './random.ts';
import type { Role, UnitSpec } from './structure.ts';
import type { WorkTime } from './work-time.ts';

/** A person of the generated department as the phases need them. */
export interface Person {
  index: number;
  key: string;
  userId: string;
  role: Role;
  unitKey: string;
  /** The department whose territory they work (their unit, or their team's department). */
  deptKey: string | null;
  unitId: string;
  hireDay: number;
  /** First day they no longer work (deactivated), or null. */
  leaveDay: number | null;
  skill: number;
}

/** Stages of the default pipeline in order: open stages, then won, then lost. */
export interface PipelineRefs {
  pipelineId: string;
  open: readonly string[];
  won: string;
  lost: string;
}

/** Everything the generating phases share; built once per run. */
export interface GenContext {
  seed: number;
  orgId: string;
  emailDomain: string;
  profile: SizeProfile;
  years: number;
  /** The anchor day ("today"): history ends the working day before, the future starts here. */
  anchorDay: number;
  /** Instant the anchor day starts in the org's zone: nothing done happens at or after it. */
  anchorMs: number;
  historyStartDay: number;
  historyStartMs: number;
  work: WorkTime;
  writer: BulkWriter;
  units: readonly UnitSpec[];
  people: readonly Person[];
  pipeline: PipelineRefs;
  lostReasons: readonly { id: string; name: string }[];
  competitorIds: readonly string[];
  productIds: readonly string[];
  ids: IdMakers;
  /** Row numbers of tables more than one phase adds to. */
  counters: Record<'phone' | 'email' | 'activity' | 'task', Counter>;
}

export type IdMakers = Record<
  | 'company'
  | 'contact'
  | 'phone'
  | 'email'
  | 'lead'
  | 'deal'
  | 'dealLine'
  | 'stageChange'
  | 'sale'
  | 'activity'
  | 'task',
  (index: number) => string
>;

export function makeIds(seed: number): IdMakers {
  const kinds = [
    'company',
    'contact',
    'phone',
    'email',
    'lead',
    'deal',
    'dealLine',
    'stageChange',
    'sale',
    'activity',
    'task',
  ] as const;
  return Object.fromEntries(kinds.map((kind) => [kind, idMaker(seed, kind)])) as IdMakers;
}

/** A named random stream of this run. */
export function streamOf(ctx: Pick<GenContext, 'seed'>, name: string): Random {
  return createRandom(ctx.seed, name);
}

/** Whether a person works on a day (hired, not yet left). */
export function worksOn(person: Person, dayNum: number): boolean {
  return person.hireDay <= dayNum && (person.leaveDay === null || dayNum < person.leaveDay);
}

/** A counter for ids of one kind, shared across phases that add rows to the same table. */
export class Counter {
  value = 0;
  next(): number {
    const current = this.value;
    this.value += 1;
    return current;
  }
}
