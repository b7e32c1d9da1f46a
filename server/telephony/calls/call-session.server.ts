import { agentTurn } from "../../ai/agent";
import { storeInboundMessage } from "../../conversations/store-inbound-message.server";
import { normalizePhone } from "../../customers/phone";
import { withTenant, type TenantDb } from "../../db/db.server";
import { Prisma } from "../../db/generated/prisma/client";
import { Conflict, NotFound } from "../../errors/domain-errors";
import { emitEvent } from "../../events/outbox.server";
import { isSupportedLocale, type TLocale } from "../../i18n/localized-text";
import { translateNow } from "../../i18n/translate.server";
import { logger } from "../../observability/logger.server";
import { billableMinutes, recordUsage } from "../../usage/usage.server";
import { awaitingOf, needsAgentTurn, restoreCallActor, startCallActor, type TCallMachineEvent, type TCallSnapshot } from "./call-machine";
import type { TCallInstruction, TCallOutcome, TCallStep, TCallView } from "./call.types";
import { decideRoute, type TCallMode } from "./routing";
import { loadRoutingContext, routingInputOf } from "./routing-context.server";
import { formatDuration as clock } from "../duration";

/**
 * Calls as sessions around the call machine: each event (from the SignalWire driver, the
 * simulator or a test) restores the machine from calls.snapshot, applies the event and
 * stores the new snapshot and steps, with the row locked, so any instance can take the
 * next step and two steps never interleave. When the machine asks for an agent turn the
 * agent runs between two units of work (never inside a transaction). The end of a call is
 * recorded once: outcome and duration, a CALL (and VOICEMAIL) message in the inbox, the
 * call/ended (and voicemail/recorded) events, call and AI minutes.
 */

/** What happened on the line (the driver's events; the session stamps the time). */
export type TCallEvent = TCallMachineEvent extends infer E ? (E extends { type: string } ? Omit<E, "at"> : never) : never;

export interface TStartCallInput {
  tenantId: string;
  provider: string;
  providerCallId: string;
  from: string;
  to: string;
  simulated: boolean;
}

export type TVoiceAgent = (
  tenantId: string,
  input: {
    channel: "VOICE";
    customerId: string | null;
    callerPhone: string | null;
    locale: TLocale;
    history: Array<{ role: "customer" | "agent"; text: string }>;
    text: string;
  },
) => Promise<{ reply: string; handoff: boolean; bookingId: string | null }>;

export interface TCallSessionDeps {
  agent: TVoiceAgent;
  now: () => Date;
}

const DEFAULT_DEPS: TCallSessionDeps = { agent: (tenantId, input) => agentTurn(tenantId, input), now: () => new Date() };

const CALL_SELECT = {
  id: true,
  tenantId: true,
  provider: true,
  providerCallId: true,
  fromNumber: true,
  customerId: true,
  mode: true,
  language: true,
  status: true,
  outcome: true,
  simulated: true,
  steps: true,
  snapshot: true,
  startedAt: true,
  endedAt: true,
  durationSeconds: true,
} as const;

type TCallRow = Prisma.CallGetPayload<{ select: typeof CALL_SELECT }>;

function statusOf(snapshot: TCallSnapshot): string {
  if (snapshot.status === "done") return "COMPLETED";
  return snapshot.matches("ringing") ? "RINGING" : "IN_PROGRESS";
}

function viewOf(row: TCallRow, snapshot: TCallSnapshot | null, instructions: TCallInstruction[]): TCallView {
  const live = snapshot !== null && snapshot.status !== "done";
  return {
    id: row.id,
    status: live ? "LIVE" : "ENDED",
    outcome: (row.outcome as TCallOutcome | null) ?? null,
    language: isSupportedLocale(row.language) ? row.language : "en",
    mode: row.mode as TCallMode,
    awaiting: live ? awaitingOf(snapshot) : null,
    ringing: live ? snapshot.context.ringing : [],
    steps: (row.steps as unknown as TCallStep[]) ?? [],
    instructions,
    from: row.fromNumber,
    simulated: row.simulated,
    startedAt: row.startedAt.toISOString(),
    durationSeconds: row.durationSeconds,
  };
}

