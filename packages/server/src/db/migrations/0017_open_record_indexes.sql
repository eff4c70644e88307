-- Daily control reads the current state of every rep in view on each dashboard request: their
-- open deals (pipeline coverage, rotting deals, the plan's forecast), their open overdue tasks and
-- their sales of the month. The general indexes lead with the person and the status, so each of
-- those reads visited the heap once per record, one page per deal. These hold only what the reads
-- need, so they are answered from the index: open deals are a few per cent of all deals, open
-- tasks likewise, and sales rows are never updated.
CREATE INDEX deals_open_owner_idx ON deals (org_id, owner_id, expected_close_date)
  INCLUDE (deal_id, stage_id, stage_entered_at, amount_minor, currency, channel)
  WHERE status = 'open';
CREATE INDEX tasks_open_assignee_idx ON tasks (org_id, assignee_id, due_at) INCLUDE (task_id)
  WHERE status = 'open';
-- The same walk as sales_owner_idx, with the amount and currency the sums read.
CREATE INDEX sales_owner_amount_idx ON sales (org_id, owner_id, sale_date) INCLUDE (amount_minor, currency);
DROP INDEX sales_owner_idx;
