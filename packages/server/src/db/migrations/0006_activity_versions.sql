-- Activities become edited records: a planned meeting is completed later, a call's result is
-- corrected. `version` gives them the same optimistic concurrency as tasks and deals (two people
-- completing one meeting must not create two next-step tasks); `no_next_step_reason` keeps why a
-- completed call or meeting ended without a next step, for the head to review.
ALTER TABLE activities
  ADD COLUMN version integer NOT NULL DEFAULT 1,
  ADD COLUMN no_next_step_reason text CHECK (length(no_next_step_reason) BETWEEN 1 AND 500);

-- "My day" looks for a later outbound call to the number of a missed inbound call.
CREATE INDEX activities_phone_idx ON activities (org_id, phone_e164, occurred_at) WHERE phone_e164 IS NOT NULL;
-- The next-step task of a completed call or meeting is found from the activity.
CREATE INDEX tasks_source_activity_idx ON tasks (org_id, source_activity_id) WHERE source_activity_id IS NOT NULL;
CREATE INDEX tasks_lead_idx ON tasks (org_id, lead_id, status) WHERE lead_id IS NOT NULL;