/** A call from `from` comes in: decide the route, start the flow, store the call. Idempotent on (provider, providerCallId). */
export async function startCall(input: TStartCallInput, deps: TCallSessionDeps = DEFAULT_DEPS): Promise<TCallView> {
  const now = deps.now();
  const ctx = await loadRoutingContext(input.tenantId, input.from, now);
  const route = decideRoute(routingInputOf(ctx));
  const actor = startCallActor({
    startedAt: now.toISOString(),
    language: ctx.language,
    bilingualMenu: ctx.phone.bilingualMenu,
    route,
    ringTargets: ctx.phone.ringTargets,
    ringStrategy: ctx.phone.ringStrategy,
    ringSeconds: ctx.phone.ringSeconds,
    businessName: ctx.tenantName,
    aiGreeting: ctx.ai.greeting,
    pronunciations: ctx.phone.pronunciations,
  });
  const snapshot = actor.getSnapshot();
  return withTenant(input.tenantId, async (db) => {
    const key = { tenantId: input.tenantId, provider: input.provider, providerCallId: input.providerCallId };
    const created = await db.call.createManyAndReturn({
      data: [
        {
          ...key,
          direction: "INBOUND",
          fromNumber: input.from,
          toNumber: input.to,
          customerId: ctx.caller.customerId,
          mode: ctx.phone.mode,
          language: snapshot.context.language,
          status: statusOf(snapshot),
          simulated: input.simulated,
          steps: snapshot.context.steps as unknown as Prisma.InputJsonValue,
          snapshot: actor.getPersistedSnapshot() as unknown as Prisma.InputJsonValue,
          startedAt: now,
        },
      ],
      skipDuplicates: true,
      select: CALL_SELECT,
    });
    if (created.length === 1) return viewOf(created[0]!, snapshot, snapshot.context.instructions);
    // A retried webhook for a call we already have: answer with its current state.
    const existing = await db.call.findFirstOrThrow({ where: key, select: CALL_SELECT });
    return viewOf(existing, existing.snapshot ? restoreCallActor(existing.snapshot).getSnapshot() : null, []);
  });
}

/** The call's current state (NotFound for another tenant's call). */
export async function getCallView(tenantId: string, callId: string): Promise<TCallView> {
  return withTenant(tenantId, async (db) => {
    const row = await db.call.findFirst({ where: { id: callId, tenantId }, select: CALL_SELECT });
    if (!row) throw NotFound("calls:errors.callNotFound");
    return viewOf(row, row.snapshot ? restoreCallActor(row.snapshot).getSnapshot() : null, []);
  });
}

/** The tenant's latest calls, newest first (the simulator's and the dashboard's call log). */
export async function recentCallViews(tenantId: string, limit: number, filter: { simulated?: boolean } = {}): Promise<TCallView[]> {
  return withTenant(tenantId, async (db) => {
    const rows = await db.call.findMany({
      where: { tenantId, ...(filter.simulated === undefined ? {} : { simulated: filter.simulated }) },
      orderBy: [{ startedAt: "desc" }, { id: "asc" }],
      take: limit,
      select: CALL_SELECT,
    });
    return rows.map((row) => viewOf(row, row.snapshot ? restoreCallActor(row.snapshot).getSnapshot() : null, []));
  });
}

/**
 * Applies what happened on the line to the call `callId` and returns its new state with
 * the driver's next instructions. An ended call ignores further events (ending twice
 * changes nothing); an event the call is not waiting for is a Conflict.
 */
export async function advanceCall(
  tenantId: string,
  callId: string,
  event: TCallEvent,
  deps: TCallSessionDeps = DEFAULT_DEPS,
): Promise<TCallView> {
  let step = await applyEvent(tenantId, callId, event as TCallMachineEvent, deps);
  const instructions = [...step.view.instructions];
  while (step.agentRequest) {
    const request = step.agentRequest;
    let reply: { reply: string; handoff: boolean; bookingId: string | null };
    try {
      reply = await deps.agent(tenantId, request);
    } catch (error) {
      // The caller is still on the line: a failed agent hands over to the team instead of going silent.
      logger.error({ err: error, callId }, "voice agent turn failed; handing over");
      reply = { reply: "", handoff: true, bookingId: null };
    }
    step = await applyEvent(
      tenantId,
      callId,
      { type: "AGENT_REPLIED", reply: reply.reply, handoff: reply.handoff, bookingId: reply.bookingId },
      deps,
      true,
    );
    instructions.push(...step.view.instructions);
  }
  return { ...step.view, instructions };
}

