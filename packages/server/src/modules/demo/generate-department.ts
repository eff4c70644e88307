import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { type Tx, withOrg } from '../../db/tenant.ts';
import { loadWorkCalendar } from '../calendar/calendar.queries.ts';
import { rebuildOrgKpiRollups } from '../kpi/rebuild-kpi-rollups.ts';
import { BulkWriter, type ProgressListener } from './bulk-writer.ts';
import { COMPETITORS, GROUPS, PRODUCTS } from './catalog.ts';
import { Counter, type GenContext, makeIds, type Person, type PipelineRefs, streamOf } from './context.ts';
import { type DatasetSize, SIZE_PROFILES } from './dataset-size.ts';
import { generateActivities } from './generate-activities.ts';
import { generateCompanies } from './generate-companies.ts';
import { generateDeals } from './generate-deals.ts';
import { generateLeads } from './generate-leads.ts';
import { generatePlans } from './generate-plans.ts';
import { idMaker } from './random.ts';
import { buildStructure, departmentOf, type Structure } from './structure.ts';
import { dayNumber, dayString, WorkTime } from './work-time.ts';

/** What to generate. The same options always give the same rows (ids included). */
export interface GenerateOptions {
  size: DatasetSize;
  seed: number;
  /** "Today" in the organisation's zone, 'YYYY-MM-DD': the history ends the day before. */
  anchorDay: string;
  /** Years of history before the anchor day; defaults to the size's (2 for the demo). */
  years?: number;
  /** Domain of the people's logins, e.g. 'demo.test' → director@demo.test. */
  emailDomain: string;
  /** argon2 hash every generated person logs in with; null leaves them without a password. */
  passwordHash: string | null;
  /** Rows buffered per write (default 5,000). */
  chunkRows?: number;
  onProgress?: ProgressListener;
}

/** How far before the history the client base reaches, in days (company creation dates). */
const BASE_REACH_DAYS = 6 * 366;

/**
 * Fills an existing organisation (with its default pipeline, lost reasons and calendar) with a
 * generated sales department, all in one tenant transaction: a failed run leaves nothing half
 * made. Returns the rows written per table.
 */
export async function generateDepartment(
  db: Kysely<Database>,
  orgId: string,
  options: GenerateOptions,
): Promise<Record<string, number>> {
  const profile = SIZE_PROFILES[options.size];
  const years = options.years ?? profile.defaultYears;
  const anchorDay = dayNumber(options.anchorDay);
  const [y, m, d] = options.anchorDay.split('-').map(Number) as [number, number, number];
  const historyStartDay = Date.UTC(y - years, m - 1, d) / 86_400_000;
  return withOrg(db, orgId, async (tx) => {
    const calendar = await loadWorkCalendar(tx, orgId);
    const work = new WorkTime(calendar, historyStartDay - BASE_REACH_DAYS, anchorDay + 400);
    const structure = buildStructure(profile, streamOf(options, 'structure'));
    const people = await insertStructure(tx, orgId, structure, options, anchorDay, work);
    const writer = new BulkWriter(tx, orgId, options.chunkRows ?? 5_000, options.onProgress);
    const catalog = writeCatalog(writer, options.seed, work.shiftStart(work.addWorkingDays(historyStartDay - 400, 0)));
    const ctx: GenContext = {
      seed: options.seed,
      orgId,
      emailDomain: options.emailDomain,
      profile,
      years,
      anchorDay,
      anchorMs: work.startOfDay(anchorDay),
      historyStartDay,
      historyStartMs: work.shiftStart(work.addWorkingDays(historyStartDay, 0)),
      work,
      writer,
      units: structure.units,
      people,
      pipeline: await loadPipeline(tx, orgId),
      lostReasons: await tx
        .selectFrom('lost_reasons')
        .select(['lost_reason_id as id', 'name'])
        .where('org_id', '=', orgId)
        .where('active', '=', true)
        .orderBy('position')
        .execute(),
      ...catalog,
      ids: makeIds(options.seed),
      counters: { phone: new Counter(), email: new Counter(), activity: new Counter(), task: new Counter() },
    };
    const book = await generateCompanies(ctx);
    const leads = await generateLeads(ctx, book);
    const deals = await generateDeals(ctx, book, leads);
    await generateActivities(ctx, book, leads, deals);
    await generatePlans(ctx, book, deals);
    const rows = await writer.close();
    // Deals point at their leads on insert; the leads learn their deal now that it exists.
    await sql`UPDATE leads l SET deal_id = d.deal_id FROM deals d
      WHERE d.org_id = ${orgId} AND l.org_id = ${orgId} AND d.lead_id = l.lead_id`.execute(tx);
    rows.kpi_daily = await rebuildOrgKpiRollups(tx, orgId); // the load's dirty pairs, settled by one rebuild
    return { units: structure.units.length, users: people.length, ...rows };
  });
}

