import { deliverOutboundMessage } from "../conversations/deliver-outbound-message.server";
import { recordOutboundMessage } from "../conversations/record-outbound-message.server";
import { readConfig } from "../config/config-service.server";
import { withTenant } from "../db/db.server";
import { env } from "../env.server";
import { isSupportedLocale, type TLocale } from "../i18n/localized-text";
import { translateNow } from "../i18n/translate.server";
import { appBaseUrl } from "../notifications/format";
import type { TEventData } from "../../inngest/events";

/**
 * After a call: the PHONE node's missed-call escalation (a text to the caller and a notice
 * to the owner when nobody picked up) and "always text the caller and notify me" (after
 * every call). Pure decision first, then each effect as its own durable step.
 */
type CallEnded = TEventData<"call/ended">;

export interface TCallFollowUpPlan {
  /** Which text the caller gets, if any. */
  text: "missed" | "followUp" | null;
  /** Whether the owner gets a call notice (voicemails are announced by the voicemail function, with their summary). */
  notifyOwner: boolean;
}

const UNANSWERED = new Set<CallEnded["outcome"]>(["MISSED", "ABANDONED", "VOICEMAIL"]);

export function planCallFollowUp(
  phone: { missedCallTextBack: boolean; alwaysTextAndNotify: boolean },
  outcome: CallEnded["outcome"],
): TCallFollowUpPlan {
  const unanswered = UNANSWERED.has(outcome);
  const text =
    unanswered && (phone.missedCallTextBack || phone.alwaysTextAndNotify) ? "missed" : phone.alwaysTextAndNotify ? "followUp" : null;
  const notifyOwner = outcome !== "VOICEMAIL" && ((unanswered && phone.missedCallTextBack) || phone.alwaysTextAndNotify);
  return { text, notifyOwner };
}

export async function callFollowUpPlan(event: CallEnded): Promise<TCallFollowUpPlan> {
  const phone = await withTenant(event.tenantId, (db) => readConfig(db, "PHONE"));
  return planCallFollowUp(phone, event.outcome);
}

/**
 * Texts the caller once per call (idempotency key `call-followup:<callId>`), in the
 * language of the call, with the booking link. The send rules apply as for any automated
 * text (opt-outs, quiet hours): a blocked text is recorded with its reason. Returns the
 * body when it went out.
 */
export async function textCallerAfterCall(
  event: CallEnded,
  kind: "missed" | "followUp",
): Promise<{ status: string; body: string | null; messageId: string }> {
  const locale: TLocale = isSupportedLocale(event.language) ? event.language : "en";
  const recorded = await withTenant(event.tenantId, async (db) => {
    const tenant = await db.tenant.findUniqueOrThrow({ where: { id: event.tenantId }, select: { name: true, slug: true } });
    const link = `${appBaseUrl(env().APP_URL, env().PORT)}/s/${tenant.slug}/book`;
    const body = translateNow(locale, `notifications:callerText.${kind}`, { business: tenant.name, link });
    const customerId =
      event.customerId ?? (await db.customer.findFirst({ where: { phone: event.from, mergedIntoId: null }, select: { id: true } }))?.id;
    if (!customerId) throw new Error(`call ${event.callId}: no customer for ${event.from}`);
    return recordOutboundMessage(db, {
      target: { customerId },
      channel: "SMS",
      body,
      authorUserId: null,
      idempotencyKey: `call-followup:${event.callId}`,
      metadata: { callId: event.callId, followUp: kind },
    });
  });
  const delivered = await deliverOutboundMessage((fn) => withTenant(event.tenantId, fn), recorded.message.id);
  return { status: delivered.status, body: delivered.status === "SENT" ? delivered.body : null, messageId: delivered.id };
}