interface TAppliedStep {
  view: TCallView;
  agentRequest: Parameters<TVoiceAgent>[1] | null;
}

async function applyEvent(
  tenantId: string,
  callId: string,
  event: TCallMachineEvent,
  deps: TCallSessionDeps,
  fromAgent = false,
): Promise<TAppliedStep> {
  return withTenant(tenantId, async (db) => {
    // Lock the row: steps of one call apply one at a time, whichever instance takes them.
    const locked = await db.$queryRaw<
      Array<{ id: string }>
    >`SELECT id FROM calls WHERE id = ${callId} AND tenant_id = ${tenantId} FOR UPDATE`;
    if (locked.length === 0) throw NotFound("calls:errors.callNotFound");
    const row = await db.call.findFirstOrThrow({ where: { id: callId, tenantId }, select: CALL_SELECT });
    if (row.endedAt || !row.snapshot) return { view: viewOf(row, null, []), agentRequest: null };

    const actor = restoreCallActor(row.snapshot);
    const before = actor.getSnapshot();
    const stamped = { ...event, at: deps.now().toISOString() } as TCallMachineEvent;
    if (!before.can(stamped)) {
      // The caller hung up while the agent was thinking: its late reply has nowhere to go.
      if (fromAgent) return { view: viewOf(row, before, []), agentRequest: null };
      throw Conflict("calls:errors.unexpectedInput", { event: event.type });
    }
    actor.send(stamped);
    const after = actor.getSnapshot();
    const instructions = after.context.instructions.slice(before.context.instructions.length);
    const ended = after.status === "done";
    const updated = await db.call.update({
      where: { id: row.id },
      data: {
        language: after.context.language,
        status: statusOf(after),
        steps: after.context.steps as unknown as Prisma.InputJsonValue,
        snapshot: ended ? Prisma.DbNull : (actor.getPersistedSnapshot() as unknown as Prisma.InputJsonValue),
        answeredAt: after.context.answeredAt ? new Date(after.context.answeredAt) : null,
      },
      select: CALL_SELECT,
    });
    const final = ended ? await finishCall(db, updated, after) : updated;
    const agentRequest = needsAgentTurn(after)
      ? {
          channel: "VOICE" as const,
          customerId: final.customerId,
          callerPhone: normalizePhone(final.fromNumber),
          locale: after.context.language,
          history: after.context.transcript
            .slice(0, -1)
            .map((h) => ({ role: h.role === "caller" ? ("customer" as const) : ("agent" as const), text: h.text })),
          text: after.context.transcript.at(-1)?.text ?? "",
        }
      : null;
    return { view: viewOf(final, ended ? null : after, instructions), agentRequest };
  });
}

function summaryOf(locale: TLocale, outcome: TCallOutcome, snapshot: TCallSnapshot): string {
  const ctx = snapshot.context;
  switch (outcome) {
    case "HUMAN": {
      const talked = ctx.answeredAt && ctx.endedAt ? (Date.parse(ctx.endedAt) - Date.parse(ctx.answeredAt)) / 1000 : 0;
      return translateNow(locale, "calls:summary.human", {
        name: ctx.answeredBy?.name ?? "",
        minutes: Math.max(1, billableMinutes(talked)),
      });
    }
    case "AI":
      return translateNow(locale, "calls:summary.ai");
    case "VOICEMAIL":
      return translateNow(locale, "calls:summary.voicemail", { duration: clock(ctx.voicemail?.durationSeconds ?? 0) });
    case "MISSED":
      return translateNow(locale, "calls:summary.missed");
    case "ABANDONED":
      return translateNow(locale, "calls:summary.abandoned");
  }
}

