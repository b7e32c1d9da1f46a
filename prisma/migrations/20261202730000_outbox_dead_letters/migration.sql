-- Outbox relay state lives in the table (server/jobs/outbox-relay.server.ts):
--  lease_until      a relay claimed the row and is sending it outside any transaction; others
--                   skip it until then (a relay that died mid-send is retried after it);
--  next_attempt_at  backoff after a failed delivery (NULL: deliverable now);
--  dead_at          attempts ran out: a dead letter, never tried again until a platform admin
--                   retries it (/admin/jobs). One bad event never blocks the others.
ALTER TABLE "outbox_events"
  ADD COLUMN "next_attempt_at" TIMESTAMPTZ(3),
  ADD COLUMN "dead_at" TIMESTAMPTZ(3),
  ADD COLUMN "lease_until" TIMESTAMPTZ(3);

CREATE INDEX "outbox_events_dead_at_created_at_idx" ON "outbox_events"("dead_at", "created_at");
