import type { ActivityTables } from './schema/activities.ts';
import type { CompanyTables } from './schema/crm-companies.ts';
import type { DealTables } from './schema/crm-deals.ts';
import type { ProductTables } from './schema/crm-products.ts';
import type { FoundationTables } from './schema/foundation.ts';
import type { KpiTables } from './schema/kpi.ts';
import type { KpiTargetTables } from './schema/kpi-targets.ts';
import type { LeadTables } from './schema/leads.ts';
import type { PdcaTables } from './schema/pdca.ts';
import type { PlanGoalTables } from './schema/plan-goals.ts';
import type { PlanTables } from './schema/plans.ts';

// The table types live in schema/, one file per feature; this module composes them and
// re-exports every table type, so the rest of the server imports from here alone.

export type * from './schema/activities.ts';
export type * from './schema/crm-companies.ts';
export type * from './schema/crm-deals.ts';
export type * from './schema/crm-products.ts';
export type * from './schema/foundation.ts';
export type * from './schema/kpi.ts';
export type * from './schema/kpi-targets.ts';
export type * from './schema/leads.ts';
export type * from './schema/pdca.ts';
export type * from './schema/plan-goals.ts';
export type * from './schema/plans.ts';

/** The database as Kysely sees it. Table names match the SQL migrations. */
export interface Database
  extends FoundationTables,
    CompanyTables,
    ProductTables,
    DealTables,
    LeadTables,
    ActivityTables,
    PlanTables,
    PlanGoalTables,
    PdcaTables,
    KpiTables,
    KpiTargetTables {}
