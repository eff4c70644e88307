-- Stage conversion joins the per rep per day rollup (0013_kpi_rollups.sql): the dashboard's
-- stage-conversion cell is Σ stage_advanced / Σ stage_entered over the period's days instead of a
-- walk of every deal's stage history on each request.
--
-- stage_entered: entries of a deal into an open stage, counted once per deal, stage and local day
--   (organizations.time_zone) — the first entry of that day — for the deal's current owner.
-- stage_advanced: of those, the entries the deal later followed (at the same instant or after) by
--   an entry into a further open stage of the same pipeline, or into won; lost is not progress.
-- This is the live rule of periodStageConversion (packages/domain/src/kpi/stage-conversion.ts)
-- made additive by day: the live rule counts a deal once per stage per period, so a deal that
-- entered the same stage on two days of a month counts twice here and once live. The rules that
-- compute the figures live once, in modules/kpi/kpi-rollup.queries.ts.
--
-- An entry's figures change with any later change of the same deal (a later move makes it
-- advanced; deleting that move undoes it), so a write to deal_stage_changes marks every entry day
-- of the deal for its owner, and a change of owner marks them for the old and the new owner.
-- A deal's stage history must be deleted before the deal (foreign key), which marks its days.
-- A change of a stage's kind, position or pipeline changes the history of every deal that went
-- through it: rare, so the organisation is simply rebuilt on its next refresh.

ALTER TABLE kpi_daily
  ADD COLUMN stage_entered bigint NOT NULL DEFAULT 0,
  ADD COLUMN stage_advanced bigint NOT NULL DEFAULT 0;

-- Marks the local day of every stage change of a deal for one owner; nothing without an owner.
CREATE FUNCTION kpi_mark_deal_entries(p_org uuid, p_deal uuid, p_owner uuid) RETURNS void
  LANGUAGE sql VOLATILE
  AS $$
    INSERT INTO kpi_dirty (org_id, user_id, day)
    SELECT DISTINCT p_org, p_owner, (c.changed_at AT TIME ZONE kpi_zone(p_org))::date
    FROM deal_stage_changes c
    WHERE c.org_id = p_org AND c.deal_id = p_deal AND p_owner IS NOT NULL
    ON CONFLICT DO NOTHING
  $$;

CREATE FUNCTION kpi_mark_stage_change() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  DECLARE owner uuid;
  BEGIN
    IF kpi_bulk_load() THEN RETURN NULL; END IF;
    IF TG_OP = 'UPDATE' AND (OLD.deal_id, OLD.to_stage_id, OLD.changed_at)
        IS NOT DISTINCT FROM (NEW.deal_id, NEW.to_stage_id, NEW.changed_at) THEN
      RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
      SELECT d.owner_id INTO owner FROM deals d WHERE d.org_id = OLD.org_id AND d.deal_id = OLD.deal_id;
      -- The changed (or deleted) row's own day: no longer among the deal's changes.
      PERFORM kpi_mark(OLD.org_id, owner, (OLD.changed_at AT TIME ZONE kpi_zone(OLD.org_id))::date);
      PERFORM kpi_mark_deal_entries(OLD.org_id, OLD.deal_id, owner);
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
      SELECT d.owner_id INTO owner FROM deals d WHERE d.org_id = NEW.org_id AND d.deal_id = NEW.deal_id;
      PERFORM kpi_mark_deal_entries(NEW.org_id, NEW.deal_id, owner);
    END IF;
    RETURN NULL;
  END
  $$;

CREATE FUNCTION kpi_mark_deal_owner() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF kpi_bulk_load() OR OLD.owner_id IS NOT DISTINCT FROM NEW.owner_id THEN RETURN NULL; END IF;
    PERFORM kpi_mark_deal_entries(NEW.org_id, NEW.deal_id, OLD.owner_id);
    PERFORM kpi_mark_deal_entries(NEW.org_id, NEW.deal_id, NEW.owner_id);
    RETURN NULL;
  END
  $$;

-- Positions and kinds decide "further along": a stage edit that changes them rebuilds the
-- organisation's rollup on its next refresh (refresh-kpi-rollups.ts rebuilds without a state row).
CREATE FUNCTION kpi_rebuild_on_stage_edit() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF (OLD.kind, OLD.position, OLD.pipeline_id) IS DISTINCT FROM (NEW.kind, NEW.position, NEW.pipeline_id) THEN
      DELETE FROM kpi_rollup_state WHERE org_id = NEW.org_id;
    END IF;
    RETURN NULL;
  END
  $$;

CREATE TRIGGER kpi_mark_insert_delete AFTER INSERT OR DELETE ON deal_stage_changes
  FOR EACH ROW EXECUTE FUNCTION kpi_mark_stage_change();
CREATE TRIGGER kpi_mark_update AFTER UPDATE OF deal_id, to_stage_id, changed_at
  ON deal_stage_changes FOR EACH ROW EXECUTE FUNCTION kpi_mark_stage_change();
CREATE TRIGGER kpi_mark_owner AFTER UPDATE OF owner_id ON deals
  FOR EACH ROW EXECUTE FUNCTION kpi_mark_deal_owner();
CREATE TRIGGER kpi_rebuild_on_edit AFTER UPDATE OF kind, position, pipeline_id ON stages
  FOR EACH ROW EXECUTE FUNCTION kpi_rebuild_on_stage_edit();

-- The first entry of a deal into a stage on a day, and its later moves, are found by deal.
-- (deal_stage_changes_deal_idx (org_id, deal_id, changed_at) exists, 0002.)

-- Every organisation is rebuilt on its next refresh, which fills the new columns. The table's RLS
-- is forced, so the migration's owner sets it aside for this one statement.
ALTER TABLE kpi_rollup_state NO FORCE ROW LEVEL SECURITY;
DELETE FROM kpi_rollup_state;
ALTER TABLE kpi_rollup_state FORCE ROW LEVEL SECURITY;
