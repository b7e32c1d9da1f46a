-- Running the business: customers (consent, address, merge), catalogue options, staff and
-- their exceptions, bookings (with a no-double-booking exclusion constraint), calendar
-- connections and busy blocks, the consent ledger, the unified inbox, the email log.

-- Two bookings may never hold the same staff member at the same time: enforced by an
-- exclusion constraint over (staff_id, time range), which needs btree_gist for "=".
CREATE EXTENSION IF NOT EXISTS btree_gist;

ALTER TYPE "ConfigNodeKey" ADD VALUE IF NOT EXISTS 'BOOKING';

CREATE TYPE "ScheduleExceptionKind" AS ENUM ('CLOSED', 'OPEN');
CREATE TYPE "BookingStatus" AS ENUM ('HELD', 'REQUESTED', 'CONFIRMED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED', 'NO_SHOW');
CREATE TYPE "BookingSource" AS ENUM ('PUBLIC', 'DASHBOARD', 'AGENT');
CREATE TYPE "CalendarSyncStatus" AS ENUM ('NOT_NEEDED', 'PENDING', 'SYNCED', 'FAILED');
CREATE TYPE "CalendarConnectionStatus" AS ENUM ('CONNECTED', 'DISCONNECTED', 'ERROR');
CREATE TYPE "ConsentChannel" AS ENUM ('SMS', 'EMAIL');
CREATE TYPE "ConsentAction" AS ENUM ('OPT_IN', 'OPT_OUT');
CREATE TYPE "MessageChannel" AS ENUM ('SMS', 'CALL', 'VOICEMAIL', 'EMAIL', 'WEBCHAT', 'NOTE');
CREATE TYPE "MessageDirection" AS ENUM ('INBOUND', 'OUTBOUND', 'INTERNAL');
CREATE TYPE "MessageStatus" AS ENUM ('RECEIVED', 'QUEUED', 'SENT', 'DELIVERED', 'FAILED', 'BLOCKED');
CREATE TYPE "ConversationStatus" AS ENUM ('OPEN', 'CLOSED');

-- Customers -------------------------------------------------------------------------
ALTER TABLE "customers"
  ADD COLUMN "address" JSONB,
  ADD COLUMN "sms_consent" BOOLEAN NOT NULL DEFAULT false,
  ADD COLUMN "sms_consent_source" TEXT,
  ADD COLUMN "sms_consent_at" TIMESTAMPTZ(3),
  ADD COLUMN "merged_into_id" TEXT;
ALTER TABLE "customers" ADD CONSTRAINT "customers_merged_into_id_fkey" FOREIGN KEY ("merged_into_id") REFERENCES "customers"("id") ON DELETE SET NULL ON UPDATE CASCADE;
-- Full-text search over name, email and phone ('simple': no stemming, works for both languages).
CREATE INDEX "customers_search_idx" ON "customers" USING gin (to_tsvector('simple', coalesce("name", '') || ' ' || coalesce("email", '') || ' ' || coalesce("phone", '')));

-- Catalogue -------------------------------------------------------------------------
ALTER TABLE "services"
  ADD COLUMN "option_groups" JSONB NOT NULL DEFAULT '[]',
  ADD COLUMN "deposit_rule" JSONB NOT NULL DEFAULT '{"type": "none"}',
  ADD COLUMN "staff_ids" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[];

-- Staff and exceptions ----------------------------------------------------------------
CREATE TABLE "staff" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "membership_id" TEXT,
    "name" TEXT NOT NULL,
    "color" TEXT NOT NULL DEFAULT '#1d5ef1',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "weekly_hours" JSONB,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "staff_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "staff_membership_id_key" ON "staff"("membership_id");
CREATE INDEX "staff_tenant_id_sort_order_idx" ON "staff"("tenant_id", "sort_order");

CREATE TABLE "schedule_exceptions" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "staff_id" TEXT,
    "kind" "ScheduleExceptionKind" NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "schedule_exceptions_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "schedule_exceptions_range_check" CHECK ("starts_at" < "ends_at")
);
CREATE INDEX "schedule_exceptions_tenant_id_starts_at_idx" ON "schedule_exceptions"("tenant_id", "starts_at");

