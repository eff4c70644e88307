-- SMART goals of reps for one month of an approved plan: one row per rep, month and metric,
-- generated from the plan and the reverse funnel, adjustable by the head with a reason.
-- The plan line is kept by id without a foreign key: a revised plan re-decomposes and replaces
-- its lines (keeping their ids), and the goals issued under the earlier edition stay on record.

CREATE TABLE plan_goals (
  org_id                  uuid NOT NULL REFERENCES organizations (org_id),
  goal_id                 uuid NOT NULL DEFAULT gen_random_uuid(),
  plan_id                 uuid NOT NULL,
  plan_line_id            uuid NOT NULL,
  user_id                 uuid NOT NULL,
  month_start             date NOT NULL CHECK (extract(day FROM month_start) = 1),
  metric                  text NOT NULL CHECK (metric IN
                            ('revenue', 'deals-won', 'opportunities-opened', 'meetings-per-day', 'calls-per-day')),
  -- Minor units for revenue; a whole count otherwise (per working day for the *-per-day metrics).
  target                  bigint NOT NULL CHECK (target >= 0),
  generated_target        bigint NOT NULL CHECK (generated_target >= 0),
  -- Why the head changed the target; NULL while it is the generated one.
  reason                  text CHECK (length(reason) BETWEEN 1 AND 1000),
  -- The revenue goal against the rep's best month × (1 + margin), as generated.
  achievable              boolean NOT NULL,
  achievability_limit_minor bigint,
  -- The reverse funnel's figures and where each came from (rep or team), as generated.
  funnel                  jsonb NOT NULL,
  generated_by            uuid NOT NULL,
  generated_at            timestamptz NOT NULL,
  adjusted_by             uuid,
  adjusted_at             timestamptz,
  version                 integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  PRIMARY KEY (org_id, goal_id),
  UNIQUE (org_id, plan_id, user_id, month_start, metric),
  CHECK ((reason IS NULL) = (adjusted_at IS NULL)),
  FOREIGN KEY (org_id, plan_id) REFERENCES plans (org_id, plan_id),
  FOREIGN KEY (org_id, user_id) REFERENCES users (org_id, user_id),
  FOREIGN KEY (org_id, generated_by) REFERENCES users (org_id, user_id),
  FOREIGN KEY (org_id, adjusted_by) REFERENCES users (org_id, user_id)
);
-- "My goals" and the head's list read a person's month.
CREATE INDEX plan_goals_user_idx ON plan_goals (org_id, user_id, month_start);

ALTER TABLE plan_goals ENABLE ROW LEVEL SECURITY;
ALTER TABLE plan_goals FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON plan_goals USING (org_id = pulse_current_org())
  WITH CHECK (org_id = pulse_current_org());
GRANT SELECT, INSERT, UPDATE, DELETE ON plan_goals TO pulse_app;
