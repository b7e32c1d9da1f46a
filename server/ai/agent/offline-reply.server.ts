import { translateNow } from "../../i18n/translate.server";
import { personaOf } from "./agent-context.server";
import type { TAgentTurnResult } from "./agent-turn.server";
import { tidySentence } from "../../notifications/templates.server";
import { detectOfflineIntent, requestedDayOffset } from "./offline-intent";
import { addDays, businessHours, listServicesForAgent, localDate, runAgentTool, type AgentToolScope } from "./tools.server";

/**
 * The assistant without an AI key: keyword intent (offline-intent.ts) answered from the
 * same tool functions the model uses, with the offline note once. It never books: it sends
 * the public booking page instead (spoken as "our website" on calls).
 */
export async function offlineReply(scope: AgentToolScope, text: string, options: { noted?: boolean } = {}): Promise<TAgentTurnResult> {
  const { ctx, locale } = scope;
  const t = (key: string, vars: Record<string, unknown> = {}) => translateNow(locale, `agent:${key}`, vars);
  const faqQuestions = ctx.faq.map((f) => f.question[locale]);
  const intent = detectOfflineIntent(text, faqQuestions);
  const link = scope.channel === "SMS" ? t("offline.bookAt", { url: ctx.bookingUrl }) : t("offline.bookOnWebsite");
  const toolCalls: string[] = [];
  let body: string;
  let handoffReason: string | null = null;

  switch (intent.kind) {
    case "HUMAN":
      toolCalls.push("handoff_to_human");
      handoffReason = translateNow(ctx.ownerLocale, "agent:handoff.customerAsked");
      body = t("handoff.reply");
      break;
    case "HOURS": {
      toolCalls.push("business_hours");
      const hours = await businessHours(scope);
      body = t("offline.hours", { hours: hours.text });
      break;
    }
    case "PRICES": {
      toolCalls.push("list_services");
      const { services } = await listServicesForAgent(scope);
      const list = services.map((s) => t("offline.serviceLine", { name: s.name, price: s.price, minutes: s.durationMinutes })).join("; ");
      body = services.length ? `${t("offline.prices", { services: list })} ${link}` : `${t("offline.noServices")} ${link}`;
      break;
    }
    case "BOOK": {
      // Real open times from the slot engine (never invented), for the first service; booking itself happens online.
      const { services } = await listServicesForAgent(scope);
      const first = services[0];
      const today = localDate(scope.now, ctx.timeZone);
      // "Anything free Saturday?" looks from that day on.
      const offset = requestedDayOffset(text, isoWeekday(today));
      const fromDate = offset ? addDays(today, offset) : today;
      const open = first ? await runAgentTool(scope, "find_open_slots", JSON.stringify({ serviceId: first.id, fromDate })) : null;
      const slots = ((open?.result.slots ?? []) as Array<{ label: string }>).slice(0, 3);
      if (first) toolCalls.push("list_services", "find_open_slots");
      body = slots.length
        ? `${t("offline.nextTimes", { service: first!.name, times: slots.map((s) => s.label).join("; ") })} ${link}`
        : `${t("offline.book")} ${link}`;
      break;
    }
    case "MY_BOOKINGS": {
      toolCalls.push("my_bookings");
      const { result } = await runAgentTool(scope, "my_bookings", "{}");
      const bookings = (result.bookings ?? []) as Array<{ service: string; when: string }>;
      body = bookings.length
        ? t("offline.myBookings", { bookings: bookings.map((b) => `${b.service}: ${b.when}`).join("; ") })
        : `${t("offline.noBookings")} ${link}`;
      break;
    }
    case "LOYALTY":
      toolCalls.push("loyalty_balance");
      body = t("offline.noLoyalty");
      break;
    case "FAQ":
      toolCalls.push("faq");
      body = ctx.faq[intent.index].answer[locale];
      break;
    default:
      // The greeting only opens a conversation; later it would sound like a recording.
      body = options.noted ? `${t("offline.canHelp")} ${link}` : `${personaOf(ctx, locale).greeting} ${t("offline.canHelp")} ${link}`;
  }

  // The offline note once per conversation, not on every answer.
  body = tidySentence(body);
  return {
    reply: options.noted ? body : `${t("offline.note")} ${body}`,
    handoff: handoffReason !== null,
    handoffReason,
    bookingId: null,
    toolCalls,
    offline: true,
  };
}

/** ISO weekday (1 = Monday) of a local date YYYY-MM-DD. */
function isoWeekday(date: string): number {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}
