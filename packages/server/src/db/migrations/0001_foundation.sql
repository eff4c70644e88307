-- Foundation: organisations, structure, people, sessions, work calendar, audit log.
-- Rules every tenant table follows (checked by schema-rules.test.ts):
--   org_id NOT NULL leads the primary key and every unique constraint;
--   foreign keys between tenant tables are composite (org_id, x_id);
--   row-level security keyed on current_setting('app.org_id') is enabled and forced.
-- Global tables (no org_id) hold data that must be found before the organisation is known.

-- The role the application runs its tenant transactions as (SET LOCAL ROLE), so that RLS
-- applies even when the connecting user is a superuser or the tables' owner.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'pulse_app') THEN
    CREATE ROLE pulse_app NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL; -- another database on the same server created it at the same moment
END
$$;
DO $$
BEGIN
  EXECUTE format('GRANT pulse_app TO %I', current_user);
EXCEPTION WHEN OTHERS THEN
  NULL; -- superusers may SET ROLE to any role already
END
$$;

CREATE FUNCTION pulse_current_org() RETURNS uuid
  LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.org_id', true), '')::uuid $$;

CREATE TABLE organizations (
  org_id      uuid PRIMARY KEY,
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  currency    char(3) NOT NULL DEFAULT 'RUB',
  time_zone   text NOT NULL DEFAULT 'Europe/Moscow',
  locale      text NOT NULL DEFAULT 'ru' CHECK (locale IN ('ru', 'en')),
  country     text NOT NULL DEFAULT 'RU',
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE units (
  org_id        uuid NOT NULL REFERENCES organizations (org_id),
  unit_id       uuid NOT NULL DEFAULT gen_random_uuid(),
  parent_id     uuid,
  name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  kind          text NOT NULL CHECK (kind IN ('directorate', 'department', 'team')),
  head_user_id  uuid,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, unit_id),
  CHECK (parent_id IS DISTINCT FROM unit_id),
  FOREIGN KEY (org_id, parent_id) REFERENCES units (org_id, unit_id)
);
CREATE INDEX units_parent_idx ON units (org_id, parent_id);

CREATE TABLE users (
  org_id          uuid NOT NULL REFERENCES organizations (org_id),
  user_id         uuid NOT NULL DEFAULT gen_random_uuid(),
  email           text NOT NULL CHECK (email = lower(email) AND length(email) <= 254),
  full_name       text NOT NULL CHECK (length(full_name) BETWEEN 1 AND 200),
  role            text NOT NULL CHECK (role IN ('commercial_director', 'head_of_sales', 'sales_manager',
                    'lead_generation', 'quality_manager', 'operations', 'analyst', 'admin')),
  unit_id         uuid,
  manager_id      uuid,
  hire_date       date,
  active          boolean NOT NULL DEFAULT true,
  locale          text NOT NULL DEFAULT 'ru' CHECK (locale IN ('ru', 'en')),
  time_zone       text NOT NULL DEFAULT 'Europe/Moscow',
  password_hash   text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  deactivated_at  timestamptz,
  PRIMARY KEY (org_id, user_id),
  UNIQUE (org_id, email),
  CHECK (manager_id IS DISTINCT FROM user_id),
  FOREIGN KEY (org_id, unit_id) REFERENCES units (org_id, unit_id),
  FOREIGN KEY (org_id, manager_id) REFERENCES users (org_id, user_id)
);
CREATE INDEX users_unit_idx ON users (org_id, unit_id);
CREATE INDEX users_manager_idx ON users (org_id, manager_id);
CREATE INDEX users_list_idx ON users (org_id, full_name, user_id);

ALTER TABLE units
  ADD FOREIGN KEY (org_id, head_user_id) REFERENCES users (org_id, user_id);

