-- Platform foundation: tenants, users, memberships, domains, invitations, config nodes,
-- catalogue services, audit log, outbox, encrypted integration secrets, local job runner.
--
-- Roles (cluster-wide, created once):
--   app_tenant  RLS-bound role for tenant work (withTenant)
--   app_global  platform-level role (withGlobal): platform tables, lookups across tenants
--   app_login   NOINHERIT role the application runs as; it holds no privileges itself,
--               so any query outside withTenant/withGlobal fails with "permission denied".

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'app_tenant') THEN
    CREATE ROLE app_tenant NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'app_global') THEN
    CREATE ROLE app_global NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'app_login') THEN
    CREATE ROLE app_login LOGIN NOINHERIT NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
END
$$;
GRANT app_tenant TO app_login;
GRANT app_global TO app_login;
GRANT USAGE ON SCHEMA public TO app_tenant, app_global;

-- Enums
CREATE TYPE "TenantStatus" AS ENUM ('ACTIVE', 'SUSPENDED');
CREATE TYPE "MemberRole" AS ENUM ('OWNER', 'MANAGER', 'STAFF');
CREATE TYPE "DashboardMode" AS ENUM ('SIMPLE', 'ADVANCED');
CREATE TYPE "ConfigNodeKey" AS ENUM ('PHONE', 'EMAIL', 'AI', 'BILLING', 'SITE', 'HOURS', 'LOYALTY');
CREATE TYPE "DomainKind" AS ENUM ('SUBDOMAIN', 'CUSTOM');
CREATE TYPE "JobRunStatus" AS ENUM ('QUEUED', 'RUNNING', 'SLEEPING', 'COMPLETED', 'FAILED', 'CANCELLED');

-- Platform tables -----------------------------------------------------------------

CREATE TABLE "tenants" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "industry_pack_key" TEXT NOT NULL,
    "time_zone" TEXT NOT NULL,
    "default_locale" TEXT NOT NULL,
    "status" "TenantStatus" NOT NULL DEFAULT 'ACTIVE',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "tenants_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "tenants_slug_key" ON "tenants"("slug");

CREATE TABLE "users" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "clerk_user_id" TEXT,
    "password_hash" TEXT,
    "locale" TEXT,
    "dashboard_mode" "DashboardMode" NOT NULL DEFAULT 'SIMPLE',
    "is_platform_admin" BOOLEAN NOT NULL DEFAULT false,
    "last_tenant_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");
CREATE UNIQUE INDEX "users_clerk_user_id_key" ON "users"("clerk_user_id");

-- Tenant-owned tables ---------------------------------------------------------------

CREATE TABLE "domains" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "hostname" TEXT NOT NULL,
    "kind" "DomainKind" NOT NULL,
    "verified_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "domains_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "domains_hostname_key" ON "domains"("hostname");
CREATE INDEX "domains_tenant_id_idx" ON "domains"("tenant_id");

CREATE TABLE "memberships" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "role" "MemberRole" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "memberships_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "memberships_tenant_id_user_id_key" ON "memberships"("tenant_id", "user_id");
CREATE INDEX "memberships_user_id_idx" ON "memberships"("user_id");

CREATE TABLE "invitations" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" "MemberRole" NOT NULL,
    "token_hash" TEXT NOT NULL,
    "invited_by_user_id" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "accepted_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "invitations_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "invitations_token_hash_key" ON "invitations"("token_hash");
CREATE INDEX "invitations_tenant_id_idx" ON "invitations"("tenant_id");

CREATE TABLE "config_overrides" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "node" "ConfigNodeKey" NOT NULL,
    "data" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_by_user_id" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "config_overrides_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "config_overrides_tenant_id_node_key" ON "config_overrides"("tenant_id", "node");

CREATE TABLE "services" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "pack_service_key" TEXT,
    "name" JSONB NOT NULL,
    "description" JSONB NOT NULL,
    "duration_minutes" INTEGER NOT NULL,
    "price_cents" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "services_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "services_price_cents_check" CHECK ("price_cents" >= 0),
    CONSTRAINT "services_duration_minutes_check" CHECK ("duration_minutes" > 0)
);
CREATE INDEX "services_tenant_id_sort_order_idx" ON "services"("tenant_id", "sort_order");

CREATE TABLE "customers" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "email" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'en',
    "tags" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "fields" JSONB NOT NULL DEFAULT '{}',
    "notes" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "customers_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "customers_tenant_id_phone_key" ON "customers"("tenant_id", "phone");
CREATE INDEX "customers_tenant_id_name_idx" ON "customers"("tenant_id", "name");

