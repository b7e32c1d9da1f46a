import { InngestTestEngine } from "@inngest/test";
import { http, HttpResponse } from "msw";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createBookingConfirmations } from "../../../inngest/functions/booking-confirmations";
import { callFollowUp } from "../../../inngest/functions/call-followup";
import { inboundSms } from "../../../inngest/functions/inbound-sms";
import { ownerNotifications } from "../../../inngest/functions/owner-notifications";
import { voicemailProcessing } from "../../../inngest/functions/voicemail-processing";
import { localDate } from "../../../server/ai/agent/tools.server";
import { writeConfig } from "../../../server/config/config-service.server";
import { withTenant } from "../../../server/db/db.server";
import { createOpenAiPort, installAiPort } from "../../../server/integrations/ai";
import { localSms } from "../../../server/integrations/sms";
import { advanceCall } from "../../../server/telephony/calls/call-session.server";
import { receiveInboundSms } from "../../../server/telephony/inbound-sms.server";
import { simulateCallStart } from "../../../server/telephony/simulator.server";
import { setRecordingResolver } from "../../../server/telephony/voicemail.server";
import { uid } from "../../helpers/factories";
import { mockServer, setupMockServer } from "../../mocks";
import {
  lastToolResult,
  openAiTranscriptionRequests,
  pendingOpenAiChat,
  scriptOpenAiChat,
  scriptOpenAiTranscription,
} from "../../mocks/openai";
import { bookingTenant, type BookingTenant } from "../booking/support";
import { uniquePhone } from "../inbox/support";

/**
 * The phone line end to end on the real database, each durable function run by
 * @inngest/test with the real event from the outbox. OpenAI and the carrier's recording
 * host are msw mocks; texts go through the local SMS adapter.
 */
setupMockServer();

const openAi = () =>
  createOpenAiPort({ apiKey: "sk-test", model: "gpt-4o-mini", transcribeModel: "whisper-1", maxRetries: 0, timeoutMs: 5_000 });
const run = (fn: ConstructorParameters<typeof InngestTestEngine>[0]["function"], event: { name: string; data: Record<string, unknown> }) =>
  new InngestTestEngine({ function: fn, events: [event as never] }).execute();

async function lineFor(): Promise<BookingTenant & { number: string }> {
  const t = await bookingTenant();
  const number = uniquePhone();
  await withTenant(t.id, (db) =>
    writeConfig(
      db,
      "PHONE",
      { number, missedCallTextBack: true, ringTargets: [{ name: "Owner", phone: uniquePhone() }], mode: "HUMAN_FIRST" },
      t.owner.id,
    ),
  );
  await withTenant(t.id, (db) => writeConfig(db, "EMAIL", { notifyChannel: "EMAIL" }, t.owner.id));
  return { ...t, number };
}