async function loadPipeline(tx: Tx, orgId: string): Promise<PipelineRefs> {
  const stages = await tx
    .selectFrom('stages')
    .innerJoin('pipelines', (join) =>
      join.onRef('pipelines.org_id', '=', 'stages.org_id').onRef('pipelines.pipeline_id', '=', 'stages.pipeline_id'),
    )
    .select(['stages.pipeline_id', 'stages.stage_id', 'stages.kind'])
    .where('stages.org_id', '=', orgId)
    .where('pipelines.is_default', '=', true)
    .where('stages.archived_at', 'is', null)
    .orderBy('stages.position')
    .execute();
  const won = stages.find((s) => s.kind === 'won');
  const lost = stages.find((s) => s.kind === 'lost');
  const open = stages.filter((s) => s.kind === 'open').map((s) => s.stage_id);
  if (!won || !lost || open.length !== 5) {
    throw new Error('The demo needs the default pipeline: five open stages, a won and a lost stage');
  }
  return { pipelineId: won.pipeline_id, open, won: won.stage_id, lost: lost.stage_id };
}

/** Units, users and their logins; returns the people as the phases see them. */
async function insertStructure(
  tx: Tx,
  orgId: string,
  structure: Structure,
  options: GenerateOptions,
  anchorDay: number,
  work: WorkTime,
): Promise<Person[]> {
  const unitId = idMaker(options.seed, 'unit');
  const userId = idMaker(options.seed, 'user');
  const unitIds = new Map(structure.units.map((u, i) => [u.key, unitId(i)]));
  const userIds = new Map(structure.people.map((p, i) => [p.key, userId(i)]));
  await tx
    .insertInto('units')
    .values(
      structure.units.map((u) => ({
        org_id: orgId,
        unit_id: unitIds.get(u.key) as string,
        parent_id: u.parent ? (unitIds.get(u.parent) ?? null) : null,
        name: u.name,
        kind: u.kind,
        head_user_id: null,
      })),
    )
    .execute();
  const people = structure.people.map((p, index): Person => {
    const leaveDay = p.leftDaysAgo === undefined ? null : anchorDay - p.leftDaysAgo;
    return {
      index,
      key: p.key,
      userId: userIds.get(p.key) as string,
      role: p.role,
      unitKey: p.unit,
      deptKey: departmentOf(structure.units, p.unit)?.key ?? null,
      unitId: unitIds.get(p.unit) as string,
      hireDay: anchorDay - p.hiredDaysAgo,
      leaveDay,
      skill: p.skill,
    };
  });
  const emailOf = (login: string) => `${login}@${options.emailDomain}`.toLowerCase();
  await tx
    .insertInto('users')
    .values(
      structure.people.map((p, i) => {
        const person = people[i] as Person;
        const hired = new Date(work.shiftStart(work.addWorkingDays(person.hireDay, 0)));
        const left =
          person.leaveDay === null ? null : new Date(work.shiftStart(work.addWorkingDays(person.leaveDay, 0)));
        return {
          org_id: orgId,
          user_id: person.userId,
          email: emailOf(p.login),
          full_name: p.fullName,
          role: p.role,
          unit_id: person.unitId,
          manager_id: p.manager ? (userIds.get(p.manager) ?? null) : null,
          hire_date: dayString(person.hireDay),
          active: left === null,
          password_hash: options.passwordHash,
          created_at: hired,
          updated_at: left ?? hired,
          deactivated_at: left,
        };
      }),
    )
    .execute();
  await tx
    .insertInto('user_logins')
    .values(
      structure.people.map((p, i) => ({
        email: emailOf(p.login),
        org_id: orgId,
        user_id: people[i]?.userId as string,
      })),
    )
    .execute();
  for (const unit of structure.units) {
    if (!unit.head) continue;
    await tx
      .updateTable('units')
      .set({ head_user_id: userIds.get(unit.head) ?? null })
      .where('org_id', '=', orgId)
      .where('unit_id', '=', unitIds.get(unit.key) as string)
      .execute();
  }
  return people;
}

/** Product groups, products and competitors; returns their ids in catalog order. */
function writeCatalog(
  writer: BulkWriter,
  seed: number,
  createdMs: number,
): { productIds: string[]; competitorIds: string[] } {
  const groupId = idMaker(seed, 'product_group');
  const productId = idMaker(seed, 'product');
  const competitorId = idMaker(seed, 'competitor');
  const groupIndex = new Map(GROUPS.map((g, i) => [g.key, i]));
  GROUPS.forEach((g, i) => {
    const parent = g.parent === null ? null : groupId(groupIndex.get(g.parent) as number);
    writer.add('product_groups', groupId(i), parent, g.name, g.priority, createdMs, createdMs);
  });
  const productIds = PRODUCTS.map((p, i) => {
    const id = productId(i);
    const group = groupId(groupIndex.get(p.group) as number);
    writer.add('products', id, group, p.name, p.sku, p.unit, p.priceMinor, p.priority, createdMs, createdMs);
    return id;
  });
  const competitorIds = COMPETITORS.map((name, i) => {
    writer.add('competitors', competitorId(i), name);
    return competitorId(i);
  });
  return { productIds, competitorIds };
}
