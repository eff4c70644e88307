-- Sales plans: a plan for a period and a scope (the organisation or one unit) in three
-- scenarios, with its seasonality; the decomposition tree month by month (structure down to
-- every rep, plus flat splits across priority directions and channels); and the revisions that
-- reopened an approved plan, each with who, when, why and what changed.
-- Rules as everywhere: org_id leads every key, foreign keys are composite, RLS is forced.

CREATE TABLE plans (
  org_id                    uuid NOT NULL REFERENCES organizations (org_id),
  plan_id                   uuid NOT NULL DEFAULT gen_random_uuid(),
  name                      text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  -- Whole months: the first day of the first month to the last day of the last one.
  period_start              date NOT NULL CHECK (extract(day FROM period_start) = 1),
  period_end                date NOT NULL,
  -- NULL: the organisation; otherwise a unit and its subtree.
  scope_unit_id             uuid,
  currency                  char(3) NOT NULL,
  -- Optional metrics beside revenue (which every plan has); NULL when not planned.
  deals_target              integer CHECK (deals_target >= 0),
  margin_target_minor       bigint CHECK (margin_target_minor >= 0),
  realistic_minor           bigint NOT NULL CHECK (realistic_minor >= 0),
  realistic_basis           text NOT NULL CHECK (realistic_basis IN ('manual', 'last-year-growth')),
  growth_bp                 integer,
  last_year_fact_minor      bigint CHECK (last_year_fact_minor >= 0),
  -- Pessimistic and optimistic: an amount, or a percentage of the realistic plan in basis points.
  pessimistic_kind          text NOT NULL CHECK (pessimistic_kind IN ('amount', 'percent')),
  pessimistic_amount_minor  bigint CHECK (pessimistic_amount_minor >= 0),
  pessimistic_bp            integer CHECK (pessimistic_bp >= 0),
  optimistic_kind           text NOT NULL CHECK (optimistic_kind IN ('amount', 'percent')),
  optimistic_amount_minor   bigint CHECK (optimistic_amount_minor >= 0),
  optimistic_bp             integer CHECK (optimistic_bp >= 0),
  -- The three resolved totals, pessimistic ≤ realistic ≤ optimistic.
  pessimistic_minor         bigint NOT NULL CHECK (pessimistic_minor >= 0),
  optimistic_minor          bigint NOT NULL CHECK (optimistic_minor >= 0),
  -- Twelve coefficients, January first. numeric keeps the exact decimal a JS number prints as.
  seasonality               numeric[] NOT NULL CHECK (cardinality(seasonality) = 12),
  seasonality_basis         text NOT NULL CHECK (seasonality_basis IN ('history', 'flat', 'manual')),
  seasonality_flat_reason   text CHECK (seasonality_flat_reason IN
                              ('fewer-than-12-months', 'calendar-month-missing', 'no-revenue')),
  status                    text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved')),
  -- version: optimistic concurrency, +1 on every change; revision: the edition, +1 on every revise.
  version                   integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  revision                  integer NOT NULL DEFAULT 1 CHECK (revision >= 1),
  decomposed_at             timestamptz,
  created_by                uuid,
  created_at                timestamptz NOT NULL DEFAULT now(),
  updated_by                uuid,
  updated_at                timestamptz NOT NULL DEFAULT now(),
  approved_by               uuid,
  approved_at               timestamptz,
  PRIMARY KEY (org_id, plan_id),
  CHECK (period_end >= period_start),
  CHECK (period_end = (date_trunc('month', period_end) + interval '1 month - 1 day')::date),
  CHECK ((realistic_basis = 'last-year-growth') = (growth_bp IS NOT NULL)),
  CHECK ((pessimistic_kind = 'amount') = (pessimistic_amount_minor IS NOT NULL)),
  CHECK ((pessimistic_kind = 'percent') = (pessimistic_bp IS NOT NULL)),
  CHECK ((optimistic_kind = 'amount') = (optimistic_amount_minor IS NOT NULL)),
  CHECK ((optimistic_kind = 'percent') = (optimistic_bp IS NOT NULL)),
  CHECK (pessimistic_minor <= realistic_minor AND realistic_minor <= optimistic_minor),
  CHECK ((seasonality_basis = 'flat') = (seasonality_flat_reason IS NOT NULL)),
  CHECK ((status = 'approved') = (approved_at IS NOT NULL)),
  FOREIGN KEY (org_id, scope_unit_id) REFERENCES units (org_id, unit_id),
  FOREIGN KEY (org_id, created_by) REFERENCES users (org_id, user_id),
  FOREIGN KEY (org_id, updated_by) REFERENCES users (org_id, user_id),
  FOREIGN KEY (org_id, approved_by) REFERENCES users (org_id, user_id)
);
-- The list pages newest period first (keyset on period_start, plan_id).
CREATE INDEX plans_period_idx ON plans (org_id, period_start DESC, plan_id DESC);
-- The overlap rule looks for approved plans of one scope.
CREATE INDEX plans_scope_idx ON plans (org_id, scope_unit_id, status, period_start);

