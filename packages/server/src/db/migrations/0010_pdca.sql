-- The monthly PDCA cycle of an approved plan: one cycle per plan and month, with who and when
-- did each stage (plan approved, goals issued, reviewed with a comment and the deviations as
-- they stood), and the corrective actions of the Act stage, each carried out as a task of its
-- owner and checked at a later review.
-- Rules as everywhere: org_id leads every key, foreign keys are composite, RLS is forced.

CREATE TABLE pdca_cycles (
  org_id              uuid NOT NULL REFERENCES organizations (org_id),
  cycle_id            uuid NOT NULL DEFAULT gen_random_uuid(),
  plan_id             uuid NOT NULL,
  month_start         date NOT NULL CHECK (extract(day FROM month_start) = 1),
  plan_approved_by    uuid,
  plan_approved_at    timestamptz,
  goals_issued_by     uuid,
  goals_issued_at     timestamptz,
  reviewed_by         uuid,
  reviewed_at         timestamptz,
  review_comment      text CHECK (length(review_comment) BETWEEN 1 AND 5000),
  -- The deviations as the head saw them when commenting; later sales do not rewrite the review.
  review_snapshot     jsonb,
  created_at          timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, cycle_id),
  UNIQUE (org_id, plan_id, month_start),
  CHECK ((plan_approved_at IS NULL) = (plan_approved_by IS NULL)),
  CHECK ((goals_issued_at IS NULL) = (goals_issued_by IS NULL)),
  CHECK ((reviewed_at IS NULL) = (reviewed_by IS NULL)),
  CHECK ((reviewed_at IS NULL) = (review_comment IS NULL)),
  CHECK ((reviewed_at IS NULL) = (review_snapshot IS NULL)),
  -- Stages in order: goals after the month's plan, the review after the goals.
  CHECK (goals_issued_at IS NULL OR plan_approved_at IS NOT NULL),
  CHECK (reviewed_at IS NULL OR goals_issued_at IS NOT NULL),
  FOREIGN KEY (org_id, plan_id) REFERENCES plans (org_id, plan_id),
  FOREIGN KEY (org_id, plan_approved_by) REFERENCES users (org_id, user_id),
  FOREIGN KEY (org_id, goals_issued_by) REFERENCES users (org_id, user_id),
  FOREIGN KEY (org_id, reviewed_by) REFERENCES users (org_id, user_id)
);

CREATE TABLE pdca_actions (
  org_id        uuid NOT NULL REFERENCES organizations (org_id),
  action_id     uuid NOT NULL DEFAULT gen_random_uuid(),
  cycle_id      uuid NOT NULL,
  title         text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  owner_id      uuid NOT NULL,
  due_day       date NOT NULL,
  -- The owner's task that carries the action out.
  task_id       uuid NOT NULL,
  check_result  text CHECK (check_result IN ('effective', 'partly', 'not-effective')),
  check_note    text CHECK (length(check_note) <= 5000),
  checked_by    uuid,
  checked_at    timestamptz,
  version       integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_by    uuid NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, action_id),
  UNIQUE (org_id, task_id),
  CHECK ((checked_at IS NULL) = (check_result IS NULL)),
  CHECK ((checked_at IS NULL) = (checked_by IS NULL)),
  FOREIGN KEY (org_id, cycle_id) REFERENCES pdca_cycles (org_id, cycle_id),
  FOREIGN KEY (org_id, owner_id) REFERENCES users (org_id, user_id),
  FOREIGN KEY (org_id, task_id) REFERENCES tasks (org_id, task_id),
  FOREIGN KEY (org_id, checked_by) REFERENCES users (org_id, user_id),
  FOREIGN KEY (org_id, created_by) REFERENCES users (org_id, user_id)
);
CREATE INDEX pdca_actions_cycle_idx ON pdca_actions (org_id, cycle_id, created_at);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['pdca_cycles', 'pdca_actions'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (org_id = pulse_current_org()) '
                   'WITH CHECK (org_id = pulse_current_org())', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO pulse_app', t);
  END LOOP;
END
$$;
