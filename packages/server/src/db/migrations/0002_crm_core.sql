-- CRM core: companies and contacts with phones and e-mails, products, leads with qualification,
-- pipelines and stages, deals with line items and stage history, activities, tasks, sales lines,
-- saved list views. Same rules as 0001: org_id leads every key, foreign keys are composite,
-- RLS on every table.

ALTER TABLE organizations
  ADD COLUMN dormant_after_days integer NOT NULL DEFAULT 90 CHECK (dormant_after_days > 0),
  ADD COLUMN lost_after_days integer NOT NULL DEFAULT 365,
  ADD COLUMN response_target_minutes integer NOT NULL DEFAULT 60 CHECK (response_target_minutes > 0),
  ADD CONSTRAINT organizations_lifecycle_order CHECK (lost_after_days > dormant_after_days);

-- Lead qualification checklist the organisation configures (BANT by default).
CREATE TABLE qualification_criteria (
  org_id        uuid NOT NULL REFERENCES organizations (org_id),
  criterion_id  uuid NOT NULL DEFAULT gen_random_uuid(),
  code          text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]{0,39}$'),
  name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  position      integer NOT NULL DEFAULT 0,
  required      boolean NOT NULL DEFAULT true,
  active        boolean NOT NULL DEFAULT true,
  PRIMARY KEY (org_id, criterion_id),
  UNIQUE (org_id, code)
);

CREATE TABLE lost_reasons (
  org_id          uuid NOT NULL REFERENCES organizations (org_id),
  lost_reason_id  uuid NOT NULL DEFAULT gen_random_uuid(),
  name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  position        integer NOT NULL DEFAULT 0,
  active          boolean NOT NULL DEFAULT true,
  PRIMARY KEY (org_id, lost_reason_id),
  UNIQUE (org_id, name)
);

CREATE TABLE competitors (
  org_id         uuid NOT NULL REFERENCES organizations (org_id),
  competitor_id  uuid NOT NULL DEFAULT gen_random_uuid(),
  name           text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  active         boolean NOT NULL DEFAULT true,
  PRIMARY KEY (org_id, competitor_id),
  UNIQUE (org_id, name)
);

CREATE TABLE product_groups (
  org_id       uuid NOT NULL REFERENCES organizations (org_id),
  group_id     uuid NOT NULL DEFAULT gen_random_uuid(),
  parent_id    uuid,
  name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  is_priority  boolean NOT NULL DEFAULT false,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, group_id),
  FOREIGN KEY (org_id, parent_id) REFERENCES product_groups (org_id, group_id)
);

CREATE TABLE products (
  org_id       uuid NOT NULL REFERENCES organizations (org_id),
  product_id   uuid NOT NULL DEFAULT gen_random_uuid(),
  group_id     uuid,
  name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  sku          text CHECK (length(sku) <= 100),
  unit         text NOT NULL DEFAULT 'шт' CHECK (length(unit) <= 20),
  price_minor  bigint NOT NULL DEFAULT 0 CHECK (price_minor >= 0),
  is_priority  boolean NOT NULL DEFAULT false,
  active       boolean NOT NULL DEFAULT true,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, product_id),
  FOREIGN KEY (org_id, group_id) REFERENCES product_groups (org_id, group_id)
);
CREATE UNIQUE INDEX products_sku_key ON products (org_id, sku) WHERE sku IS NOT NULL;