CREATE TABLE "audit_log" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "actor_user_id" TEXT,
    "action" TEXT NOT NULL,
    "target_type" TEXT NOT NULL,
    "target_id" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    "request_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "audit_log_tenant_id_created_at_idx" ON "audit_log"("tenant_id", "created_at");

CREATE TABLE "outbox_events" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "delivered_at" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    CONSTRAINT "outbox_events_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "outbox_events_delivered_at_created_at_idx" ON "outbox_events"("delivered_at", "created_at");

CREATE TABLE "integration_secrets" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "ciphertext" TEXT NOT NULL,
    "key_id" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "integration_secrets_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "integration_secrets_tenant_id_provider_key" ON "integration_secrets"("tenant_id", "provider");

-- Local durable-job runner (platform-level) ------------------------------------------

CREATE TABLE "job_runs" (
    "id" TEXT NOT NULL,
    "function_id" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "event_name" TEXT NOT NULL,
    "event" JSONB NOT NULL,
    "tenant_id" TEXT,
    "status" "JobRunStatus" NOT NULL DEFAULT 'QUEUED',
    "attempt" INTEGER NOT NULL DEFAULT 0,
    "max_attempts" INTEGER NOT NULL,
    "run_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_by" TEXT,
    "locked_until" TIMESTAMPTZ(3),
    "output" JSONB,
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "finished_at" TIMESTAMPTZ(3),
    CONSTRAINT "job_runs_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "job_runs_function_id_event_id_key" ON "job_runs"("function_id", "event_id");
CREATE INDEX "job_runs_status_run_at_idx" ON "job_runs"("status", "run_at");

CREATE TABLE "job_steps" (
    "id" TEXT NOT NULL,
    "run_id" TEXT NOT NULL,
    "step_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "op" TEXT NOT NULL,
    "output" JSONB,
    "error" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "job_steps_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "job_steps_run_id_step_id_key" ON "job_steps"("run_id", "step_id");

-- Foreign keys
ALTER TABLE "domains" ADD CONSTRAINT "domains_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "config_overrides" ADD CONSTRAINT "config_overrides_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "services" ADD CONSTRAINT "services_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "customers" ADD CONSTRAINT "customers_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "outbox_events" ADD CONSTRAINT "outbox_events_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "integration_secrets" ADD CONSTRAINT "integration_secrets_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "job_steps" ADD CONSTRAINT "job_steps_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "job_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security ------------------------------------------------------------------
-- Tenant policy: rows of the tenant set by withTenant (set_config('app.tenant_id', .., true)).
-- Global policies: what platform-level code (withGlobal) may see across tenants.

ALTER TABLE "tenants" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "tenants" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "tenants" TO app_tenant
  USING ("id" = current_setting('app.tenant_id', true))
  WITH CHECK ("id" = current_setting('app.tenant_id', true));
CREATE POLICY global_access ON "tenants" TO app_global USING (true) WITH CHECK (true);
-- A tenant may rename itself or change its time zone and language, never its status,
-- slug or pack (those are platform decisions, made through withGlobal).
GRANT SELECT ON "tenants" TO app_tenant;
GRANT UPDATE ("name", "time_zone", "default_locale", "updated_at") ON "tenants" TO app_tenant;
GRANT SELECT, INSERT, UPDATE, DELETE ON "tenants" TO app_global;

ALTER TABLE "users" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "users" FORCE ROW LEVEL SECURITY;
-- A tenant sees the users who are its members (names on the team page), nobody else.
CREATE POLICY tenant_members ON "users" FOR SELECT TO app_tenant
  USING (EXISTS (SELECT 1 FROM "memberships" m
                 WHERE m."user_id" = "users"."id"
                   AND m."tenant_id" = current_setting('app.tenant_id', true)));
CREATE POLICY global_access ON "users" TO app_global USING (true) WITH CHECK (true);
GRANT SELECT ON "users" TO app_tenant;
GRANT SELECT, INSERT, UPDATE, DELETE ON "users" TO app_global;

ALTER TABLE "domains" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "domains" FORCE ROW LEVEL SECURITY;
ALTER TABLE "memberships" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "memberships" FORCE ROW LEVEL SECURITY;
ALTER TABLE "invitations" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "invitations" FORCE ROW LEVEL SECURITY;
ALTER TABLE "config_overrides" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "config_overrides" FORCE ROW LEVEL SECURITY;
ALTER TABLE "services" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "services" FORCE ROW LEVEL SECURITY;
ALTER TABLE "customers" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "customers" FORCE ROW LEVEL SECURITY;
ALTER TABLE "audit_log" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "audit_log" FORCE ROW LEVEL SECURITY;
ALTER TABLE "outbox_events" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "outbox_events" FORCE ROW LEVEL SECURITY;
ALTER TABLE "integration_secrets" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "integration_secrets" FORCE ROW LEVEL SECURITY;
ALTER TABLE "job_runs" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "job_runs" FORCE ROW LEVEL SECURITY;
ALTER TABLE "job_steps" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "job_steps" FORCE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON "domains" TO app_tenant
  USING ("tenant_id" = current_setting('app.tenant_id', true)) WITH CHECK ("tenant_id" = current_setting('app.tenant_id', true));
CREATE POLICY tenant_isolation ON "memberships" TO app_tenant
  USING ("tenant_id" = current_setting('app.tenant_id', true)) WITH CHECK ("tenant_id" = current_setting('app.tenant_id', true));
CREATE POLICY tenant_isolation ON "invitations" TO app_tenant
  USING ("tenant_id" = current_setting('app.tenant_id', true)) WITH CHECK ("tenant_id" = current_setting('app.tenant_id', true));
CREATE POLICY tenant_isolation ON "config_overrides" TO app_tenant
  USING ("tenant_id" = current_setting('app.tenant_id', true)) WITH CHECK ("tenant_id" = current_setting('app.tenant_id', true));
CREATE POLICY tenant_isolation ON "services" TO app_tenant
  USING ("tenant_id" = current_setting('app.tenant_id', true)) WITH CHECK ("tenant_id" = current_setting('app.tenant_id', true));
CREATE POLICY tenant_isolation ON "customers" TO app_tenant
  USING ("tenant_id" = current_setting('app.tenant_id', true)) WITH CHECK ("tenant_id" = current_setting('app.tenant_id', true));
CREATE POLICY tenant_isolation ON "audit_log" TO app_tenant
  USING ("tenant_id" = current_setting('app.tenant_id', true)) WITH CHECK ("tenant_id" = current_setting('app.tenant_id', true));
CREATE POLICY tenant_isolation ON "outbox_events" TO app_tenant
  USING ("tenant_id" = current_setting('app.tenant_id', true)) WITH CHECK ("tenant_id" = current_setting('app.tenant_id', true));
CREATE POLICY tenant_isolation ON "integration_secrets" TO app_tenant
  USING ("tenant_id" = current_setting('app.tenant_id', true)) WITH CHECK ("tenant_id" = current_setting('app.tenant_id', true));
CREATE POLICY tenant_isolation ON "job_runs" TO app_tenant
  USING ("tenant_id" = current_setting('app.tenant_id', true)) WITH CHECK ("tenant_id" = current_setting('app.tenant_id', true));
CREATE POLICY tenant_isolation ON "job_steps" TO app_tenant
  USING (EXISTS (SELECT 1 FROM "job_runs" r WHERE r."id" = "job_steps"."run_id"))
  WITH CHECK (EXISTS (SELECT 1 FROM "job_runs" r WHERE r."id" = "job_steps"."run_id"));

-- What platform-level code may do across tenants: resolve hosts, list a user's
-- memberships, look up an invitation by its token, relay the outbox, run jobs.
CREATE POLICY global_read ON "domains" FOR SELECT TO app_global USING (true);
CREATE POLICY global_verify ON "domains" FOR UPDATE TO app_global USING (true) WITH CHECK (true);
CREATE POLICY global_read ON "memberships" FOR SELECT TO app_global USING (true);
CREATE POLICY global_read ON "invitations" FOR SELECT TO app_global USING (true);
CREATE POLICY global_read ON "outbox_events" FOR SELECT TO app_global USING (true);
CREATE POLICY global_relay ON "outbox_events" FOR UPDATE TO app_global USING (true) WITH CHECK (true);
CREATE POLICY global_access ON "job_runs" TO app_global USING (true) WITH CHECK (true);
CREATE POLICY global_access ON "job_steps" TO app_global USING (true) WITH CHECK (true);

GRANT SELECT, INSERT, UPDATE, DELETE ON "memberships", "invitations", "config_overrides",
  "services", "customers", "integration_secrets" TO app_tenant;
-- A tenant adds and removes its domains; only the platform marks one verified.
GRANT SELECT, DELETE ON "domains" TO app_tenant;
GRANT INSERT ("id", "tenant_id", "hostname", "kind", "created_at") ON "domains" TO app_tenant;
GRANT SELECT, INSERT ON "audit_log", "outbox_events" TO app_tenant;
GRANT SELECT ON "job_runs", "job_steps" TO app_tenant;
GRANT SELECT ON "domains", "memberships", "invitations" TO app_global;
GRANT UPDATE ("verified_at") ON "domains" TO app_global;
GRANT SELECT, UPDATE ON "outbox_events" TO app_global;
GRANT SELECT, INSERT, UPDATE, DELETE ON "job_runs", "job_steps" TO app_global;
