-- The waiting-leads red flag (daily-control/red-flags.queries.ts, findWaitingLeads) looks for
-- untouched open leads per taker. leads_assignee_idx / leads_qualifier_idx lead with the person and
-- the status, so the walk read every lead the person ever left qualified or handed off and dropped
-- the touched ones: it grew with history (31 ms on 4 years of dataset M). These partial indexes
-- hold only the leads still waiting; the query repeats their predicates word for word so the
-- planner can prove it may use them.
CREATE INDEX leads_waiting_assignee_idx ON leads (org_id, assignee_id, arrived_at)
  WHERE first_touch_at IS NULL AND status IN ('new', 'working', 'qualified', 'handed_off');
CREATE INDEX leads_waiting_qualifier_idx ON leads (org_id, qualifier_id, arrived_at)
  WHERE first_touch_at IS NULL AND assignee_id IS NULL AND status IN ('new', 'working', 'qualified', 'handed_off');