CREATE TABLE companies (
  org_id          uuid NOT NULL REFERENCES organizations (org_id),
  company_id      uuid NOT NULL DEFAULT gen_random_uuid(),
  name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  legal_name      text CHECK (length(legal_name) <= 500),
  inn             text CHECK (inn ~ '^([0-9]{10}|[0-9]{12})$'),
  kpp             text CHECK (kpp ~ '^[0-9]{4}[0-9A-Z]{2}[0-9]{3}$'),
  industry        text CHECK (length(industry) <= 200),
  size            text CHECK (size IN ('micro', 'small', 'medium', 'large', 'enterprise')),
  region          text CHECK (length(region) <= 200),
  city            text CHECK (length(city) <= 200),
  channel         text CHECK (channel IN ('direct', 'dealer', 'distributor', 'retail')),
  segment         text CHECK (length(segment) <= 100),
  source          text CHECK (length(source) <= 100),
  owner_id        uuid,
  is_key_account  boolean NOT NULL DEFAULT false,
  notes           text CHECK (length(notes) <= 10000),
  archived_at     timestamptz,
  merged_into_id  uuid,
  version         integer NOT NULL DEFAULT 1,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, company_id),
  FOREIGN KEY (org_id, owner_id) REFERENCES users (org_id, user_id),
  FOREIGN KEY (org_id, merged_into_id) REFERENCES companies (org_id, company_id)
);
CREATE INDEX companies_inn_idx ON companies (org_id, inn) WHERE inn IS NOT NULL;
CREATE INDEX companies_owner_idx ON companies (org_id, owner_id);
CREATE INDEX companies_name_idx ON companies (org_id, lower(name), company_id);

CREATE TABLE contacts (
  org_id          uuid NOT NULL REFERENCES organizations (org_id),
  contact_id      uuid NOT NULL DEFAULT gen_random_uuid(),
  company_id      uuid,
  full_name       text NOT NULL CHECK (length(full_name) BETWEEN 1 AND 300),
  position        text CHECK (length(position) <= 200),
  is_decision_maker boolean NOT NULL DEFAULT false,
  owner_id        uuid,
  source          text CHECK (length(source) <= 100),
  notes           text CHECK (length(notes) <= 10000),
  archived_at     timestamptz,
  merged_into_id  uuid,
  version         integer NOT NULL DEFAULT 1,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, contact_id),
  FOREIGN KEY (org_id, company_id) REFERENCES companies (org_id, company_id),
  FOREIGN KEY (org_id, owner_id) REFERENCES users (org_id, user_id),
  FOREIGN KEY (org_id, merged_into_id) REFERENCES contacts (org_id, contact_id)
);
CREATE INDEX contacts_company_idx ON contacts (org_id, company_id);
CREATE INDEX contacts_owner_idx ON contacts (org_id, owner_id);
CREATE INDEX contacts_name_idx ON contacts (org_id, lower(full_name), contact_id);

-- Phones and e-mails belong to exactly one company or one contact.
CREATE TABLE phones (
  org_id      uuid NOT NULL REFERENCES organizations (org_id),
  phone_id    uuid NOT NULL DEFAULT gen_random_uuid(),
  company_id  uuid,
  contact_id  uuid,
  e164        text NOT NULL CHECK (e164 ~ '^\+[1-9][0-9]{6,14}$'),
  raw         text NOT NULL CHECK (length(raw) <= 100),
  label       text NOT NULL DEFAULT 'work' CHECK (label IN ('work', 'mobile', 'home', 'fax', 'other')),
  position    integer NOT NULL DEFAULT 0,
  PRIMARY KEY (org_id, phone_id),
  CHECK ((company_id IS NULL) <> (contact_id IS NULL)),
  FOREIGN KEY (org_id, company_id) REFERENCES companies (org_id, company_id),
  FOREIGN KEY (org_id, contact_id) REFERENCES contacts (org_id, contact_id)
);
CREATE INDEX phones_e164_idx ON phones (org_id, e164);
CREATE INDEX phones_company_idx ON phones (org_id, company_id);
CREATE INDEX phones_contact_idx ON phones (org_id, contact_id);

CREATE TABLE emails (
  org_id      uuid NOT NULL REFERENCES organizations (org_id),
  email_id    uuid NOT NULL DEFAULT gen_random_uuid(),
  company_id  uuid,
  contact_id  uuid,
  email       text NOT NULL CHECK (email = lower(email) AND length(email) <= 254),
  label       text NOT NULL DEFAULT 'work' CHECK (label IN ('work', 'personal', 'other')),
  position    integer NOT NULL DEFAULT 0,
  PRIMARY KEY (org_id, email_id),
  CHECK ((company_id IS NULL) <> (contact_id IS NULL)),
  FOREIGN KEY (org_id, company_id) REFERENCES companies (org_id, company_id),
  FOREIGN KEY (org_id, contact_id) REFERENCES contacts (org_id, contact_id)
);
CREATE INDEX emails_email_idx ON emails (org_id, email);
CREATE INDEX emails_company_idx ON emails (org_id, company_id);
CREATE INDEX emails_contact_idx ON emails (org_id, contact_id);