async function eventsNamed(tenantId: string, name: string) {
  const rows = await withTenant(tenantId, (db) =>
    db.outboxEvent.findMany({ where: { name }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
  );
  return rows.map((r) => ({ name: r.name, data: r.data as Record<string, unknown> }));
}

async function textIn(t: { id: string; number: string }, from: string, body: string) {
  const stored = await receiveInboundSms({ to: t.number, from, body, provider: "signalwire", providerMessageId: uid("SM") });
  if (stored.status !== "stored") throw new Error(`not stored: ${stored.status}`);
  const event = (await eventsNamed(t.id, "message/stored")).find((e) => e.data.messageId === stored.messageId)!;
  return { ...stored, event };
}

const threadOf = (tenantId: string, conversationId: string) =>
  withTenant(tenantId, (db) =>
    db.message.findMany({
      where: { conversationId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { channel: true, direction: true, status: true, body: true, blockedReason: true, metadata: true },
    }),
  );

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

describe("the phone line, function by function", () => {
  beforeEach(() => localSms().clear());
  afterEach(() => {
    installAiPort(undefined);
    setRecordingResolver(undefined);
  });

  it("a first-time texter books by SMS: stored -> agent (OpenAI tool calls) -> AGENT booking -> reply and confirmation texted in the conversation", async () => {
    installAiPort(openAi());
    const t = await lineFor();
    const from = uniquePhone();
    const tomorrow = addDays(localDate(new Date(), "America/Chicago"), 1);
    scriptOpenAiChat(
      { toolCalls: [{ name: "find_open_slots", arguments: { serviceId: t.serviceId, fromDate: tomorrow, toDate: addDays(tomorrow, 6) } }] },
      (request) => ({
        toolCalls: [
          {
            name: "book_slot",
            arguments: {
              serviceId: t.serviceId,
              startsAt: lastToolResult<{ slots: Array<{ startsAt: string }> }>(request).slots[0]!.startsAt,
              name: "Dana Price",
            },
          },
        ],
      }),
      (request) => ({ content: `You're booked for ${lastToolResult<{ when: string }>(request).when}. See you then!` }),
    );
    const { event, conversationId, customerId } = await textIn(t, from, "Can I book a wash for tomorrow? I'm Dana");
    const { result } = await run(inboundSms, event);
    expect(result).toMatchObject({ agent: "replied", handoff: false });
    expect(pendingOpenAiChat()).toBe(0);

    const bookings = await withTenant(t.id, (db) =>
      db.booking.findMany({ where: { customerId }, select: { id: true, source: true, status: true } }),
    );
    expect(bookings).toEqual([expect.objectContaining({ source: "AGENT", status: "CONFIRMED" })]);
    const created = (await eventsNamed(t.id, "booking/created")).find((e) => e.data.bookingId === bookings[0]!.id)!;
    const { result: confirmation } = await run(createBookingConfirmations(uid("confirm")), created);
    // No standing consent, but they are texting the business: the confirmation goes out in that conversation.
    expect(confirmation).toMatchObject({ sms: "SENT" });
    const sent = localSms()
      .sent()
      .filter((s) => s.to === from);
    expect(sent).toHaveLength(2);
    expect(sent[0]!.body).toMatch(/^You're booked for /);
    const thread = await threadOf(t.id, conversationId);
    expect(thread.map((m) => `${m.direction}:${m.status}`)).toEqual(["INBOUND:RECEIVED", "OUTBOUND:SENT", "OUTBOUND:SENT"]);
  });

  it("STOP is answered by the rules, never by the agent: opted out, one confirmation, no AI call", async () => {
    installAiPort(openAi());
    const t = await lineFor();
    const from = uniquePhone();
    const { event, conversationId } = await textIn(t, from, "stop texting me please");
    const { result } = await run(inboundSms, event);
    expect(result).toEqual({ compliance: "OPT_OUT" });
    expect(pendingOpenAiChat()).toBe(0);
    expect(
      localSms()
        .sent()
        .filter((s) => s.to === from),
    ).toHaveLength(1);
    const ledger = await withTenant(t.id, (db) =>
      db.consentEvent.findMany({ where: { phone: from }, select: { action: true, source: true, words: true } }),
    );
    expect(ledger).toEqual([expect.objectContaining({ action: "OPT_OUT", words: "stop texting me please" })]);
    expect((await threadOf(t.id, conversationId)).filter((m) => m.direction === "OUTBOUND")).toHaveLength(1);
  });

  it("OpenAI down: the text is stored, the owner is told about it, the step fails to be retried; once OpenAI is back the retry answers exactly once", async () => {
    installAiPort(openAi());
    const t = await lineFor();
    const from = uniquePhone();
    scriptOpenAiChat({ status: 503 });
    const { event, conversationId, messageId } = await textIn(t, from, "Do you do ceramic coating?");
    const failed = await run(inboundSms, event);
    expect(failed.error).toBeTruthy();
    expect(localSms().sent()).toEqual([]);
    expect(await threadOf(t.id, conversationId)).toEqual([
      expect.objectContaining({ direction: "INBOUND", body: "Do you do ceramic coating?" }),
    ]);
    // The owner hears of the text through its own function, which needs no AI: its email is
    // stored for the owner's address with the customer's words, while the agent's step is failing.
    expect(await run(ownerNotifications, event)).toMatchObject({ result: { sent: 1 } });
    const told = await withTenant(t.id, (db) =>
      db.emailMessage.findMany({ where: { kind: "owner.newMessage" }, select: { toAddress: true, subject: true, text: true } }),
    );
    expect(told).toEqual([expect.objectContaining({ toAddress: t.owner.email, subject: expect.stringContaining("New message") })]);
    expect(told[0].text).toContain("Do you do ceramic coating?");
    expect(messageId).toBeTruthy();

    scriptOpenAiChat({ toolCalls: [{ name: "list_services", arguments: {} }] }, { content: "We do! Ask me for a time and I'll find one." });
    const retried = await run(inboundSms, event);
    expect(retried.result).toMatchObject({ agent: "replied" });
    const again = await run(inboundSms, event);
    expect(again.result).toMatchObject({ agent: "replied" });
    expect(
      localSms()
        .sent()
        .filter((s) => s.to === from),
    ).toHaveLength(1);
  });

  it("voicemail from a real recording: downloaded from the carrier, transcribed and summarised by OpenAI, threaded, owner emailed with the summary", async () => {
    installAiPort(openAi());
    setRecordingResolver(async () => [{ address: "34.117.59.81" }]);
    let downloads = 0;
    mockServer.use(
      http.get("https://files.signalwire.com/recordings/:id", () => {
        downloads += 1;
        return new HttpResponse(new Uint8Array(2048), { headers: { "content-type": "audio/wav" } });
      }),
    );
    const t = await lineFor();
    await withTenant(t.id, (db) => writeConfig(db, "AI", { enabled: false }, t.owner.id));
    const caller = uniquePhone();
    // The call flow stores the voicemail (rung, nobody answered, recorded).
    let view = await simulateCallStart(t.id, { from: caller });
    view = await advanceCall(t.id, view.id, { type: "RING_NO_ANSWER" });
    view = await advanceCall(t.id, view.id, {
      type: "RECORDING_DONE",
      durationSeconds: 48,
      recordingUrl: "https://files.signalwire.com/recordings/RE123.wav",
      spokenText: null,
    });
    expect(view).toMatchObject({ status: "ENDED", outcome: "VOICEMAIL" });
    const recorded = (await eventsNamed(t.id, "voicemail/recorded"))[0]!;

    scriptOpenAiTranscription({ text: "Hi, my car has a flat and I need a detail before Friday, it's urgent, please call me back." });
    scriptOpenAiChat({
      content: JSON.stringify({
        summary: "Needs a detail before Friday; asks for a call back.",
        intent: "BOOK",
        urgency: "HIGH",
        callbackRequested: true,
      }),
    });
    const { result, error } = await run(voicemailProcessing, recorded);
    expect(error).toBeUndefined();
    expect(result).toMatchObject({ intent: "BOOK", urgency: "HIGH", notified: 1 });
    expect(downloads).toBe(1);
    expect(openAiTranscriptionRequests.at(-1)).toMatchObject({ model: "whisper-1", language: "en", bytes: 2048 });

    const message = await withTenant(t.id, (db) =>
      db.message.findUniqueOrThrow({ where: { id: recorded.data.messageId as string }, select: { body: true, metadata: true } }),
    );
    expect(message.body).toContain("Needs a detail before Friday");
    expect(message.body).toContain("my car has a flat");
    expect(message.metadata).toMatchObject({ transcript: expect.stringContaining("urgent"), summary: { intent: "BOOK", urgency: "HIGH" } });
    const mail = await withTenant(t.id, (db) =>
      db.emailMessage.findFirstOrThrow({ where: { kind: "owner.voicemail" }, select: { subject: true, text: true } }),
    );
    expect(mail.subject).toMatch(/^URGENT voicemail from /);
    expect(mail.text).toContain("Needs a detail before Friday");
    const usage = await withTenant(t.id, (db) =>
      db.usageEvent.findMany({ where: { kind: "AI_MINUTE", sourceType: "voicemail" }, select: { quantity: true, simulated: true } }),
    );
    expect(usage).toEqual([{ quantity: 1, simulated: false }]);
  });

  it("OpenAI failing on a voicemail: the step fails and retries; the voicemail stays in the thread; nothing is sent twice", async () => {
    installAiPort(openAi());
    const t = await lineFor();
    await withTenant(t.id, (db) => writeConfig(db, "AI", { enabled: false }, t.owner.id));
    let view = await simulateCallStart(t.id, { from: uniquePhone() });
    view = await advanceCall(t.id, view.id, { type: "RING_NO_ANSWER" });
    await advanceCall(t.id, view.id, {
      type: "RECORDING_DONE",
      durationSeconds: 20,
      recordingUrl: null,
      spokenText: "Can you come Saturday?",
    });
    const recorded = (await eventsNamed(t.id, "voicemail/recorded"))[0]!;
    // Typed words (the simulator) need no transcription; the summary fails first.
    scriptOpenAiChat({ status: 500 });
    expect((await run(voicemailProcessing, recorded)).error).toBeTruthy();
    const stored = await withTenant(t.id, (db) =>
      db.message.findUniqueOrThrow({ where: { id: recorded.data.messageId as string }, select: { metadata: true } }),
    );
    expect(stored.metadata).toMatchObject({ transcript: "Can you come Saturday?" });
    scriptOpenAiChat({
      content: JSON.stringify({ summary: "Asks for a Saturday visit.", intent: "BOOK", urgency: "NORMAL", callbackRequested: false }),
    });
    expect((await run(voicemailProcessing, recorded)).result).toMatchObject({ intent: "BOOK", notified: 1 });
    expect(pendingOpenAiChat()).toBe(0);
  });

  it("a missed call: the caller gets a text in their language within the run, the owner is told what they were texted", async () => {
    const t = await lineFor();
    await withTenant(t.id, (db) => writeConfig(db, "AI", { enabled: false }, t.owner.id));
    const caller = uniquePhone();
    let view = await simulateCallStart(t.id, { from: caller });
    view = await advanceCall(t.id, view.id, { type: "RING_NO_ANSWER" });
    view = await advanceCall(t.id, view.id, { type: "HANGUP" });
    expect(view.outcome).toBe("MISSED");
    const ended = (await eventsNamed(t.id, "call/ended"))[0]!;
    const { result } = await run(callFollowUp, ended);
    expect(result).toEqual({ texted: "SENT", notified: 1 });
    const text = localSms()
      .sent()
      .find((s) => s.to === caller)!;
    expect(text.body).toMatch(/Sorry we missed your call/);
    expect(text.body).toContain(`/s/${t.slug}/book`);
    const mail = await withTenant(t.id, (db) =>
      db.emailMessage.findFirstOrThrow({ where: { kind: "owner.call" }, select: { subject: true, text: true } }),
    );
    expect(mail.subject).toMatch(/^Missed call from /);
    expect(mail.text).toContain("Sorry we missed your call");
    // Replayed: nothing new.
    await run(callFollowUp, ended);
    expect(
      localSms()
        .sent()
        .filter((s) => s.to === caller),
    ).toHaveLength(1);
  });
});
