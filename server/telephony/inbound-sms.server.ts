import { randomUUID } from "node:crypto";
import { z } from "zod";
import { storeInboundMessage } from "../conversations/store-inbound-message.server";
import { normalizePhone } from "../customers/phone";
import { withTenant } from "../db/db.server";
import { smsLength } from "../integrations/sms/segments";
import { logger } from "../observability/logger.server";
import { recordUsage } from "../usage/usage.server";
import { tenantForNumber } from "./phone-numbers.server";

/**
 * A text arriving on a business's number, from SignalWire (the telephony worker) or the
 * dashboard's simulator. Stored first, in one short transaction: the message in the
 * customer's thread (idempotent on the carrier's id), the `message/stored` event (the
 * inbound-SMS function answers it: compliance keywords, then the AI agent) and the usage
 * event. Anything after this may fail and retry; the text is never lost.
 */
export const ZInboundSmsSchema = z.object({
  /** The business's number that received it. */
  to: z.string().trim().min(1).max(40),
  /** The sender as the carrier gives it. */
  from: z.string().trim().min(1).max(40),
  body: z.string().max(10_000),
  provider: z.string().trim().min(1).max(40),
  providerMessageId: z.string().trim().min(1).max(200),
  receivedAt: z.date().optional(),
  /** Media URLs of an MMS (kept in metadata; not downloaded). */
  media: z.array(z.string().max(2000)).max(10).optional(),
});
export type TInboundSms = z.input<typeof ZInboundSmsSchema>;

export type TInboundSmsResult =
  | { status: "stored" | "duplicate"; tenantId: string; messageId: string; conversationId: string; customerId: string }
  | { status: "unknownNumber" | "invalidSender" };

/** A text to one of our numbers: finds the business by the number it was sent to. */
export async function receiveInboundSms(raw: TInboundSms): Promise<TInboundSmsResult> {
  const input = ZInboundSmsSchema.parse(raw);
  const to = normalizePhone(input.to);
  const tenantId = to ? await tenantForNumber(to) : null;
  if (!tenantId) {
    logger.warn({ provider: input.provider, providerMessageId: input.providerMessageId }, "inbound SMS to a number no business owns");
    return { status: "unknownNumber" };
  }
  return storeInboundSms(tenantId, { ...input, to: to! }, false);
}

/** The simulator's text: the same storing and processing, marked simulated (not billed). */
export async function simulateInboundSms(
  tenantId: string,
  input: { from: string; body: string; to: string | null },
): Promise<TInboundSmsResult> {
  return storeInboundSms(
    tenantId,
    { to: input.to ?? "simulator", from: input.from, body: input.body, provider: "simulator", providerMessageId: `sim-${randomUUID()}` },
    true,
  );
}

async function storeInboundSms(
  tenantId: string,
  input: z.output<typeof ZInboundSmsSchema>,
  simulated: boolean,
): Promise<TInboundSmsResult> {
  const from = normalizePhone(input.from);
  if (!from) {
    logger.warn(
      { tenantId, provider: input.provider, providerMessageId: input.providerMessageId },
      "inbound SMS from a sender that is not a phone number",
    );
    return { status: "invalidSender" };
  }
  const segments = Math.max(1, smsLength(input.body).segments);
  return withTenant(tenantId, async (db) => {
    const stored = await storeInboundMessage(db, {
      customer: { phone: from },
      channel: "SMS",
      body: input.body,
      provider: input.provider,
      providerMessageId: input.providerMessageId,
      receivedAt: input.receivedAt,
      metadata: {
        to: input.to,
        segments,
        ...(simulated ? { simulated: true } : {}),
        ...(input.media?.length ? { media: input.media } : {}),
      },
    });
    if (stored.created) {
      await recordUsage(db, {
        kind: "SMS_SEGMENT_INBOUND",
        quantity: segments,
        idempotencyKey: `sms-in:${input.provider}:${input.providerMessageId}`,
        sourceType: "message",
        sourceId: stored.message.id,
        simulated,
        occurredAt: stored.message.createdAt,
      });
    }
    return {
      status: stored.created ? "stored" : "duplicate",
      tenantId,
      messageId: stored.message.id,
      conversationId: stored.conversationId,
      customerId: stored.customerId,
    };
  });
}
