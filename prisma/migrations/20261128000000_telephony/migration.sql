-- Telephony and the AI agent: which tenant a phone number belongs to, one row per call
-- (with the steps its flow took), and usage events ready for billing.

-- A delivery claims a QUEUED message before it calls the carrier, so two deliveries of the
-- same message (a retried job, a concurrent one) never send it twice.
ALTER TYPE "MessageStatus" ADD VALUE 'SENDING' AFTER 'QUEUED';

CREATE TYPE "CallDirection" AS ENUM ('INBOUND', 'OUTBOUND');
CREATE TYPE "UsageKind" AS ENUM ('SMS_SEGMENT_INBOUND', 'SMS_SEGMENT_OUTBOUND', 'CALL_MINUTE_INBOUND', 'CALL_MINUTE_OUTBOUND', 'AI_MINUTE');

-- A business's phone number. Unique across the platform: a call or text to it finds its
-- tenant (withGlobal reads it); the tenant writes its own row when it sets its number.
CREATE TABLE "phone_numbers" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "phone_numbers_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "phone_numbers_e164_check" CHECK ("number" ~ '^\+[1-9][0-9]{6,14}$')
);
CREATE UNIQUE INDEX "phone_numbers_number_key" ON "phone_numbers"("number");
CREATE INDEX "phone_numbers_tenant_id_idx" ON "phone_numbers"("tenant_id");

-- One call, real or simulated, with what its flow did step by step.
CREATE TABLE "calls" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "provider_call_id" TEXT NOT NULL,
    "direction" "CallDirection" NOT NULL,
    "from_number" TEXT NOT NULL,
    "to_number" TEXT NOT NULL,
    "customer_id" TEXT,
    "mode" TEXT NOT NULL,
    "language" TEXT NOT NULL DEFAULT 'en',
    "status" TEXT NOT NULL,
    "outcome" TEXT,
    "simulated" BOOLEAN NOT NULL DEFAULT false,
    "steps" JSONB NOT NULL DEFAULT '[]',
    "snapshot" JSONB,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answered_at" TIMESTAMPTZ(3),
    "ended_at" TIMESTAMPTZ(3),
    "duration_seconds" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "calls_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "calls_duration_check" CHECK ("duration_seconds" IS NULL OR "duration_seconds" >= 0)
);
CREATE UNIQUE INDEX "calls_tenant_id_provider_provider_call_id_key" ON "calls"("tenant_id", "provider", "provider_call_id");
CREATE INDEX "calls_tenant_id_started_at_idx" ON "calls"("tenant_id", "started_at");

-- Billable usage. Append-only; the idempotency key makes a replayed webhook or a retried
-- job count once.
CREATE TABLE "usage_events" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "kind" "UsageKind" NOT NULL,
    "quantity" INTEGER NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "source_type" TEXT NOT NULL,
    "source_id" TEXT NOT NULL,
    "simulated" BOOLEAN NOT NULL DEFAULT false,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "usage_events_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "usage_events_quantity_check" CHECK ("quantity" > 0)
);
CREATE UNIQUE INDEX "usage_events_tenant_id_idempotency_key_key" ON "usage_events"("tenant_id", "idempotency_key");
CREATE INDEX "usage_events_tenant_id_occurred_at_idx" ON "usage_events"("tenant_id", "occurred_at");

ALTER TABLE "phone_numbers" ADD CONSTRAINT "phone_numbers_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "calls" ADD CONSTRAINT "calls_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "calls" ADD CONSTRAINT "calls_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "usage_events" ADD CONSTRAINT "usage_events_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "phone_numbers" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "phone_numbers" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "phone_numbers" TO app_tenant
  USING ("tenant_id" = current_setting('app.tenant_id', true)) WITH CHECK ("tenant_id" = current_setting('app.tenant_id', true));
CREATE POLICY global_read ON "phone_numbers" FOR SELECT TO app_global USING (true);

ALTER TABLE "calls" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "calls" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "calls" TO app_tenant
  USING ("tenant_id" = current_setting('app.tenant_id', true)) WITH CHECK ("tenant_id" = current_setting('app.tenant_id', true));

ALTER TABLE "usage_events" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "usage_events" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "usage_events" TO app_tenant
  USING ("tenant_id" = current_setting('app.tenant_id', true)) WITH CHECK ("tenant_id" = current_setting('app.tenant_id', true));

GRANT SELECT, INSERT, DELETE ON "phone_numbers" TO app_tenant;
GRANT SELECT ON "phone_numbers" TO app_global;
GRANT SELECT, INSERT, UPDATE ON "calls" TO app_tenant;
GRANT SELECT, INSERT ON "usage_events" TO app_tenant;
