import { describe, expect, it } from "vitest";
import { writeConfig } from "../../../server/config/config-service.server";
import { withTenant } from "../../../server/db/db.server";
import { isDomainError } from "../../../server/errors/domain-errors";
import { advanceCall, getCallView, startCall } from "../../../server/telephony/calls/call-session.server";
import { loadRoutingContext } from "../../../server/telephony/calls/routing-context.server";
import { carrierCallFlow } from "../../../server/telephony/calls/call-flow.server";
import { createTestTenant, uid } from "../../helpers/factories";
import { createCustomer, uniquePhone } from "../inbox/support";
import { addService, addStaff } from "../booking/support";
import { ANA, BEN, configurePhone, fakeDeps } from "./support";

/**
 * Calls end to end through startCall/advanceCall on a real database, with a scripted
 * agent and a hand-moved clock: the calls row and its steps, the inbox messages, the
 * outbox events and the usage, recorded once even when the end is reported twice.
 */
async function facts(tenantId: string, callId: string) {
  return withTenant(tenantId, async (db) => ({
    call: await db.call.findUniqueOrThrow({ where: { id: callId } }),
    messages: await db.message.findMany({
      where: { tenantId },
      orderBy: { createdAt: "asc" },
      select: { channel: true, body: true, provider: true, providerMessageId: true, metadata: true, conversationId: true },
    }),
    events: await db.outboxEvent.findMany({
      where: { tenantId, name: { in: ["call/ended", "voicemail/recorded"] } },
      select: { name: true, data: true },
    }),
    usage: await db.usageEvent.findMany({
      where: { tenantId },
      select: { kind: true, quantity: true, idempotencyKey: true, simulated: true },
    }),
  }));
}