CREATE TABLE pipelines (
  org_id       uuid NOT NULL REFERENCES organizations (org_id),
  pipeline_id  uuid NOT NULL DEFAULT gen_random_uuid(),
  name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  position     integer NOT NULL DEFAULT 0,
  is_default   boolean NOT NULL DEFAULT false,
  archived_at  timestamptz,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, pipeline_id)
);
CREATE UNIQUE INDEX pipelines_one_default ON pipelines (org_id) WHERE is_default;

CREATE TABLE stages (
  org_id        uuid NOT NULL,
  stage_id      uuid NOT NULL DEFAULT gen_random_uuid(),
  pipeline_id   uuid NOT NULL,
  name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  position      integer NOT NULL,
  kind          text NOT NULL DEFAULT 'open' CHECK (kind IN ('open', 'won', 'lost')),
  probability   integer NOT NULL CHECK (probability BETWEEN 0 AND 100),
  rotting_days  integer CHECK (rotting_days > 0),
  archived_at   timestamptz,
  PRIMARY KEY (org_id, stage_id),
  -- lets deals reference (pipeline, stage) together, so a deal can never sit in another pipeline's stage
  UNIQUE (org_id, pipeline_id, stage_id),
  FOREIGN KEY (org_id, pipeline_id) REFERENCES pipelines (org_id, pipeline_id)
);

CREATE TABLE deals (
  org_id               uuid NOT NULL REFERENCES organizations (org_id),
  deal_id              uuid NOT NULL DEFAULT gen_random_uuid(),
  title                text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  pipeline_id          uuid NOT NULL,
  stage_id             uuid NOT NULL,
  status               text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'won', 'lost')),
  company_id           uuid,
  contact_id           uuid,
  owner_id             uuid NOT NULL,
  amount_minor         bigint NOT NULL DEFAULT 0 CHECK (amount_minor >= 0),
  currency             char(3) NOT NULL DEFAULT 'RUB',
  expected_close_date  date,
  channel              text CHECK (channel IN ('direct', 'dealer', 'distributor', 'retail')),
  territory            text CHECK (length(territory) <= 200),
  source               text CHECK (length(source) <= 100),
  next_step            text CHECK (length(next_step) <= 500),
  lost_reason_id       uuid,
  lost_comment         text CHECK (length(lost_comment) <= 2000),
  competitor_id        uuid,
  lead_id              uuid,
  stage_entered_at     timestamptz NOT NULL DEFAULT now(),
  closed_at            timestamptz,
  version              integer NOT NULL DEFAULT 1,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, deal_id),
  FOREIGN KEY (org_id, pipeline_id, stage_id) REFERENCES stages (org_id, pipeline_id, stage_id),
  FOREIGN KEY (org_id, company_id) REFERENCES companies (org_id, company_id),
  FOREIGN KEY (org_id, contact_id) REFERENCES contacts (org_id, contact_id),
  FOREIGN KEY (org_id, owner_id) REFERENCES users (org_id, user_id),
  FOREIGN KEY (org_id, lost_reason_id) REFERENCES lost_reasons (org_id, lost_reason_id),
  FOREIGN KEY (org_id, competitor_id) REFERENCES competitors (org_id, competitor_id)
);
CREATE INDEX deals_owner_idx ON deals (org_id, owner_id, status);
CREATE INDEX deals_stage_idx ON deals (org_id, stage_id);
CREATE INDEX deals_company_idx ON deals (org_id, company_id);
CREATE INDEX deals_contact_idx ON deals (org_id, contact_id);
CREATE INDEX deals_close_idx ON deals (org_id, expected_close_date);
CREATE INDEX deals_updated_idx ON deals (org_id, updated_at DESC, deal_id);

