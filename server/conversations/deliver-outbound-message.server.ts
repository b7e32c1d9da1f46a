import type { TenantDb } from "../db/db.server";
import type { Prisma } from "../db/generated/prisma/client";
import { translateNow } from "../i18n/translate.server";
import { smsPort } from "../integrations/sms";
import { sendTenantEmail } from "../notifications/send-email.server";
import { logger } from "../observability/logger.server";
import { recordUsage } from "../usage/usage.server";
import type { TInboxMessage } from "./conversations.types";
import { announceInboxEvent } from "./inbox-events.server";
import { MESSAGE_SELECT, toInboxMessage } from "./message-select";

/** Runs one unit of work on the tenant (tRPC's ctx.tenant.db, or `(fn) => withTenant(id, fn)`). */
export type TenantRun = <T>(fn: (db: TenantDb) => Promise<T>) => Promise<T>;

/** How long a delivery's claim holds before another delivery may take it over (the first one crashed mid-send). */
export const CLAIM_STALE_MS = 2 * 60_000;

/**
 * Sends a QUEUED outbound message through its channel's adapter (SMS port, tenant email),
 * once: it is claimed (SENDING) before the carrier is called, then records the outcome: SENT with the carrier's provider and id, or FAILED with the
 * error in metadata. The network call happens between two units of work, never inside a
 * transaction. Anything not QUEUED (BLOCKED, notes, already sent) is returned unchanged.
 */
export async function deliverOutboundMessage(run: TenantRun, messageId: string): Promise<TInboxMessage> {
  const loaded = await run(async (db) => {
    const message = await db.message.findFirst({
      where: { id: messageId, tenantId: db.tenantId },
      select: { ...MESSAGE_SELECT, conversation: { select: { customer: { select: { phone: true, email: true, locale: true } } } } },
    });
    const tenant = await db.tenant.findUniqueOrThrow({ where: { id: db.tenantId }, select: { name: true } });
    return message ? { message, tenantId: db.tenantId, tenantName: tenant.name } : null;
  });
  if (!loaded) throw new Error(`deliverOutboundMessage: message ${messageId} not found`);
  const { message, tenantId, tenantName } = loaded;
  const { conversation, ...row } = message;
  // Claim it first: of two deliveries of the same message (a retried job racing a slow one)
  // only the one that moves it QUEUED -> SENDING calls the carrier. A claim left behind by a
  // crash is taken over after CLAIM_STALE_MS (the one case where a text could go twice).
  const meta = (toInboxMessage(row).metadata ?? {}) as Record<string, unknown>;
  const claimedAt = typeof meta.sendingSince === "string" ? Date.parse(meta.sendingSince) : NaN;
  const stale = row.status === "SENDING" && !(Date.now() - claimedAt < CLAIM_STALE_MS);
  if (row.status !== "QUEUED" && !stale) return toInboxMessage(row);
  const sendingSince = new Date().toISOString();
  const claimed = await run((db) =>
    db.message.updateMany({
      where:
        row.status === "QUEUED"
          ? { id: messageId, status: "QUEUED" }
          : { id: messageId, status: "SENDING", metadata: { path: ["sendingSince"], equals: meta.sendingSince as string } },
      data: { status: "SENDING", metadata: { ...meta, sendingSince } as Prisma.InputJsonValue },
    }),
  );
  if (claimed.count === 0)
    return run(async (db) => toInboxMessage(await db.message.findUniqueOrThrow({ where: { id: messageId }, select: MESSAGE_SELECT })));

  let outcome:
    | { status: "SENT"; provider: string; providerMessageId: string; metadata: Record<string, unknown> }
    | { status: "FAILED"; error: string };
  try {
    if (row.channel === "SMS") {
      const port = smsPort();
      const sent = await port.send(conversation.customer.phone!, row.body, { tenantId });
      outcome = {
        status: "SENT",
        provider: port.provider,
        providerMessageId: sent.providerMessageId,
        metadata: { segments: sent.segments },
      };
    } else if (row.channel === "EMAIL") {
      const locale = conversation.customer.locale;
      const subject = row.subject ?? translateNow(locale, "inbox:email.defaultSubject", { business: tenantName });
      const sent = await sendTenantEmail(tenantId, {
        to: conversation.customer.email!,
        kind: "inbox.reply",
        subject,
        text: row.body,
        html: plainTextToHtml(row.body),
      });
      outcome = { status: "SENT", provider: `email-${sent.provider}`, providerMessageId: sent.id, metadata: { emailStatus: sent.status } };
    } else {
      throw new Error(`channel ${row.channel} cannot be sent from the inbox`);
    }
  } catch (error) {
    const text = (error as Error).message.slice(0, 300);
    logger.warn({ messageId, channel: row.channel, err: text }, "outbound message failed");
    outcome = { status: "FAILED", error: text };
  }

  return run(async (db) => {
    const metadata = { ...meta, ...(outcome.status === "SENT" ? outcome.metadata : { error: outcome.error }) } as Prisma.InputJsonValue;
    const data =
      outcome.status === "SENT"
        ? { status: "SENT" as const, provider: outcome.provider, providerMessageId: outcome.providerMessageId, metadata }
        : { status: "FAILED" as const, metadata };
    // Only our claim moves on (a delivery that took over a stale claim re-stamped it).
    const moved = await db.message.updateMany({
      where: { id: messageId, status: "SENDING", metadata: { path: ["sendingSince"], equals: sendingSince } },
      data,
    });
    if (moved.count === 1 && outcome.status === "SENT" && row.channel === "SMS") {
      // Billable segments; the offline adapter carries nothing, so its texts are marked simulated.
      await recordUsage(db, {
        kind: "SMS_SEGMENT_OUTBOUND",
        quantity: Math.max(1, Number(outcome.metadata.segments) || 1),
        idempotencyKey: `sms-out:${messageId}`,
        sourceType: "message",
        sourceId: messageId,
        simulated: outcome.provider === "local",
      });
    }
    const updated = await db.message.findUniqueOrThrow({ where: { id: messageId }, select: MESSAGE_SELECT });
    await announceInboxEvent(db, {
      kind: "message.updated",
      conversationId: updated.conversationId,
      messageId,
      channel: updated.channel,
      direction: updated.direction,
    });
    return toInboxMessage(updated);
  });
}

function plainTextToHtml(text: string): string {
  const escaped = text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  return escaped
    .split(/\n{2,}/)
    .map((p) => `<p>${p.replace(/\n/g, "<br>")}</p>`)
    .join("\n");
}