describe("call sessions", () => {
  it("human-first, bilingual: Spanish chosen, first target unanswered, Ben answers; the end is recorded once", async () => {
    const t = await createTestTenant();
    await configurePhone(t.id, { mode: "HUMAN_FIRST", bilingualMenu: true });
    const { deps, advance } = fakeDeps();
    const from = uniquePhone();

    let view = await startCall(
      { tenantId: t.id, provider: "signalwire", providerCallId: uid("CA"), from, to: "+15125550100", simulated: false },
      deps,
    );
    expect(view).toMatchObject({ status: "LIVE", awaiting: "digit", language: "en", mode: "HUMAN_FIRST", from });
    expect(view.instructions.map((i) => i.kind)).toEqual(["say", "say", "say", "gather_digit"]);

    advance(3);
    view = await advanceCall(t.id, view.id, { type: "MENU_DIGIT", digit: "2" }, deps);
    expect(view).toMatchObject({ language: "es", awaiting: "ring", ringing: [ANA] });
    expect(view.instructions[0]).toMatchObject({ kind: "say", voiceLanguage: "es-US" });

    advance(20);
    view = await advanceCall(t.id, view.id, { type: "RING_NO_ANSWER" }, deps);
    expect(view.ringing).toEqual([BEN]);
    advance(5);
    view = await advanceCall(t.id, view.id, { type: "RING_ANSWERED", target: BEN.phone }, deps);
    expect(view.instructions).toEqual([{ kind: "connect", target: BEN }]);
    expect(view.awaiting).toBeNull();
    advance(152);
    view = await advanceCall(t.id, view.id, { type: "HANGUP" }, deps);
    expect(view).toMatchObject({ status: "ENDED", outcome: "HUMAN", durationSeconds: 180 });

    const once = await facts(t.id, view.id);
    expect(once.call).toMatchObject({ outcome: "HUMAN", status: "COMPLETED", language: "es", durationSeconds: 180, snapshot: null });
    expect(once.call.answeredAt?.toISOString()).toBe(new Date(Date.UTC(2030, 0, 7, 16, 0, 28)).toISOString());
    expect((once.call.steps as Array<{ kind: string }>).map((s) => s.kind)).toEqual([
      "route",
      "say",
      "say",
      "say",
      "pressed",
      "say",
      "ring",
      "no_answer",
      "ring",
      "answered",
      "hangup",
      "ended",
    ]);
    expect(once.messages).toHaveLength(1);
    // The owner reads the inbox in the business's language; Ben talked for 2.5 minutes.
    expect(once.messages[0]).toMatchObject({
      channel: "CALL",
      body: "Call answered by Ben (3 min)",
      provider: "signalwire",
      metadata: { callId: view.id, outcome: "HUMAN", steps: 12 },
    });
    expect(once.call.customerId).not.toBeNull();
    expect(once.events).toEqual([
      {
        name: "call/ended",
        data: {
          tenantId: t.id,
          callId: view.id,
          outcome: "HUMAN",
          from,
          customerId: once.call.customerId,
          language: "es",
          simulated: false,
        },
      },
    ]);
    // Inbound: the whole call (3 min); outbound: the leg to Ben, bridged for 152 s (3 started minutes).
    expect(once.usage).toEqual([
      { kind: "CALL_MINUTE_INBOUND", quantity: 3, idempotencyKey: `call-in:${view.id}`, simulated: false },
      { kind: "CALL_MINUTE_OUTBOUND", quantity: 3, idempotencyKey: `call-out:${view.id}`, simulated: false },
    ]);

    // The carrier reports the hangup again: nothing changes.
    advance(30);
    const again = await advanceCall(t.id, view.id, { type: "HANGUP" }, deps);
    expect(again).toMatchObject({ status: "ENDED", outcome: "HUMAN", instructions: [] });
    const twice = await facts(t.id, view.id);
    expect(twice.messages).toHaveLength(1);
    expect(twice.events).toHaveLength(1);
    expect(twice.usage).toEqual(once.usage);
    expect(twice.call.updatedAt.getTime()).toBe(once.call.updatedAt.getTime());
  });

  it("AI first: the agent answers with the call's history, a transfer rings the team, nobody answers, a voicemail is left", async () => {
    const t = await createTestTenant();
    await configurePhone(t.id, {
      mode: "AI_FIRST",
      ringStrategy: "SIMULTANEOUS",
      pronunciations: [{ written: "ceramic", spoken: "seh-ram-ick" }],
    });
    const customer = await createCustomer(t.id, { locale: "es", name: "Lucía" });
    const { deps, advance, asked } = fakeDeps([
      { reply: "El recubrimiento ceramic cuesta $300.", bookingId: null },
      { reply: "Con gusto.", handoff: false },
    ]);

    let view = await startCall(
      { tenantId: t.id, provider: "simulator", providerCallId: uid("sim"), from: customer.phone!, to: "+15125550100", simulated: true },
      deps,
    );
    expect(view).toMatchObject({ language: "es", awaiting: "speech" });
    expect(view.instructions[0]).toMatchObject({ kind: "say", voiceLanguage: "es-US" });

    advance(10);
    view = await advanceCall(t.id, view.id, { type: "CALLER_SAID", text: "¿Cuánto cuesta el ceramic?" }, deps);
    // One request: the caller's words, the agent's turn and the reply, spoken with the dictionary.
    expect(view.instructions).toEqual([
      { kind: "agent_turn", text: "¿Cuánto cuesta el ceramic?" },
      { kind: "say", text: "El recubrimiento seh-ram-ick cuesta $300.", voiceLanguage: "es-US", voice: "polly.Lupe-Neural" },
      { kind: "listen" },
    ]);
    advance(10);
    view = await advanceCall(t.id, view.id, { type: "CALLER_SAID", text: "Gracias" }, deps);
    expect(asked).toHaveLength(2);
    expect(asked[1]).toEqual({
      channel: "VOICE",
      customerId: customer.id,
      callerPhone: customer.phone,
      locale: "es",
      history: [
        { role: "customer", text: "¿Cuánto cuesta el ceramic?" },
        { role: "agent", text: "El recubrimiento ceramic cuesta $300." },
      ],
      text: "Gracias",
    });

    advance(41);
    view = await advanceCall(t.id, view.id, { type: "CALLER_SAID", text: "quiero hablar con una persona" }, deps);
    expect(view).toMatchObject({ awaiting: "ring", ringing: [ANA, BEN] });
    advance(20);
    view = await advanceCall(t.id, view.id, { type: "RING_NO_ANSWER" }, deps);
    expect(view.awaiting).toBe("recording");
    advance(45);
    view = await advanceCall(
      t.id,
      view.id,
      { type: "RECORDING_DONE", durationSeconds: 42, recordingUrl: null, spokenText: "Llámeme por favor" },
      deps,
    );
    expect(view).toMatchObject({ status: "ENDED", outcome: "VOICEMAIL", durationSeconds: 126 });

    const f = await facts(t.id, view.id);
    expect(f.messages.map((m) => [m.channel, m.body, m.providerMessageId])).toEqual([
      ["CALL", "Voicemail (0:42) — transcribing…", `call:${f.call.providerCallId}`],
      ["VOICEMAIL", "Voicemail (0:42) — transcribing…", `voicemail:${f.call.providerCallId}`],
    ]);
    const voicemail = f.messages[1]!;
    expect(voicemail.metadata).toEqual({ callId: view.id, recordingUrl: null, durationSeconds: 42, spokenText: "Llámeme por favor" });
    expect(f.events.map((e) => e.name).sort()).toEqual(["call/ended", "voicemail/recorded"]);
    expect(f.events.find((e) => e.name === "voicemail/recorded")?.data).toMatchObject({
      callId: view.id,
      conversationId: voicemail.conversationId,
      language: "es",
      durationSeconds: 42,
      recordingUrl: null,
    });
    expect(f.call.customerId).toBe(customer.id);
    // 61 s with the assistant (2 started minutes), 126 s on the line (3), flagged as simulated.
    expect(f.usage.sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
      { kind: "AI_MINUTE", quantity: 2, idempotencyKey: `call-ai:${view.id}`, simulated: true },
      { kind: "CALL_MINUTE_INBOUND", quantity: 3, idempotencyKey: `call-in:${view.id}`, simulated: true },
    ]);

    await advanceCall(t.id, view.id, { type: "HANGUP" }, deps);
    const after = await facts(t.id, view.id);
    expect([after.messages.length, after.events.length, after.usage.length]).toEqual([2, 2, 2]);
  });

  it("a failing agent hands the caller over to the team instead of going silent", async () => {
    const t = await createTestTenant();
    await configurePhone(t.id, { mode: "AI_FIRST" });
    const { deps } = fakeDeps([new Error("model down")]);
    let view = await startCall(
      { tenantId: t.id, provider: "simulator", providerCallId: uid("sim"), from: uniquePhone(), to: "+15125550100", simulated: true },
      deps,
    );
    view = await advanceCall(t.id, view.id, { type: "CALLER_SAID", text: "Hello?" }, deps);
    expect(view).toMatchObject({ awaiting: "ring", ringing: [ANA] });
  });

  it("an event the call is not waiting for is a Conflict and changes nothing", async () => {
    const t = await createTestTenant();
    await configurePhone(t.id, { mode: "HUMAN_FIRST" });
    const { deps } = fakeDeps();
    const view = await startCall(
      { tenantId: t.id, provider: "simulator", providerCallId: uid("sim"), from: uniquePhone(), to: "+15125550100", simulated: true },
      deps,
    );
    const error = await advanceCall(t.id, view.id, { type: "CALLER_SAID", text: "hi" }, deps).catch((e: unknown) => e);
    expect(isDomainError(error) && error.kind).toBe("Conflict");
    await expect(advanceCall(t.id, view.id, { type: "RING_ANSWERED", target: BEN.phone }, deps)).rejects.toMatchObject({
      kind: "Conflict",
    });
    expect((await getCallView(t.id, view.id)).steps).toEqual(view.steps);
  });

  it("starting the same provider call twice stores one call", async () => {
    const t = await createTestTenant();
    await configurePhone(t.id, { mode: "HUMAN_FIRST" });
    const { deps } = fakeDeps();
    const input = {
      tenantId: t.id,
      provider: "signalwire",
      providerCallId: uid("CA"),
      from: uniquePhone(),
      to: "+15125550100",
      simulated: false,
    };
    const [a, b] = await Promise.all([startCall(input, deps), startCall(input, deps)]);
    expect(a.id).toBe(b.id);
    expect(await withTenant(t.id, (db) => db.call.count())).toBe(1);
  });

  it("tenant isolation: another tenant cannot see or advance the call", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    await configurePhone(a.id, { mode: "HUMAN_FIRST" });
    const { deps } = fakeDeps();
    const view = await startCall(
      { tenantId: a.id, provider: "simulator", providerCallId: uid("sim"), from: uniquePhone(), to: "+15125550100", simulated: true },
      deps,
    );
    await expect(advanceCall(b.id, view.id, { type: "HANGUP" }, deps)).rejects.toMatchObject({ kind: "NotFound" });
    await expect(getCallView(b.id, view.id)).rejects.toMatchObject({ kind: "NotFound" });
    expect((await getCallView(a.id, view.id)).status).toBe("LIVE");
  });

  it("routing context: a known VIP customer speaking Spanish, the business's hours in its zone", async () => {
    const t = await createTestTenant();
    const customer = await createCustomer(t.id, { locale: "es" });
    await withTenant(t.id, (db) => db.customer.update({ where: { id: customer.id }, data: { tags: ["VIP"] } }));
    const mondayOnly = { mon: [{ open: "09:00", close: "17:00" }], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
    await withTenant(t.id, (db) => writeConfig(db, "HOURS", { weekly: mondayOnly }, null));
    // Monday 10:00 in Chicago is open, 17:30 is closed.
    expect((await loadRoutingContext(t.id, customer.phone!, new Date("2030-01-07T23:30:00Z"))).isOpen).toBe(false);
    const ctx = await loadRoutingContext(t.id, customer.phone!, new Date("2030-01-07T16:00:00Z"));
    expect(ctx.isOpen).toBe(true);
    expect(ctx.caller).toEqual({ known: true, vip: true, bookingToday: false, customerId: customer.id });
    expect(ctx.language).toBe("es");
    const stranger = await loadRoutingContext(t.id, uniquePhone(), new Date("2030-01-07T16:00:00Z"));
    expect(stranger.caller).toEqual({ known: false, vip: false, bookingToday: false, customerId: null });
    expect(stranger.language).toBe("en");
  });
  it("routing context: a booking today (local day in the business's zone) counts; yesterday's or a cancelled one does not", async () => {
    const t = await createTestTenant();
    const customer = await createCustomer(t.id);
    const [serviceId, staffId] = [await addService(t.id, 60), await addStaff(t.id)];
    const book = (startsAt: string, status: "CONFIRMED" | "CANCELLED") =>
      withTenant(t.id, (db) => {
        const start = new Date(startsAt);
        const end = new Date(start.getTime() + 3_600_000);
        return db.booking.create({
          data: {
            tenantId: t.id,
            customerId: customer.id,
            serviceId,
            staffId,
            status,
            source: "DASHBOARD",
            startsAt: start,
            endsAt: end,
            blockedFrom: start,
            blockedUntil: end,
            durationMinutes: 60,
            priceCents: 5000,
          },
        });
      });
    // 2030-01-07 22:00 Chicago = 2030-01-08 04:00 UTC: still "today" for a call at 09:00 Chicago on the 7th.
    const callAt = new Date("2030-01-07T15:00:00Z");
    await book("2030-01-06T20:00:00Z", "CONFIRMED");
    await book("2030-01-07T18:00:00Z", "CANCELLED");
    expect((await loadRoutingContext(t.id, customer.phone!, callAt)).caller.bookingToday).toBe(false);
    await book("2030-01-08T04:00:00Z", "CONFIRMED");
    expect((await loadRoutingContext(t.id, customer.phone!, callAt)).caller.bookingToday).toBe(true);
  });

  it("two hangups racing end the call once", async () => {
    const t = await createTestTenant();
    await configurePhone(t.id, { mode: "HUMAN_FIRST" });
    const { deps, advance } = fakeDeps();
    const view = await startCall(
      { tenantId: t.id, provider: "signalwire", providerCallId: uid("CA"), from: uniquePhone(), to: "+15125550100", simulated: false },
      deps,
    );
    advance(65);
    const both = await Promise.all([
      advanceCall(t.id, view.id, { type: "HANGUP" }, deps),
      advanceCall(t.id, view.id, { type: "HANGUP" }, deps),
    ]);
    expect(both.map((v) => v.outcome)).toEqual(["MISSED", "MISSED"]);
    const f = await facts(t.id, view.id);
    expect([f.messages.length, f.events.length, f.usage.length]).toEqual([1, 1, 1]);
    expect(f.messages[0]?.body).toBe("Missed call");
    expect(f.usage[0]?.quantity).toBe(2);
  });
  it("a Spanish-speaking business reads the call in its inbox in Spanish", async () => {
    const t = await createTestTenant({ input: { locale: "es" } });
    await configurePhone(t.id, { mode: "HUMAN_FIRST" });
    const { deps } = fakeDeps();
    const view = await startCall(
      { tenantId: t.id, provider: "signalwire", providerCallId: uid("CA"), from: uniquePhone(), to: "+15125550100", simulated: false },
      deps,
    );
    expect(view.language).toBe("es");
    expect(view.instructions[0]).toMatchObject({ kind: "say", voiceLanguage: "es-US" });
    await advanceCall(t.id, view.id, { type: "HANGUP" }, deps);
    expect((await facts(t.id, view.id)).messages.map((m) => m.body)).toEqual(["Llamada perdida"]);
  });
});

