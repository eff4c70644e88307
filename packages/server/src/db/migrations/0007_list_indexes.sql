-- Indexes for the CRM list pages at dataset-M scale (bench/crm-list.bench.ts). Each matches a
-- list's keyset order exactly — org first, then the usual filter, then the sort expression and the
-- id tiebreaker — so a 50-row page walks the index and stops, instead of sorting every row.

-- Deals: open deals by amount (the head's "biggest open deals"), by expected close date and by
-- amount across all statuses. The close-date expression is the one deals.service.ts sorts by.
CREATE INDEX deals_status_amount_idx ON deals (org_id, status, amount_minor, deal_id);
CREATE INDEX deals_amount_idx ON deals (org_id, amount_minor, deal_id);
CREATE INDEX deals_status_close_idx
  ON deals (org_id, status, (COALESCE(expected_close_date, DATE '9999-12-31')), deal_id);

-- Companies and contacts of a line salesperson are found through their deals: the scope rule
-- reads deals by owner and then companies/contacts by id (deals_owner_idx already leads with the owner).
CREATE INDEX companies_owner_name_idx ON companies (org_id, owner_id, lower(name), company_id);
CREATE INDEX contacts_owner_name_idx ON contacts (org_id, owner_id, lower(full_name), contact_id);
