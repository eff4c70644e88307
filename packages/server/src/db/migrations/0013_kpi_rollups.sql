-- The per rep per day rollup of daily control (packages/domain/src/kpi/catalog.ts, ROLLUP_MEASURES):
-- kpi_daily holds one row per (rep, local day) with a non-zero figure; kpi_dirty lists the
-- (rep, day) pairs whose figures changed since the last refresh. Triggers on every source table
-- mark the pairs a write touches (for the old and the new row), so every write path — the API,
-- imports, the demo — is covered; readers refresh the marked pairs before reading
-- (modules/kpi/refresh-kpi-rollups.ts), and `npm run kpi:rebuild` recomputes from scratch.
-- The attribution rules that compute the figures live once, in modules/kpi/kpi-rollup.queries.ts.
--
-- "Day" is the instant's day in organizations.time_zone — the zone plan progress, SMART goals and
-- the sale a won deal creates use. (A lead's response_ms is already business time measured in the
-- work calendar's zone; only the day it is counted on follows the organisation's zone.)
-- kpi_rollup_state remembers the zone the rollup was built in: a change of zone, or an
-- organisation that was never built, makes the next refresh rebuild that organisation.
--
-- Bulk loads (the demo generator) may `SET LOCAL pulse.kpi_bulk = 'on'`: the triggers then mark
-- nothing and the loader must rebuild the organisation's rollup before it commits.
--
-- Citus: kpi_daily, kpi_dirty and kpi_rollup_state are keyed by org_id like their sources, so a
-- trigger writes only to a shard co-located with the row that fired it. Triggers on distributed
-- tables need `citus.enable_unsafe_triggers = on`.

CREATE TABLE kpi_daily (
  org_id              uuid NOT NULL REFERENCES organizations (org_id),
  user_id             uuid NOT NULL,
  day                 date NOT NULL,
  tasks_due           bigint NOT NULL DEFAULT 0,
  tasks_done_on_time  bigint NOT NULL DEFAULT 0,
  calls_outbound      bigint NOT NULL DEFAULT 0,
  calls_inbound       bigint NOT NULL DEFAULT 0,
  talk_seconds        bigint NOT NULL DEFAULT 0,
  meetings_held       bigint NOT NULL DEFAULT 0,
  leads_new           bigint NOT NULL DEFAULT 0,
  leads_qualified     bigint NOT NULL DEFAULT 0,
  leads_responded     bigint NOT NULL DEFAULT 0,
  response_ms         bigint NOT NULL DEFAULT 0,
  deals_won           bigint NOT NULL DEFAULT 0,
  won_amount_minor    bigint NOT NULL DEFAULT 0,
  deals_lost          bigint NOT NULL DEFAULT 0,
  won_from_lead       bigint NOT NULL DEFAULT 0,
  lead_to_won_ms      bigint NOT NULL DEFAULT 0,
  revenue_minor       bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (org_id, user_id, day),
  FOREIGN KEY (org_id, user_id) REFERENCES users (org_id, user_id)
);
-- The dashboard reads a team's days: (org, user, day) is the primary key; a whole-organisation
-- period (the director's view) reads by day.
CREATE INDEX kpi_daily_day_idx ON kpi_daily (org_id, day);

-- No foreign keys: a row is written by a trigger on every relevant write (the hot path), lives
-- until the next refresh, and its user comes from a row whose keys were just checked.
CREATE TABLE kpi_dirty (
  org_id   uuid NOT NULL,
  user_id  uuid NOT NULL,
  day      date NOT NULL,
  PRIMARY KEY (org_id, user_id, day)
);

CREATE TABLE kpi_rollup_state (
  org_id      uuid NOT NULL REFERENCES organizations (org_id),
  time_zone   text NOT NULL,
  built_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id)
);

-- What the recomputation of a (rep, day) walks: each source by its attributed user and instant.
-- activities (org_id, user_id, occurred_at) and sales (org_id, owner_id, sale_date) exist (0002).
CREATE INDEX tasks_assignee_due_idx ON tasks (org_id, assignee_id, due_at);
CREATE INDEX deals_owner_closed_idx ON deals (org_id, owner_id, closed_at) WHERE closed_at IS NOT NULL;
CREATE INDEX deals_lead_idx ON deals (org_id, lead_id) WHERE lead_id IS NOT NULL;
CREATE INDEX leads_taker_arrived_idx ON leads (org_id, (COALESCE(assignee_id, qualifier_id)), arrived_at);
CREATE INDEX leads_qualifier_handed_idx ON leads (org_id, qualifier_id, handed_off_at)
  WHERE handed_off_at IS NOT NULL;
CREATE INDEX leads_taker_touch_idx ON leads (org_id, (COALESCE(assignee_id, qualifier_id)), first_touch_at)
  WHERE first_touch_at IS NOT NULL;