-- Bookings ------------------------------------------------------------------------------
CREATE TABLE "bookings" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "customer_id" TEXT,
    "service_id" TEXT NOT NULL,
    "staff_id" TEXT NOT NULL,
    "status" "BookingStatus" NOT NULL,
    "source" "BookingSource" NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "blocked_from" TIMESTAMPTZ(3) NOT NULL,
    "blocked_until" TIMESTAMPTZ(3) NOT NULL,
    "duration_minutes" INTEGER NOT NULL,
    "price_cents" INTEGER NOT NULL,
    "deposit_cents" INTEGER NOT NULL DEFAULT 0,
    "options" JSONB NOT NULL DEFAULT '[]',
    "notes" TEXT,
    "hold_expires_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "calendar_sync_status" "CalendarSyncStatus" NOT NULL DEFAULT 'NOT_NEEDED',
    "external_event_id" TEXT,
    "cancel_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "bookings_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "bookings_times_check" CHECK ("blocked_from" <= "starts_at" AND "starts_at" < "ends_at" AND "ends_at" <= "blocked_until"),
    CONSTRAINT "bookings_money_check" CHECK ("price_cents" >= 0 AND "deposit_cents" >= 0 AND "deposit_cents" <= "price_cents"),
    CONSTRAINT "bookings_hold_check" CHECK (("status" = 'HELD') = ("hold_expires_at" IS NOT NULL)),
    -- The rule that matters most: one staff member, one job at a time (holds included).
    CONSTRAINT "bookings_no_double_booking" EXCLUDE USING gist (
      "staff_id" WITH =,
      tstzrange("blocked_from", "blocked_until", '[)') WITH &&
    ) WHERE ("status" IN ('HELD', 'REQUESTED', 'CONFIRMED', 'IN_PROGRESS'))
);
CREATE INDEX "bookings_tenant_id_starts_at_idx" ON "bookings"("tenant_id", "starts_at");
CREATE INDEX "bookings_tenant_id_customer_id_idx" ON "bookings"("tenant_id", "customer_id");

CREATE TABLE "booking_events" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "booking_id" TEXT NOT NULL,
    "from_status" "BookingStatus",
    "to_status" "BookingStatus" NOT NULL,
    "actor_kind" TEXT NOT NULL,
    "actor_user_id" TEXT,
    "reason" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "booking_events_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "booking_events_tenant_id_booking_id_idx" ON "booking_events"("tenant_id", "booking_id");

-- Calendars -------------------------------------------------------------------------------
CREATE TABLE "calendar_connections" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "staff_id" TEXT,
    "provider" TEXT NOT NULL,
    "status" "CalendarConnectionStatus" NOT NULL,
    "external_calendar_id" TEXT NOT NULL,
    "account_email" TEXT,
    "last_synced_at" TIMESTAMPTZ(3),
    "consecutive_failures" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "calendar_connections_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "calendar_connections_tenant_id_idx" ON "calendar_connections"("tenant_id");

CREATE TABLE "calendar_busy_blocks" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "connection_id" TEXT NOT NULL,
    "staff_id" TEXT,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "external_id" TEXT NOT NULL,
    CONSTRAINT "calendar_busy_blocks_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "calendar_busy_blocks_connection_id_external_id_key" ON "calendar_busy_blocks"("connection_id", "external_id");
CREATE INDEX "calendar_busy_blocks_tenant_id_starts_at_idx" ON "calendar_busy_blocks"("tenant_id", "starts_at");

-- Consent ledger ----------------------------------------------------------------------------
CREATE TABLE "consent_events" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "customer_id" TEXT,
    "phone" TEXT,
    "email" TEXT,
    "channel" "ConsentChannel" NOT NULL,
    "action" "ConsentAction" NOT NULL,
    "source" TEXT NOT NULL,
    "words" TEXT,
    "actor_user_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "consent_events_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "consent_events_tenant_id_phone_idx" ON "consent_events"("tenant_id", "phone");

-- Inbox ---------------------------------------------------------------------------------------
CREATE TABLE "conversations" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "customer_id" TEXT NOT NULL,
    "status" "ConversationStatus" NOT NULL DEFAULT 'OPEN',
    "assigned_user_id" TEXT,
    "unread_count" INTEGER NOT NULL DEFAULT 0,
    "last_message_at" TIMESTAMPTZ(3),
    "last_message_preview" TEXT,
    "ai_enabled" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "conversations_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "conversations_unread_check" CHECK ("unread_count" >= 0)
);
CREATE UNIQUE INDEX "conversations_tenant_id_customer_id_key" ON "conversations"("tenant_id", "customer_id");
CREATE INDEX "conversations_tenant_id_last_message_at_idx" ON "conversations"("tenant_id", "last_message_at");

CREATE TABLE "messages" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "conversation_id" TEXT NOT NULL,
    "channel" "MessageChannel" NOT NULL,
    "direction" "MessageDirection" NOT NULL,
    "status" "MessageStatus" NOT NULL,
    "body" TEXT NOT NULL,
    "subject" TEXT,
    "provider" TEXT NOT NULL,
    "provider_message_id" TEXT NOT NULL,
    "author_user_id" TEXT,
    "blocked_reason" TEXT,
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "read_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "messages_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "messages_tenant_id_provider_provider_message_id_key" ON "messages"("tenant_id", "provider", "provider_message_id");
CREATE INDEX "messages_tenant_id_conversation_id_created_at_idx" ON "messages"("tenant_id", "conversation_id", "created_at");
CREATE INDEX "messages_search_idx" ON "messages" USING gin (to_tsvector('simple', coalesce("subject", '') || ' ' || "body"));