-- Every reopening of an approved plan: the plan as approved (`before`), why, by whom; and once
-- the revised plan is approved again, the old → new changes.
CREATE TABLE plan_revisions (
  org_id         uuid NOT NULL REFERENCES organizations (org_id),
  revision_id    uuid NOT NULL DEFAULT gen_random_uuid(),
  plan_id        uuid NOT NULL,
  revision       integer NOT NULL CHECK (revision >= 2),
  reason         text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
  revised_by     uuid NOT NULL,
  revised_at     timestamptz NOT NULL,
  before         jsonb NOT NULL,
  changes        jsonb,
  reapproved_by  uuid,
  reapproved_at  timestamptz,
  PRIMARY KEY (org_id, revision_id),
  UNIQUE (org_id, plan_id, revision),
  CHECK ((reapproved_at IS NULL) = (changes IS NULL)),
  FOREIGN KEY (org_id, plan_id) REFERENCES plans (org_id, plan_id),
  FOREIGN KEY (org_id, revised_by) REFERENCES users (org_id, user_id),
  FOREIGN KEY (org_id, reapproved_by) REFERENCES users (org_id, user_id)
);

-- The decomposition tree. Three trees per plan, each rooted at the plan total: `structure`
-- (organisation or unit → units → reps), `direction` (priority product groups and the rest)
-- and `channel`. A line's year figures are the sums of its months.
CREATE TABLE plan_lines (
  org_id             uuid NOT NULL REFERENCES organizations (org_id),
  plan_line_id       uuid NOT NULL DEFAULT gen_random_uuid(),
  plan_id            uuid NOT NULL,
  parent_line_id     uuid,
  dimension          text NOT NULL CHECK (dimension IN ('structure', 'direction', 'channel')),
  kind               text NOT NULL CHECK (kind IN ('organisation', 'unit', 'rep', 'total', 'direction', 'channel')),
  -- Preorder position in the plan: parents before children, siblings in display order.
  position           integer NOT NULL CHECK (position >= 0),
  unit_id            uuid,
  user_id            uuid,
  product_group_id   uuid,
  channel            text CHECK (channel IN ('direct', 'dealer', 'distributor', 'retail')),
  -- How this line's plan is divided among its children, and its own hand weight as a child.
  split_method       text NOT NULL DEFAULT 'equal' CHECK (split_method IN ('equal', 'last-year', 'manual')),
  weight             double precision CHECK (weight >= 0),
  last_year_minor    bigint NOT NULL DEFAULT 0 CHECK (last_year_minor >= 0),
  -- A rep's days on the team within the plan, as read at decomposition (ramp and leaving).
  hire_day           date,
  leave_day          date,
  pessimistic_minor  bigint NOT NULL CHECK (pessimistic_minor >= 0),
  realistic_minor    bigint NOT NULL CHECK (realistic_minor >= 0),
  optimistic_minor   bigint NOT NULL CHECK (optimistic_minor >= 0),
  -- A bottom-up figure typed for the year (realistic), shown against the top-down one until reconciled.
  bottom_up_minor    bigint CHECK (bottom_up_minor >= 0),
  PRIMARY KEY (org_id, plan_line_id),
  UNIQUE (org_id, plan_id, plan_line_id),
  CHECK ((kind = 'rep') = (user_id IS NOT NULL)),
  CHECK ((kind = 'channel') = (channel IS NOT NULL)),
  CHECK (product_group_id IS NULL OR kind = 'direction'),
  CHECK ((kind = 'unit') = (unit_id IS NOT NULL)),
  -- Roots: the organisation, a scope unit, or the total of a flat split; reps, directions and channels have parents.
  CHECK (CASE WHEN kind IN ('organisation', 'total') THEN parent_line_id IS NULL
              WHEN kind = 'unit' THEN true
              ELSE parent_line_id IS NOT NULL END),
  FOREIGN KEY (org_id, plan_id) REFERENCES plans (org_id, plan_id),
  FOREIGN KEY (org_id, plan_id, parent_line_id) REFERENCES plan_lines (org_id, plan_id, plan_line_id),
  FOREIGN KEY (org_id, unit_id) REFERENCES units (org_id, unit_id),
  FOREIGN KEY (org_id, user_id) REFERENCES users (org_id, user_id),
  FOREIGN KEY (org_id, product_group_id) REFERENCES product_groups (org_id, group_id)
);
CREATE INDEX plan_lines_plan_idx ON plan_lines (org_id, plan_id, position);
-- A rep's goals across plans ("my goals").
CREATE INDEX plan_lines_user_idx ON plan_lines (org_id, user_id, plan_id) WHERE user_id IS NOT NULL;

-- One row per line and month of the period: plan versus fact joins these to sales by month,
-- a month is what the PDCA cycle approves, and a period need not start in January.
CREATE TABLE plan_line_months (
  org_id             uuid NOT NULL REFERENCES organizations (org_id),
  plan_id            uuid NOT NULL,
  plan_line_id       uuid NOT NULL,
  month_start        date NOT NULL CHECK (extract(day FROM month_start) = 1),
  pessimistic_minor  bigint NOT NULL CHECK (pessimistic_minor >= 0),
  realistic_minor    bigint NOT NULL CHECK (realistic_minor >= 0),
  optimistic_minor   bigint NOT NULL CHECK (optimistic_minor >= 0),
  PRIMARY KEY (org_id, plan_line_id, month_start),
  FOREIGN KEY (org_id, plan_id, plan_line_id) REFERENCES plan_lines (org_id, plan_id, plan_line_id)
);
CREATE INDEX plan_line_months_plan_idx ON plan_line_months (org_id, plan_id, month_start);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['plans', 'plan_revisions', 'plan_lines', 'plan_line_months'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (org_id = pulse_current_org()) '
                   'WITH CHECK (org_id = pulse_current_org())', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO pulse_app', t);
  END LOOP;
END
$$;