CREATE TABLE deal_lines (
  org_id            uuid NOT NULL,
  deal_line_id      uuid NOT NULL DEFAULT gen_random_uuid(),
  deal_id           uuid NOT NULL,
  product_id        uuid NOT NULL,
  quantity          numeric(14, 3) NOT NULL CHECK (quantity > 0),
  unit_price_minor  bigint NOT NULL CHECK (unit_price_minor >= 0),
  discount_percent  numeric(5, 2) NOT NULL DEFAULT 0 CHECK (discount_percent BETWEEN 0 AND 100),
  amount_minor      bigint NOT NULL CHECK (amount_minor >= 0),
  position          integer NOT NULL DEFAULT 0,
  PRIMARY KEY (org_id, deal_line_id),
  FOREIGN KEY (org_id, deal_id) REFERENCES deals (org_id, deal_id),
  FOREIGN KEY (org_id, product_id) REFERENCES products (org_id, product_id)
);
CREATE INDEX deal_lines_deal_idx ON deal_lines (org_id, deal_id);

-- Every stage change, so conversion and time in stage are computed exactly.
CREATE TABLE deal_stage_changes (
  org_id         uuid NOT NULL,
  change_id      uuid NOT NULL DEFAULT gen_random_uuid(),
  deal_id        uuid NOT NULL,
  from_stage_id  uuid,
  to_stage_id    uuid NOT NULL,
  changed_at     timestamptz NOT NULL,
  changed_by     uuid,
  PRIMARY KEY (org_id, change_id),
  FOREIGN KEY (org_id, deal_id) REFERENCES deals (org_id, deal_id),
  FOREIGN KEY (org_id, from_stage_id) REFERENCES stages (org_id, stage_id),
  FOREIGN KEY (org_id, to_stage_id) REFERENCES stages (org_id, stage_id),
  FOREIGN KEY (org_id, changed_by) REFERENCES users (org_id, user_id)
);
CREATE INDEX deal_stage_changes_deal_idx ON deal_stage_changes (org_id, deal_id, changed_at);
CREATE INDEX deal_stage_changes_at_idx ON deal_stage_changes (org_id, changed_at);

CREATE TABLE leads (
  org_id               uuid NOT NULL REFERENCES organizations (org_id),
  lead_id              uuid NOT NULL DEFAULT gen_random_uuid(),
  title                text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  source               text NOT NULL CHECK (source IN ('inbound_call', 'web_form', 'email', 'cold_outreach',
                         'referral', 'event', 'partner', 'api', 'other')),
  status               text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'working', 'qualified',
                         'unqualified', 'handed_off', 'converted')),
  company_name         text CHECK (length(company_name) <= 300),
  inn                  text CHECK (inn ~ '^([0-9]{10}|[0-9]{12})$'),
  contact_name         text CHECK (length(contact_name) <= 300),
  phone_e164           text CHECK (phone_e164 ~ '^\+[1-9][0-9]{6,14}$'),
  email                text CHECK (email = lower(email) AND length(email) <= 254),
  notes                text CHECK (length(notes) <= 10000),
  created_by           uuid,
  qualifier_id         uuid,
  assignee_id          uuid,
  unit_id              uuid,
  arrived_at           timestamptz NOT NULL,
  first_touch_at       timestamptz,
  response_ms          bigint,
  qualification        jsonb NOT NULL DEFAULT '{}',
  unqualified_reason   text CHECK (length(unqualified_reason) <= 500),
  handed_off_at        timestamptz,
  converted_at         timestamptz,
  company_id           uuid,
  contact_id           uuid,
  deal_id              uuid,
  version              integer NOT NULL DEFAULT 1,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, lead_id),
  FOREIGN KEY (org_id, created_by) REFERENCES users (org_id, user_id),
  FOREIGN KEY (org_id, qualifier_id) REFERENCES users (org_id, user_id),
  FOREIGN KEY (org_id, assignee_id) REFERENCES users (org_id, user_id),
  FOREIGN KEY (org_id, unit_id) REFERENCES units (org_id, unit_id),
  FOREIGN KEY (org_id, company_id) REFERENCES companies (org_id, company_id),
  FOREIGN KEY (org_id, contact_id) REFERENCES contacts (org_id, contact_id),
  FOREIGN KEY (org_id, deal_id) REFERENCES deals (org_id, deal_id)
);
CREATE INDEX leads_status_idx ON leads (org_id, status, arrived_at);
CREATE INDEX leads_assignee_idx ON leads (org_id, assignee_id, status);
CREATE INDEX leads_qualifier_idx ON leads (org_id, qualifier_id, status);
ALTER TABLE deals ADD FOREIGN KEY (org_id, lead_id) REFERENCES leads (org_id, lead_id);