/** Records the end of a call, once (the caller holds the row lock and saw it live). */
async function finishCall(db: TenantDb, row: TCallRow, snapshot: TCallSnapshot): Promise<TCallRow> {
  const ctx = snapshot.context;
  const outcome: TCallOutcome = ctx.outcome ?? "ABANDONED";
  const endedAt = new Date(ctx.endedAt ?? new Date().toISOString());
  const durationSeconds = Math.max(0, Math.round((endedAt.getTime() - row.startedAt.getTime()) / 1000));
  const tenant = await db.tenant.findUniqueOrThrow({ where: { id: db.tenantId }, select: { defaultLocale: true } });
  const ownerLocale: TLocale = isSupportedLocale(tenant.defaultLocale) ? tenant.defaultLocale : "en";
  const language = ctx.language;

  let customerId = row.customerId;
  const callerPhone = normalizePhone(row.fromNumber);
  // A withheld or malformed caller id has no customer to file the call under.
  if (customerId || callerPhone) {
    const customer = customerId ? { id: customerId } : { phone: callerPhone! };
    const stored = await storeInboundMessage(db, {
      customer,
      channel: "CALL",
      body: summaryOf(ownerLocale, outcome, snapshot),
      provider: row.provider,
      providerMessageId: `call:${row.providerCallId}`,
      receivedAt: row.startedAt,
      metadata: { callId: row.id, outcome, steps: ctx.steps.length, durationSeconds },
    });
    customerId = stored.customerId;
    if (outcome === "VOICEMAIL" && ctx.voicemail) {
      const voicemail = await storeInboundMessage(db, {
        customer: { id: customerId },
        channel: "VOICEMAIL",
        body: translateNow(ownerLocale, "calls:summary.voicemail", { duration: clock(ctx.voicemail.durationSeconds) }),
        provider: row.provider,
        providerMessageId: `voicemail:${row.providerCallId}`,
        receivedAt: endedAt,
        metadata: {
          callId: row.id,
          recordingUrl: ctx.voicemail.recordingUrl,
          durationSeconds: ctx.voicemail.durationSeconds,
          spokenText: ctx.voicemail.spokenText,
        },
      });
      if (voicemail.created) {
        await emitEvent(db, "voicemail/recorded", {
          tenantId: db.tenantId,
          callId: row.id,
          messageId: voicemail.message.id,
          conversationId: voicemail.conversationId,
          language,
          recordingUrl: ctx.voicemail.recordingUrl,
          durationSeconds: ctx.voicemail.durationSeconds,
        });
      }
    }
  }

  const finished = await db.call.update({
    where: { id: row.id },
    data: { outcome, endedAt, durationSeconds, customerId, status: "COMPLETED", snapshot: Prisma.DbNull },
    select: CALL_SELECT,
  });
  await emitEvent(db, "call/ended", {
    tenantId: db.tenantId,
    callId: row.id,
    outcome,
    from: row.fromNumber,
    customerId,
    language,
    simulated: row.simulated,
  });
  await recordUsage(db, {
    kind: "CALL_MINUTE_INBOUND",
    quantity: billableMinutes(durationSeconds),
    idempotencyKey: `call-in:${row.id}`,
    sourceType: "call",
    sourceId: row.id,
    simulated: row.simulated,
    occurredAt: endedAt,
  });
  await recordUsage(db, {
    kind: "AI_MINUTE",
    quantity: billableMinutes(ctx.aiSeconds),
    idempotencyKey: `call-ai:${row.id}`,
    sourceType: "call",
    sourceId: row.id,
    simulated: row.simulated,
    occurredAt: endedAt,
  });
  // The leg to the teammate who answered is an outbound call the carrier bills too.
  if (ctx.answeredAt) {
    const bridgedSeconds = Math.max(0, Math.round((endedAt.getTime() - Date.parse(ctx.answeredAt)) / 1000));
    await recordUsage(db, {
      kind: "CALL_MINUTE_OUTBOUND",
      quantity: billableMinutes(bridgedSeconds),
      idempotencyKey: `call-out:${row.id}`,
      sourceType: "call",
      sourceId: row.id,
      simulated: row.simulated,
      occurredAt: endedAt,
    });
  }
  return finished;
}
