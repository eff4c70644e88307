-- A plan in revenue and optionally in deals and margin: the deals and margin targets reach every
-- line and month of the decomposition as revenue does (same tree, weights and ramp: they follow
-- the realistic revenue figures). NULL when the plan has no such target; whole numbers either way
-- (a count of deals, margin in minor units). A line's year figure is the sum of its months.

ALTER TABLE plan_lines
  ADD COLUMN deals         integer CHECK (deals >= 0),
  ADD COLUMN margin_minor  bigint CHECK (margin_minor >= 0);

ALTER TABLE plan_line_months
  ADD COLUMN deals         integer CHECK (deals >= 0),
  ADD COLUMN margin_minor  bigint CHECK (margin_minor >= 0);
