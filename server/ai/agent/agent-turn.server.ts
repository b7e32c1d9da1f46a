import { withTenant } from "../../db/db.server";
import { translateNow } from "../../i18n/translate.server";
import { aiPort } from "../../integrations/ai";
import type { TAiMessage } from "../../integrations/ai/port";
import { logger } from "../../observability/logger.server";
import { loadAgentContext, personaOf, slotLabel, type AgentContext, type TAgentLocale } from "./agent-context.server";
import { offlineReply } from "./offline-reply.server";
import { moneyAmountsIn, moneyAmountsInResult, unverifiedAmounts } from "./price-guard";
import { clockTimesInResult, unverifiedTimes } from "./time-guard";
import { agentTools, localDate, runAgentTool, type AgentToolScope } from "./tools.server";

/**
 * One turn of the AI agent (SMS or voice): the customer said `text`; the model answers
 * using tools over the business's real data (at most MAX_TOOL_ROUNDS rounds), or, without
 * an AI key, the offline templates answer. Network calls (the model) happen outside any transaction; each
 * tool runs in its own unit of work. A reply naming a price or a clock time that no tool
 * returned (nor the customer said) is replaced by a hand-over.
 */
export interface TAgentTurnInput {
  channel: "SMS" | "VOICE";
  customerId: string | null;
  callerPhone: string | null;
  locale: TAgentLocale;
  history: Array<{ role: "customer" | "agent"; text: string }>;
  text: string;
  now?: Date;
}

export interface TAgentTurnResult {
  reply: string;
  handoff: boolean;
  /** Why the agent handed over (for the owner's note); null when it did not. */
  handoffReason: string | null;
  bookingId: string | null;
  /** Tool names in the order they ran. */
  toolCalls: string[];
  offline: boolean;
}

export const MAX_TOOL_ROUNDS = 5;

const TONE: Record<AgentContext["ai"]["tone"], string> = {
  FRIENDLY: "warm and friendly",
  PROFESSIONAL: "polite and professional",
  PLAYFUL: "light and playful, still respectful",
};

export async function agentTurn(tenantId: string, input: TAgentTurnInput): Promise<TAgentTurnResult> {
  const now = input.now ?? new Date();
  const ctx = await withTenant(tenantId, (db) => loadAgentContext(db, input.customerId));
  const scope: AgentToolScope = {
    ctx,
    locale: input.locale,
    channel: input.channel,
    customerId: ctx.customer?.id ?? null,
    callerPhone: input.callerPhone ?? ctx.customer?.phone ?? null,
    now,
  };
  const port = aiPort();
  if (port.provider === "local") {
    const note = translateNow(input.locale, "agent:offline.note");
    const noted = input.history.some((h) => h.role === "agent" && h.text.includes(note));
    return finish(await offlineReply(scope, input.text, { noted }), input.channel);
  }

  const messages: TAiMessage[] = [
    ...input.history.map((h): TAiMessage =>
      h.role === "customer" ? { role: "user", content: h.text } : { role: "assistant", content: h.text },
    ),
    { role: "user", content: input.text },
  ];
  // Prices the agent already said in this thread passed this check when they were said.
  const verified = new Set<number>(input.history.filter((h) => h.role === "agent").flatMap((h) => moneyAmountsIn(h.text)));
  // Times: what tools return, what the customer said, what the agent already said.
  const verifiedTimes = clockTimesInResult([...input.history.map((h) => h.text), input.text, slotLabel(now, "en", ctx.timeZone)]);
  const toolCalls: string[] = [];
  const tools = agentTools();
  const system = systemPrompt(ctx, input, now);
  let bookingId: string | null = null;
  let handoffReason: string | null = null;
  let final: string | null = null;

  for (let round = 0; round < MAX_TOOL_ROUNDS && final === null && handoffReason === null; round++) {
    const answer = await port.chat({ system, messages, tools });
    if (answer.toolCalls.length === 0) {
      final = answer.content?.trim() || null;
      if (final === null) handoffReason = translateNow(ctx.ownerLocale, "agent:handoff.noAnswer");
      break;
    }
    messages.push({ role: "assistant", content: answer.content, toolCalls: answer.toolCalls });
    for (const call of answer.toolCalls) {
      toolCalls.push(call.name);
      const outcome = await runAgentTool(scope, call.name, call.arguments);
      moneyAmountsInResult(outcome.result, verified);
      clockTimesInResult(outcome.result, verifiedTimes);
      if (outcome.bookingId) bookingId = outcome.bookingId;
      if (outcome.handoffReason) handoffReason = outcome.handoffReason;
      messages.push({ role: "tool", toolCallId: call.id, content: JSON.stringify(outcome.result) });
    }
  }
  if (final === null && handoffReason === null) handoffReason = translateNow(ctx.ownerLocale, "agent:handoff.tooManySteps");

  if (final !== null && handoffReason === null) {
    const invented = unverifiedAmounts(final, verified);
    if (invented.length) {
      logger.warn({ tenantId, amounts: invented }, "agent reply quoted a price no tool returned; handing over");
      handoffReason = translateNow(ctx.ownerLocale, "agent:handoff.unverifiedPrice");
      final = null;
    }
  }
  if (final !== null && handoffReason === null) {
    const invented = unverifiedTimes(final, verifiedTimes);
    if (invented.length) {
      logger.warn({ tenantId, times: invented }, "agent reply named a time no tool returned; handing over");
      handoffReason = translateNow(ctx.ownerLocale, "agent:handoff.unverifiedTime");
      final = null;
    }
  }
  if (handoffReason !== null) {
    // A booking made before handing over still gets its own confirmation text (booking/created).
    return finish(
      { reply: translateNow(input.locale, "agent:handoff.reply"), handoff: true, handoffReason, bookingId, toolCalls, offline: false },
      input.channel,
    );
  }
  return finish({ reply: final!, handoff: false, handoffReason: null, bookingId, toolCalls, offline: false }, input.channel);
}