CREATE TABLE "email_messages" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "to_address" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "provider_message_id" TEXT,
    "error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "email_messages_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "email_messages_tenant_id_created_at_idx" ON "email_messages"("tenant_id", "created_at");

-- Foreign keys -----------------------------------------------------------------------------------
ALTER TABLE "staff" ADD CONSTRAINT "staff_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "staff" ADD CONSTRAINT "staff_membership_id_fkey" FOREIGN KEY ("membership_id") REFERENCES "memberships"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "schedule_exceptions" ADD CONSTRAINT "schedule_exceptions_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "schedule_exceptions" ADD CONSTRAINT "schedule_exceptions_staff_id_fkey" FOREIGN KEY ("staff_id") REFERENCES "staff"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_staff_id_fkey" FOREIGN KEY ("staff_id") REFERENCES "staff"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "booking_events" ADD CONSTRAINT "booking_events_booking_id_fkey" FOREIGN KEY ("booking_id") REFERENCES "bookings"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "booking_events" ADD CONSTRAINT "booking_events_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "calendar_connections" ADD CONSTRAINT "calendar_connections_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "calendar_connections" ADD CONSTRAINT "calendar_connections_staff_id_fkey" FOREIGN KEY ("staff_id") REFERENCES "staff"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "calendar_busy_blocks" ADD CONSTRAINT "calendar_busy_blocks_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "calendar_busy_blocks" ADD CONSTRAINT "calendar_busy_blocks_connection_id_fkey" FOREIGN KEY ("connection_id") REFERENCES "calendar_connections"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "consent_events" ADD CONSTRAINT "consent_events_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "consent_events" ADD CONSTRAINT "consent_events_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "messages" ADD CONSTRAINT "messages_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "messages" ADD CONSTRAINT "messages_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "email_messages" ADD CONSTRAINT "email_messages_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security ---------------------------------------------------------------------------------
ALTER TABLE "staff" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "staff" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "staff" TO app_tenant
  USING ("tenant_id" = current_setting('app.tenant_id', true)) WITH CHECK ("tenant_id" = current_setting('app.tenant_id', true));

ALTER TABLE "schedule_exceptions" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "schedule_exceptions" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "schedule_exceptions" TO app_tenant
  USING ("tenant_id" = current_setting('app.tenant_id', true)) WITH CHECK ("tenant_id" = current_setting('app.tenant_id', true));

ALTER TABLE "bookings" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "bookings" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "bookings" TO app_tenant
  USING ("tenant_id" = current_setting('app.tenant_id', true)) WITH CHECK ("tenant_id" = current_setting('app.tenant_id', true));

ALTER TABLE "booking_events" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "booking_events" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "booking_events" TO app_tenant
  USING ("tenant_id" = current_setting('app.tenant_id', true)) WITH CHECK ("tenant_id" = current_setting('app.tenant_id', true));

ALTER TABLE "calendar_connections" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "calendar_connections" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "calendar_connections" TO app_tenant
  USING ("tenant_id" = current_setting('app.tenant_id', true)) WITH CHECK ("tenant_id" = current_setting('app.tenant_id', true));

ALTER TABLE "calendar_busy_blocks" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "calendar_busy_blocks" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "calendar_busy_blocks" TO app_tenant
  USING ("tenant_id" = current_setting('app.tenant_id', true)) WITH CHECK ("tenant_id" = current_setting('app.tenant_id', true));

ALTER TABLE "consent_events" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "consent_events" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "consent_events" TO app_tenant
  USING ("tenant_id" = current_setting('app.tenant_id', true)) WITH CHECK ("tenant_id" = current_setting('app.tenant_id', true));

ALTER TABLE "conversations" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "conversations" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "conversations" TO app_tenant
  USING ("tenant_id" = current_setting('app.tenant_id', true)) WITH CHECK ("tenant_id" = current_setting('app.tenant_id', true));

ALTER TABLE "messages" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "messages" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "messages" TO app_tenant
  USING ("tenant_id" = current_setting('app.tenant_id', true)) WITH CHECK ("tenant_id" = current_setting('app.tenant_id', true));

ALTER TABLE "email_messages" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "email_messages" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "email_messages" TO app_tenant
  USING ("tenant_id" = current_setting('app.tenant_id', true)) WITH CHECK ("tenant_id" = current_setting('app.tenant_id', true));

GRANT SELECT, INSERT, UPDATE, DELETE ON "staff", "schedule_exceptions", "bookings", "calendar_connections",
  "calendar_busy_blocks", "conversations", "messages" TO app_tenant;
-- Ledgers and logs are append-only for the tenant role.
GRANT SELECT, INSERT ON "booking_events", "consent_events" TO app_tenant;
GRANT SELECT, INSERT, UPDATE ON "email_messages" TO app_tenant;