-- Marks one (rep, instant) pair; nothing when either is missing.
CREATE FUNCTION kpi_mark(p_org uuid, p_user uuid, p_day date) RETURNS void
  LANGUAGE sql VOLATILE
  AS $$
    INSERT INTO kpi_dirty (org_id, user_id, day)
    SELECT p_org, p_user, p_day WHERE p_user IS NOT NULL AND p_day IS NOT NULL
    ON CONFLICT DO NOTHING
  $$;

CREATE FUNCTION kpi_zone(p_org uuid) RETURNS text
  LANGUAGE sql STABLE
  AS $$ SELECT time_zone FROM organizations WHERE org_id = p_org $$;

CREATE FUNCTION kpi_bulk_load() RETURNS boolean
  LANGUAGE sql STABLE
  AS $$ SELECT coalesce(current_setting('pulse.kpi_bulk', true), '') = 'on' $$;

-- Activities feed the measures when done calls or meetings (calls_*, talk_seconds, meetings_held).
CREATE FUNCTION kpi_mark_activity() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  DECLARE tz text;
  BEGIN
    IF kpi_bulk_load() THEN RETURN NULL; END IF;
    IF TG_OP = 'UPDATE' AND (OLD.kind, OLD.direction, OLD.status, OLD.occurred_at, OLD.duration_sec, OLD.user_id)
        IS NOT DISTINCT FROM (NEW.kind, NEW.direction, NEW.status, NEW.occurred_at, NEW.duration_sec, NEW.user_id) THEN
      RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'done' AND OLD.kind IN ('call', 'meeting') THEN
      tz := kpi_zone(OLD.org_id);
      PERFORM kpi_mark(OLD.org_id, OLD.user_id, (OLD.occurred_at AT TIME ZONE tz)::date);
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.status = 'done' AND NEW.kind IN ('call', 'meeting') THEN
      tz := coalesce(tz, kpi_zone(NEW.org_id));
      PERFORM kpi_mark(NEW.org_id, NEW.user_id, (NEW.occurred_at AT TIME ZONE tz)::date);
    END IF;
    RETURN NULL;
  END
  $$;

-- Tasks feed tasks_due / tasks_done_on_time on their due day unless cancelled.
CREATE FUNCTION kpi_mark_task() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  DECLARE tz text;
  BEGIN
    IF kpi_bulk_load() THEN RETURN NULL; END IF;
    IF TG_OP = 'UPDATE' AND (OLD.status, OLD.due_at, OLD.completed_at, OLD.assignee_id)
        IS NOT DISTINCT FROM (NEW.status, NEW.due_at, NEW.completed_at, NEW.assignee_id) THEN
      RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status <> 'cancelled' THEN
      tz := kpi_zone(OLD.org_id);
      PERFORM kpi_mark(OLD.org_id, OLD.assignee_id, (OLD.due_at AT TIME ZONE tz)::date);
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.status <> 'cancelled' THEN
      tz := coalesce(tz, kpi_zone(NEW.org_id));
      PERFORM kpi_mark(NEW.org_id, NEW.assignee_id, (NEW.due_at AT TIME ZONE tz)::date);
    END IF;
    RETURN NULL;
  END
  $$;

-- Leads feed leads_new (arrival), leads_qualified (hand-off), leads_responded / response_ms (first
-- touch); a change of arrival also changes lead_to_won_ms of the won deals that came from the lead.
CREATE FUNCTION kpi_mark_lead() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  DECLARE tz text;
  BEGIN
    IF kpi_bulk_load() THEN RETURN NULL; END IF;
    IF TG_OP = 'UPDATE' AND (OLD.assignee_id, OLD.qualifier_id, OLD.arrived_at, OLD.handed_off_at, OLD.first_touch_at,
                             OLD.response_ms)
        IS NOT DISTINCT FROM (NEW.assignee_id, NEW.qualifier_id, NEW.arrived_at, NEW.handed_off_at, NEW.first_touch_at,
                              NEW.response_ms) THEN
      RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
      tz := kpi_zone(OLD.org_id);
      PERFORM kpi_mark(OLD.org_id, COALESCE(OLD.assignee_id, OLD.qualifier_id), (OLD.arrived_at AT TIME ZONE tz)::date);
      PERFORM kpi_mark(OLD.org_id, OLD.qualifier_id, (OLD.handed_off_at AT TIME ZONE tz)::date);
      IF OLD.response_ms IS NOT NULL THEN
        PERFORM kpi_mark(OLD.org_id, COALESCE(OLD.assignee_id, OLD.qualifier_id),
                         (OLD.first_touch_at AT TIME ZONE tz)::date);
      END IF;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
      tz := coalesce(tz, kpi_zone(NEW.org_id));
      PERFORM kpi_mark(NEW.org_id, COALESCE(NEW.assignee_id, NEW.qualifier_id), (NEW.arrived_at AT TIME ZONE tz)::date);
      PERFORM kpi_mark(NEW.org_id, NEW.qualifier_id, (NEW.handed_off_at AT TIME ZONE tz)::date);
      IF NEW.response_ms IS NOT NULL THEN
        PERFORM kpi_mark(NEW.org_id, COALESCE(NEW.assignee_id, NEW.qualifier_id),
                         (NEW.first_touch_at AT TIME ZONE tz)::date);
      END IF;
    END IF;
    IF TG_OP = 'UPDATE' AND OLD.arrived_at IS DISTINCT FROM NEW.arrived_at THEN
      INSERT INTO kpi_dirty (org_id, user_id, day)
      SELECT d.org_id, d.owner_id, (d.closed_at AT TIME ZONE tz)::date
      FROM deals d
      WHERE d.org_id = NEW.org_id AND d.lead_id = NEW.lead_id AND d.status = 'won' AND d.closed_at IS NOT NULL
      ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
  END
  $$;