CREATE TABLE activities (
  org_id         uuid NOT NULL REFERENCES organizations (org_id),
  activity_id    uuid NOT NULL DEFAULT gen_random_uuid(),
  kind           text NOT NULL CHECK (kind IN ('call', 'meeting', 'email', 'note')),
  direction      text CHECK (direction IN ('inbound', 'outbound')),
  status         text NOT NULL DEFAULT 'done' CHECK (status IN ('planned', 'done', 'missed', 'cancelled')),
  subject        text CHECK (length(subject) <= 300),
  body           text CHECK (length(body) <= 20000),
  occurred_at    timestamptz NOT NULL,
  duration_sec   integer CHECK (duration_sec >= 0),
  result         text CHECK (length(result) <= 500),
  recording_url  text CHECK (length(recording_url) <= 2000),
  phone_e164     text CHECK (phone_e164 ~ '^\+[1-9][0-9]{6,14}$'),
  user_id        uuid,
  company_id     uuid,
  contact_id     uuid,
  lead_id        uuid,
  deal_id        uuid,
  created_by     uuid,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, activity_id),
  CHECK ((kind IN ('call', 'email')) = (direction IS NOT NULL)),
  FOREIGN KEY (org_id, user_id) REFERENCES users (org_id, user_id),
  FOREIGN KEY (org_id, company_id) REFERENCES companies (org_id, company_id),
  FOREIGN KEY (org_id, contact_id) REFERENCES contacts (org_id, contact_id),
  FOREIGN KEY (org_id, lead_id) REFERENCES leads (org_id, lead_id),
  FOREIGN KEY (org_id, deal_id) REFERENCES deals (org_id, deal_id),
  FOREIGN KEY (org_id, created_by) REFERENCES users (org_id, user_id)
);
CREATE INDEX activities_user_idx ON activities (org_id, user_id, occurred_at);
CREATE INDEX activities_deal_idx ON activities (org_id, deal_id, occurred_at);
CREATE INDEX activities_company_idx ON activities (org_id, company_id, occurred_at);
CREATE INDEX activities_contact_idx ON activities (org_id, contact_id, occurred_at);
CREATE INDEX activities_lead_idx ON activities (org_id, lead_id, occurred_at);
CREATE INDEX activities_at_idx ON activities (org_id, occurred_at);

