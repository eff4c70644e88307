-- Organisation settings for the sales plan and for daily control, each defaulting to what the
-- domain assumed before the organisation could choose:
-- - achievability_margin_bp: how far above a rep's best month a monthly goal may go before it is
--   flagged as not achievable, basis points (2000 = 20 %, DEFAULT_ACHIEVABILITY_MARGIN_BP);
-- - thin_history_deals: below this many closed deals a rep's own funnel history is thin and the
--   team's figures are used (MIN_CLOSED_DEALS);
-- - calls_expected_by: 'HH:MM' in the organisation's zone; a rep with no call by then is flagged;
-- - overdue_tasks_limit: a rep with more overdue tasks than this is flagged.

ALTER TABLE organizations
  ADD COLUMN achievability_margin_bp integer NOT NULL DEFAULT 2000
    CONSTRAINT organizations_achievability_margin_bp_range CHECK (achievability_margin_bp BETWEEN 0 AND 10000),
  ADD COLUMN thin_history_deals integer NOT NULL DEFAULT 10
    CONSTRAINT organizations_thin_history_deals_range CHECK (thin_history_deals BETWEEN 1 AND 1000),
  ADD COLUMN calls_expected_by text NOT NULL DEFAULT '12:00'
    CONSTRAINT organizations_calls_expected_by_format CHECK (calls_expected_by ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  ADD COLUMN overdue_tasks_limit integer NOT NULL DEFAULT 3
    CONSTRAINT organizations_overdue_tasks_limit_range CHECK (overdue_tasks_limit BETWEEN 0 AND 1000);