describe("carrierCallFlow (what the SignalWire driver runs)", () => {
  it("finds the business by the dialled number, drives its call, and refuses numbers that are not ours", async () => {
    const t = await createTestTenant();
    const number = uniquePhone();
    await configurePhone(t.id, { mode: "HUMAN_FIRST", number });
    const { deps } = fakeDeps();
    const flow = carrierCallFlow("signalwire", deps);
    expect(await flow.start({ providerCallId: uid("CA"), from: uniquePhone(), to: uniquePhone() })).toBeNull();

    const view = (await flow.start({ providerCallId: uid("CA"), from: uniquePhone(), to: number }))!;
    expect(view).toMatchObject({ status: "LIVE", awaiting: "ring", ringing: [ANA] });
    const answered = await flow.advance(view.id, { type: "RING_ANSWERED", target: ANA.phone });
    expect(answered.instructions).toEqual([{ kind: "connect", target: ANA }]);
    const ended = await flow.advance(view.id, { type: "HANGUP" });
    expect(ended).toMatchObject({ status: "ENDED", outcome: "HUMAN" });
    const row = await withTenant(t.id, (db) =>
      db.call.findUniqueOrThrow({ where: { id: view.id }, select: { provider: true, simulated: true, toNumber: true } }),
    );
    expect(row).toEqual({ provider: "signalwire", simulated: false, toNumber: number });
  });
});