CREATE TABLE tasks (
  org_id              uuid NOT NULL REFERENCES organizations (org_id),
  task_id             uuid NOT NULL DEFAULT gen_random_uuid(),
  title               text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  description         text CHECK (length(description) <= 10000),
  due_at              timestamptz NOT NULL,
  priority            text NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high')),
  status              text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
  assignee_id         uuid NOT NULL,
  created_by          uuid,
  completed_at        timestamptz,
  company_id          uuid,
  contact_id          uuid,
  lead_id             uuid,
  deal_id             uuid,
  source_activity_id  uuid,
  version             integer NOT NULL DEFAULT 1,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, task_id),
  CHECK ((status = 'done') = (completed_at IS NOT NULL)),
  FOREIGN KEY (org_id, assignee_id) REFERENCES users (org_id, user_id),
  FOREIGN KEY (org_id, created_by) REFERENCES users (org_id, user_id),
  FOREIGN KEY (org_id, company_id) REFERENCES companies (org_id, company_id),
  FOREIGN KEY (org_id, contact_id) REFERENCES contacts (org_id, contact_id),
  FOREIGN KEY (org_id, lead_id) REFERENCES leads (org_id, lead_id),
  FOREIGN KEY (org_id, deal_id) REFERENCES deals (org_id, deal_id),
  FOREIGN KEY (org_id, source_activity_id) REFERENCES activities (org_id, activity_id)
);
CREATE INDEX tasks_assignee_idx ON tasks (org_id, assignee_id, status, due_at);
CREATE INDEX tasks_deal_idx ON tasks (org_id, deal_id, status);
CREATE INDEX tasks_due_idx ON tasks (org_id, status, due_at);

-- The fact table plans, ABC/XYZ and dynamics read: one line per product sold.
CREATE TABLE sales (
  org_id        uuid NOT NULL REFERENCES organizations (org_id),
  sale_id       uuid NOT NULL DEFAULT gen_random_uuid(),
  sale_date     date NOT NULL,
  company_id    uuid,
  product_id    uuid,
  deal_id       uuid,
  deal_line_id  uuid,
  quantity      numeric(14, 3) NOT NULL DEFAULT 1 CHECK (quantity > 0),
  amount_minor  bigint NOT NULL CHECK (amount_minor >= 0),
  currency      char(3) NOT NULL DEFAULT 'RUB',
  owner_id      uuid,
  channel       text CHECK (channel IN ('direct', 'dealer', 'distributor', 'retail')),
  territory     text CHECK (length(territory) <= 200),
  external_ref  text CHECK (length(external_ref) <= 200),
  created_by    uuid,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, sale_id),
  FOREIGN KEY (org_id, company_id) REFERENCES companies (org_id, company_id),
  FOREIGN KEY (org_id, product_id) REFERENCES products (org_id, product_id),
  FOREIGN KEY (org_id, deal_id) REFERENCES deals (org_id, deal_id),
  FOREIGN KEY (org_id, deal_line_id) REFERENCES deal_lines (org_id, deal_line_id),
  FOREIGN KEY (org_id, owner_id) REFERENCES users (org_id, user_id),
  FOREIGN KEY (org_id, created_by) REFERENCES users (org_id, user_id)
);
CREATE INDEX sales_date_idx ON sales (org_id, sale_date);
CREATE INDEX sales_company_idx ON sales (org_id, company_id, sale_date);
CREATE INDEX sales_owner_idx ON sales (org_id, owner_id, sale_date);
CREATE INDEX sales_deal_idx ON sales (org_id, deal_id);
CREATE UNIQUE INDEX sales_external_ref_key ON sales (org_id, external_ref) WHERE external_ref IS NOT NULL;

CREATE TABLE saved_views (
  org_id      uuid NOT NULL,
  view_id     uuid NOT NULL DEFAULT gen_random_uuid(),
  user_id     uuid NOT NULL,
  entity      text NOT NULL CHECK (entity IN ('companies', 'contacts', 'leads', 'deals', 'activities', 'tasks', 'products', 'sales')),
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  state       jsonb NOT NULL DEFAULT '{}',
  shared      boolean NOT NULL DEFAULT false,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, view_id),
  FOREIGN KEY (org_id, user_id) REFERENCES users (org_id, user_id)
);
CREATE INDEX saved_views_user_idx ON saved_views (org_id, user_id, entity);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['qualification_criteria', 'lost_reasons', 'competitors', 'product_groups', 'products',
                           'companies', 'contacts', 'phones', 'emails', 'pipelines', 'stages', 'deals',
                           'deal_lines', 'deal_stage_changes', 'leads', 'activities', 'tasks', 'sales',
                           'saved_views'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (org_id = pulse_current_org()) '
                   'WITH CHECK (org_id = pulse_current_org())', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO pulse_app', t);
  END LOOP;
END
$$;