function systemPrompt(ctx: AgentContext, input: TAgentTurnInput, now: Date): string {
  const { persona, greeting } = personaOf(ctx, input.locale);
  const language = input.locale === "es" ? "Spanish (formal: usted)" : "English";
  const lines = [
    persona,
    `You work for ${ctx.businessName}. Tone: ${TONE[ctx.ai.tone]}.`,
    input.channel === "SMS"
      ? "You are answering text messages: at most 320 characters, plain text."
      : "You are speaking on a phone call: one or two short sentences, no links, no emoji, no lists.",
    `Now it is ${slotLabel(now, "en", ctx.timeZone)} (${localDate(now, ctx.timeZone)}) in the business's time zone ${ctx.timeZone}. Dates for tools are local dates.`,
    `The customer: ${ctx.customer ? ctx.customer.name : "not known yet"}${input.callerPhone ? `, phone ${input.callerPhone}` : ""}.`,
    `Answer in ${language}, the customer's language; if they write in the other of English or Spanish, switch to it.`,
    "Rules:",
    "- Never state a price or a time that no tool returned: prices come from list_services or find_open_slots, times from find_open_slots, hours from business_hours.",
    "- Book only with book_slot, at a startsAt that find_open_slots returned, for a service and time the customer asked for or agreed to. Tell them the confirmation text follows.",
    "- Answer general questions from faq. Loyalty points: loyalty_balance.",
    ctx.ai.handoffToHumanWhenUnsure
      ? "- If the customer asks for a person, or you are unsure, call handoff_to_human with the reason."
      : "- If the customer asks for a person, call handoff_to_human with the reason.",
    input.channel === "SMS" ? `- The public booking page is ${ctx.bookingUrl}` : "- Never read out links.",
    `A first message may start with: ${greeting}`,
  ];
  return lines.join("\n");
}

const URL_PATTERN = /\bhttps?:\/\/\S+/gi;
const EMOJI = /\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}]|\u{FE0F}|\u{200D}/gu;
const MAX_VOICE_CHARS = 400;

/** Voice replies are spoken: no links or emoji, and short. */
export function forVoice(text: string): string {
  let spoken = text.replace(URL_PATTERN, "").replace(EMOJI, "").replace(/\s+/g, " ").trim();
  if (spoken.length > MAX_VOICE_CHARS) {
    const cut = spoken.slice(0, MAX_VOICE_CHARS);
    const end = Math.max(cut.lastIndexOf(". "), cut.lastIndexOf("? "), cut.lastIndexOf("! "));
    spoken = end > 0 ? cut.slice(0, end + 1) : `${cut.trimEnd()}…`;
  }
  return spoken;
}

function finish(result: TAgentTurnResult, channel: "SMS" | "VOICE"): TAgentTurnResult {
  return channel === "VOICE" ? { ...result, reply: forVoice(result.reply) } : result;
}