-- Deals feed deals_won / won_amount_minor / deals_lost / won_from_lead / lead_to_won_ms when closed.
CREATE FUNCTION kpi_mark_deal() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  DECLARE tz text;
  BEGIN
    IF kpi_bulk_load() THEN RETURN NULL; END IF;
    IF TG_OP = 'UPDATE' AND (OLD.status, OLD.closed_at, OLD.owner_id, OLD.amount_minor, OLD.lead_id)
        IS NOT DISTINCT FROM (NEW.status, NEW.closed_at, NEW.owner_id, NEW.amount_minor, NEW.lead_id) THEN
      RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status IN ('won', 'lost') THEN
      tz := kpi_zone(OLD.org_id);
      PERFORM kpi_mark(OLD.org_id, OLD.owner_id, (OLD.closed_at AT TIME ZONE tz)::date);
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.status IN ('won', 'lost') THEN
      tz := coalesce(tz, kpi_zone(NEW.org_id));
      PERFORM kpi_mark(NEW.org_id, NEW.owner_id, (NEW.closed_at AT TIME ZONE tz)::date);
    END IF;
    RETURN NULL;
  END
  $$;

-- Sales feed revenue_minor on their date (already a day).
CREATE FUNCTION kpi_mark_sale() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF kpi_bulk_load() THEN RETURN NULL; END IF;
    IF TG_OP = 'UPDATE' AND (OLD.sale_date, OLD.owner_id, OLD.amount_minor)
        IS NOT DISTINCT FROM (NEW.sale_date, NEW.owner_id, NEW.amount_minor) THEN
      RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
      PERFORM kpi_mark(OLD.org_id, OLD.owner_id, OLD.sale_date);
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
      PERFORM kpi_mark(NEW.org_id, NEW.owner_id, NEW.sale_date);
    END IF;
    RETURN NULL;
  END
  $$;

-- UPDATE OF: an edit that touches none of the feeding columns does not even call the function.
CREATE TRIGGER kpi_mark_insert_delete AFTER INSERT OR DELETE ON activities
  FOR EACH ROW EXECUTE FUNCTION kpi_mark_activity();
CREATE TRIGGER kpi_mark_update AFTER UPDATE OF kind, direction, status, occurred_at, duration_sec, user_id
  ON activities FOR EACH ROW EXECUTE FUNCTION kpi_mark_activity();
CREATE TRIGGER kpi_mark_insert_delete AFTER INSERT OR DELETE ON tasks
  FOR EACH ROW EXECUTE FUNCTION kpi_mark_task();
CREATE TRIGGER kpi_mark_update AFTER UPDATE OF status, due_at, completed_at, assignee_id
  ON tasks FOR EACH ROW EXECUTE FUNCTION kpi_mark_task();
CREATE TRIGGER kpi_mark_insert_delete AFTER INSERT OR DELETE ON leads
  FOR EACH ROW EXECUTE FUNCTION kpi_mark_lead();
CREATE TRIGGER kpi_mark_update
  AFTER UPDATE OF assignee_id, qualifier_id, arrived_at, handed_off_at, first_touch_at, response_ms
  ON leads FOR EACH ROW EXECUTE FUNCTION kpi_mark_lead();
CREATE TRIGGER kpi_mark_insert_delete AFTER INSERT OR DELETE ON deals
  FOR EACH ROW EXECUTE FUNCTION kpi_mark_deal();
CREATE TRIGGER kpi_mark_update AFTER UPDATE OF status, closed_at, owner_id, amount_minor, lead_id
  ON deals FOR EACH ROW EXECUTE FUNCTION kpi_mark_deal();
CREATE TRIGGER kpi_mark_insert_delete AFTER INSERT OR DELETE ON sales
  FOR EACH ROW EXECUTE FUNCTION kpi_mark_sale();
CREATE TRIGGER kpi_mark_update AFTER UPDATE OF sale_date, owner_id, amount_minor
  ON sales FOR EACH ROW EXECUTE FUNCTION kpi_mark_sale();

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['kpi_daily', 'kpi_dirty', 'kpi_rollup_state'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (org_id = pulse_current_org()) '
                   'WITH CHECK (org_id = pulse_current_org())', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO pulse_app', t);
  END LOOP;
END
$$;
