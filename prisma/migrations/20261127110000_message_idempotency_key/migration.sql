-- Our own idempotency key for messages we write (confirmations, replies retried by a job).
-- It used to live in provider_message_id, which delivery replaces with the carrier's id,
-- so a replay after delivery could write the message twice. NULLs are distinct: only
-- keyed messages are constrained.
ALTER TABLE "messages" ADD COLUMN "idempotency_key" TEXT;
CREATE UNIQUE INDEX "messages_tenant_id_idempotency_key_key" ON "messages"("tenant_id", "idempotency_key");
