-- KPI targets of daily control: per KPI, for a rep (user_id) or a team (unit_id), at a grain
-- (day, week, month) over a span of days; the target applies to every period of that grain
-- inside the span. Green from green_at, amber from amber_at, red beyond (the comparison turns
-- round for lower-is-better KPIs). A target is set by hand or taken from the plan's SMART goals.
-- Figures are numeric: percents and ratios have fractions, money and counts do not (checked in
-- the domain's validateThresholds before any write).
-- Two targets of one KPI, subject and grain must not overlap in days: the service refuses that
-- (it also takes an advisory lock so two writers cannot both pass the check); the unique
-- indexes below catch the plainest case, two starting on the same day.

CREATE TABLE kpi_targets (
  org_id        uuid NOT NULL REFERENCES organizations (org_id),
  target_id     uuid NOT NULL DEFAULT gen_random_uuid(),
  kpi_id        text NOT NULL CHECK (kpi_id IN (
                  'tasks-on-time', 'calls-outbound', 'calls-inbound', 'talk-time', 'meetings-held',
                  'leads-new', 'leads-qualified', 'response-time', 'lead-to-won-time', 'deals-won',
                  'revenue', 'average-deal', 'win-rate', 'stage-conversion', 'pipeline-coverage',
                  'quality-score')),
  user_id       uuid,
  unit_id       uuid,
  grain         text NOT NULL CHECK (grain IN ('day', 'week', 'month')),
  period_from   date NOT NULL,
  period_to     date NOT NULL,
  target        numeric NOT NULL CHECK (target >= 0),
  green_at      numeric NOT NULL CHECK (green_at >= 0),
  amber_at      numeric NOT NULL CHECK (amber_at >= 0),
  source        text NOT NULL CHECK (source IN ('manual', 'smart-goal')),
  goal_id       uuid,
  created_by    uuid NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  version       integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  PRIMARY KEY (org_id, target_id),
  -- Exactly one subject: a person or a unit.
  CHECK ((user_id IS NULL) <> (unit_id IS NULL)),
  CHECK (period_from <= period_to),
  -- A target taken from a goal names it; a manual one has none.
  CHECK ((source = 'smart-goal') = (goal_id IS NOT NULL)),
  FOREIGN KEY (org_id, user_id) REFERENCES users (org_id, user_id),
  FOREIGN KEY (org_id, unit_id) REFERENCES units (org_id, unit_id),
  FOREIGN KEY (org_id, goal_id) REFERENCES plan_goals (org_id, goal_id),
  FOREIGN KEY (org_id, created_by) REFERENCES users (org_id, user_id)
);
CREATE UNIQUE INDEX kpi_targets_user_start_key
  ON kpi_targets (org_id, kpi_id, user_id, grain, period_from) WHERE user_id IS NOT NULL;
CREATE UNIQUE INDEX kpi_targets_unit_start_key
  ON kpi_targets (org_id, kpi_id, unit_id, grain, period_from) WHERE unit_id IS NOT NULL;
-- The dashboard and the list read the targets of people and units over days.
CREATE INDEX kpi_targets_user_idx ON kpi_targets (org_id, user_id, period_from) WHERE user_id IS NOT NULL;
CREATE INDEX kpi_targets_unit_idx ON kpi_targets (org_id, unit_id, period_from) WHERE unit_id IS NOT NULL;

ALTER TABLE kpi_targets ENABLE ROW LEVEL SECURITY;
ALTER TABLE kpi_targets FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON kpi_targets USING (org_id = pulse_current_org())
  WITH CHECK (org_id = pulse_current_org());
GRANT SELECT, INSERT, UPDATE, DELETE ON kpi_targets TO pulse_app;
