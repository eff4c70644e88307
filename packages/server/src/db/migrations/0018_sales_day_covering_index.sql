-- Plan versus fact on the dashboard sums each rep's sales of the plan's period to date in the
-- plan's currency: for an organisation plan that is every sale of the year so far, by owner. The
-- owner index (sales_owner_amount_idx) can only be walked whole for that (its days sit under each
-- owner, and an organisation plan names no owners), so the walk grew with the history; the day
-- index is bounded by the period but visited the heap once per sale. This one is the day index
-- holding what the sum reads, so the year to date is read from the index alone.
CREATE INDEX sales_day_amount_idx ON sales (org_id, sale_date) INCLUDE (owner_id, amount_minor, currency, channel);
DROP INDEX sales_date_idx;