-- Global: e-mail → account, so that login (which names no organisation) finds the tenant.
-- On Citus this is a reference table; it holds no business data.
CREATE TABLE user_logins (
  email    text PRIMARY KEY CHECK (email = lower(email)),
  org_id   uuid NOT NULL,
  user_id  uuid NOT NULL
);

-- Global: failed login attempts, keyed 'email:<e-mail>' or 'ip:<address>', for the rate limit.
CREATE TABLE login_failures (
  key        text NOT NULL,
  failed_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_key_idx ON login_failures (key, failed_at);

CREATE TABLE invitations (
  org_id         uuid NOT NULL,
  invitation_id  uuid NOT NULL DEFAULT gen_random_uuid(),
  user_id        uuid NOT NULL,
  token_hash     text NOT NULL,
  created_by     uuid,
  created_at     timestamptz NOT NULL DEFAULT now(),
  expires_at     timestamptz NOT NULL,
  used_at        timestamptz,
  PRIMARY KEY (org_id, invitation_id),
  FOREIGN KEY (org_id, user_id) REFERENCES users (org_id, user_id),
  FOREIGN KEY (org_id, created_by) REFERENCES users (org_id, user_id)
);

CREATE TABLE sessions (
  org_id        uuid NOT NULL,
  session_id    uuid NOT NULL DEFAULT gen_random_uuid(),
  user_id       uuid NOT NULL,
  token_hash    text NOT NULL,
  csrf_token    text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_seen_at  timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL,
  ip            text,
  user_agent    text,
  PRIMARY KEY (org_id, session_id),
  FOREIGN KEY (org_id, user_id) REFERENCES users (org_id, user_id)
);
CREATE INDEX sessions_user_idx ON sessions (org_id, user_id);

CREATE TABLE work_calendars (
  org_id          uuid NOT NULL REFERENCES organizations (org_id),
  time_zone       text NOT NULL DEFAULT 'Europe/Moscow',
  work_week       smallint[] NOT NULL DEFAULT '{1,2,3,4,5}',
  business_start  text NOT NULL DEFAULT '09:00' CHECK (business_start ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  business_end    text NOT NULL DEFAULT '18:00' CHECK (business_end ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  country         text NOT NULL DEFAULT 'RU',
  updated_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id)
);

CREATE TABLE calendar_days (
  org_id  uuid NOT NULL REFERENCES organizations (org_id),
  day     date NOT NULL,
  kind    text NOT NULL CHECK (kind IN ('holiday', 'working', 'short')),
  name    text NOT NULL DEFAULT '' CHECK (length(name) <= 200),
  PRIMARY KEY (org_id, day)
);

CREATE TABLE audit_log (
  org_id         uuid NOT NULL REFERENCES organizations (org_id),
  audit_id       uuid NOT NULL DEFAULT gen_random_uuid(),
  at             timestamptz NOT NULL DEFAULT now(),
  actor_user_id  uuid,
  action         text NOT NULL CHECK (action IN ('create', 'update', 'delete')),
  entity         text NOT NULL,
  entity_id      text NOT NULL,
  changes        jsonb NOT NULL DEFAULT '[]',
  PRIMARY KEY (org_id, audit_id),
  FOREIGN KEY (org_id, actor_user_id) REFERENCES users (org_id, user_id)
);
CREATE INDEX audit_log_at_idx ON audit_log (org_id, at DESC, audit_id DESC);
CREATE INDEX audit_log_entity_idx ON audit_log (org_id, entity, entity_id, at DESC);

-- Row-level security: the second wall behind the application's own checks.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['organizations', 'units', 'users', 'invitations', 'sessions',
                           'work_calendars', 'calendar_days', 'audit_log'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (org_id = pulse_current_org()) '
                   'WITH CHECK (org_id = pulse_current_org())', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO pulse_app', t);
  END LOOP;
END
$$;
GRANT SELECT, INSERT, UPDATE, DELETE ON user_logins, login_failures TO pulse_app;
GRANT EXECUTE ON FUNCTION pulse_current_org() TO pulse_app;
