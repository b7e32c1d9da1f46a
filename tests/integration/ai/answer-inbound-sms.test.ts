import { InngestTestEngine } from "@inngest/test";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createBookingConfirmations } from "../../../inngest/functions/booking-confirmations";
import { agentReplyKey, answerInboundSms } from "../../../server/ai/agent";
import { localDate } from "../../../server/ai/agent/tools.server";
import { writeConfig } from "../../../server/config/config-service.server";
import { withTenant } from "../../../server/db/db.server";
import { AiUnavailableError, createLocalAi, createOpenAiPort, installAiPort } from "../../../server/integrations/ai";
import { localSms } from "../../../server/integrations/sms";
import { uid } from "../../helpers/factories";
import { setupMockServer } from "../../mocks";
import { lastToolResult, openAiChatRequests, pendingOpenAiChat, scriptOpenAiChat } from "../../mocks/openai";
import { bookingTenant, outboxFor, type BookingTenant } from "../booking/support";
import { createCustomer, inbound } from "../inbox/support";

/**
 * The texter end to end on the real database: an inbound SMS is stored first, then the
 * agent answers it. OpenAI is the msw mock (scripted tool calls), the SMS carrier is the
 * local adapter, the confirmation goes through the real booking-confirmations function.
 */
setupMockServer();

const openAi = () =>
  createOpenAiPort({ apiKey: "sk-test", model: "gpt-4o-mini", transcribeModel: "whisper-1", maxRetries: 0, timeoutMs: 5_000 });

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function thread(tenantId: string, conversationId: string) {
  return withTenant(tenantId, (db) =>
    db.message.findMany({
      where: { conversationId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        channel: true,
        direction: true,
        status: true,
        body: true,
        authorUserId: true,
        idempotencyKey: true,
        metadata: true,
      },
    }),
  );
}

async function textIn(t: BookingTenant, body: string, customer: { locale?: string } = {}) {
  const c = await createCustomer(t.id, { smsConsent: true, locale: customer.locale ?? "en" });
  const stored = await inbound(t.id, { customer: { id: c.id }, body, provider: "local", providerMessageId: uid("sms") });
  return { customer: c, inboundId: stored.message.id, conversationId: stored.conversationId };
}

describe("the AI agent answers inbound texts", () => {
  beforeEach(() => localSms().clear());
  afterEach(() => installAiPort(undefined));

  it("Spanish: find_open_slots then book_slot -> an AGENT booking, a Spanish reply stored and sent, then the confirmation text", async () => {
    installAiPort(openAi());
    const t = await bookingTenant();
    const { customer, inboundId, conversationId } = await textIn(t, "quiero reservar un lavado mañana", { locale: "es" });
    const tomorrow = addDays(localDate(new Date(), "America/Chicago"), 1);

    scriptOpenAiChat(
      { toolCalls: [{ name: "find_open_slots", arguments: { serviceId: t.serviceId, fromDate: tomorrow, toDate: addDays(tomorrow, 6) } }] },
      (request) => {
        const offered = lastToolResult<{ slots: Array<{ startsAt: string }> }>(request);
        return { toolCalls: [{ name: "book_slot", arguments: { serviceId: t.serviceId, startsAt: offered.slots[0].startsAt } }] };
      },
      (request) => {
        const booked = lastToolResult<{ ok: boolean; when: string; price: string }>(request);
        expect(booked.ok).toBe(true);
        return {
          content: `¡Listo! Su cita quedó para el ${booked.when}, por ${booked.price}. En un momento le llega la confirmación por texto.`,
        };
      },
    );

    const result = await answerInboundSms(t.id, inboundId);
    expect(result).toMatchObject({ status: "replied", handoff: false });
    expect(pendingOpenAiChat()).toBe(0);

    // What the model was given: the tools, the rules, the customer's language.
    const first = openAiChatRequests[0];
    expect(first.tools?.map((x) => x.function.name)).toEqual([
      "list_services",
      "business_hours",
      "find_open_slots",
      "book_slot",
      "my_bookings",
      "loyalty_balance",
      "faq",
      "handoff_to_human",
    ]);
    expect(first.messages[0].content).toContain("Never state a price or a time that no tool returned");
    expect(first.messages[0].content).toContain("Spanish");
    expect(first.messages.at(-1)).toMatchObject({ role: "user", content: "quiero reservar un lavado mañana" });

    const bookings = await withTenant(t.id, (db) =>
      db.booking.findMany({ where: { customerId: customer.id }, select: { id: true, source: true, status: true, startsAt: true } }),
    );
    expect(bookings).toHaveLength(1);
    expect(bookings[0].source).toBe("AGENT");
    const offered = lastToolResult<{ slots: Array<{ startsAt: string }> }>(openAiChatRequests[1]);
    expect(bookings[0].startsAt.toISOString()).toBe(new Date(offered.slots[0].startsAt).toISOString());

    const messages = await thread(t.id, conversationId);
    const reply = messages.find((m) => m.idempotencyKey === agentReplyKey(inboundId))!;
    expect(reply).toMatchObject({ channel: "SMS", direction: "OUTBOUND", status: "SENT", authorUserId: null });
    expect(reply.body).toMatch(/^¡Listo! Su cita quedó para el /);
    expect(reply.metadata).toMatchObject({
      agent: true,
      offline: false,
      toolCalls: ["find_open_slots", "book_slot"],
      bookingId: bookings[0].id,
    });
    expect(
      localSms()
        .sent()
        .map((s) => s.body),
    ).toEqual([reply.body]);

    // The booking/created event sends the customer's confirmation through the existing function.
    const event = (await outboxFor(t.id, bookings[0].id)).find((e) => e.name === "booking/created")!;
    expect(event.data).toMatchObject({ source: "AGENT" });
    const fn = createBookingConfirmations(uid("booking-confirmations-ai"));
    const { result: confirmation } = await new InngestTestEngine({ function: fn, events: [event as never] }).execute();
    expect(confirmation).toMatchObject({ sms: "SENT" });
    expect(localSms().sent()).toHaveLength(2);
    expect(localSms().sent()[1].body).toContain("su cita de");
  });

  it("offline (no key): 'what are your hours' is answered from the HOURS node with the offline note, without calling OpenAI", async () => {
    installAiPort(createLocalAi());
    const t = await bookingTenant();
    const { inboundId, conversationId } = await textIn(t, "what are your hours");

    const result = await answerInboundSms(t.id, inboundId);
    expect(result).toMatchObject({ status: "replied", handoff: false });
    const reply = (await thread(t.id, conversationId)).find((m) => m.idempotencyKey === agentReplyKey(inboundId))!;
    expect(reply.status).toBe("SENT");
    expect(reply.body.match(/Offline mode/g)).toHaveLength(1);
    expect(reply.body).toContain("Monday: 8:00 AM–6:00 PM");
    expect(reply.body).toContain("Saturday: 8:00 AM–4:00 PM");
    expect(reply.body).toContain("Sunday: closed");
    expect(reply.metadata).toMatchObject({ agent: true, offline: true, toolCalls: ["business_hours"] });
    expect(openAiChatRequests).toHaveLength(0);
  });

  it("offline: asking to book sends the public booking link instead of booking", async () => {
    installAiPort(createLocalAi());
    const t = await bookingTenant();
    const { inboundId, conversationId } = await textIn(t, "Quiero una cita para el sábado");
    await answerInboundSms(t.id, inboundId);
    const reply = (await thread(t.id, conversationId)).find((m) => m.idempotencyKey === agentReplyKey(inboundId))!;
    expect(reply.body).toContain("Modo sin conexión");
    expect(reply.body).toMatch(new RegExp(`https?://[^ ]+/s/${t.slug}/book`));
    expect(await withTenant(t.id, (db) => db.booking.count())).toBe(0);
  });

  it("'I want to talk to a person' -> handoff: a reply, the agent off for the thread, a note for the owner", async () => {
    installAiPort(openAi());
    const t = await bookingTenant();
    const { inboundId, conversationId, customer } = await textIn(t, "I want to talk to a person");
    scriptOpenAiChat({ toolCalls: [{ name: "handoff_to_human", arguments: { reason: "customer asked for a person" } }] });

    const result = await answerInboundSms(t.id, inboundId);
    expect(result).toMatchObject({ status: "replied", handoff: true });
    const conversation = await withTenant(t.id, (db) =>
      db.conversation.findUniqueOrThrow({ where: { id: conversationId }, select: { aiEnabled: true } }),
    );
    expect(conversation.aiEnabled).toBe(false);
    const messages = await thread(t.id, conversationId);
    expect(messages.map((m) => [m.channel, m.direction, m.status])).toEqual([
      ["SMS", "INBOUND", "RECEIVED"],
      ["SMS", "OUTBOUND", "SENT"],
      ["NOTE", "INTERNAL", "SENT"],
    ]);
    expect(messages[1].body).toBe("I'll have someone from the team get back to you shortly.");
    expect(messages[2].body).toBe("The assistant handed this conversation to you: customer asked for a person");

    // The next text waits for the owner: the agent stays quiet.
    const next = await inbound(t.id, { customer: { id: customer.id }, body: "hello?", provider: "local", providerMessageId: uid("sms") });
    expect(await answerInboundSms(t.id, next.message.id)).toEqual({ status: "skipped", reason: "aiDisabledForThread", handoff: false });
    expect(openAiChatRequests).toHaveLength(1);
  });

  it("a price no tool returned is never sent: the reply becomes a hand-over", async () => {
    installAiPort(openAi());
    const t = await bookingTenant();
    const { inboundId, conversationId } = await textIn(t, "how much for a wash?");
    scriptOpenAiChat({ content: "A wash is only $5 today!" });
    const result = await answerInboundSms(t.id, inboundId);
    expect(result.handoff).toBe(true);
    const messages = await thread(t.id, conversationId);
    expect(messages.some((m) => m.body.includes("$5"))).toBe(false);
    expect(messages[1].body).toBe("I'll have someone from the team get back to you shortly.");
    expect(messages[2].body).toContain("could not verify");
  });

  it("OpenAI answers 500: the call rejects (retryable), the inbound stays stored; the retry replies once", async () => {
    installAiPort(openAi());
    const t = await bookingTenant();
    const { inboundId, conversationId } = await textIn(t, "Do you come to my house?");
    scriptOpenAiChat({ status: 500 });

    const failed = await answerInboundSms(t.id, inboundId).then(
      () => null,
      (e: unknown) => e,
    );
    expect(failed).toBeInstanceOf(AiUnavailableError);
    expect((failed as AiUnavailableError).status).toBe(500);
    let messages = await thread(t.id, conversationId);
    expect(messages.map((m) => [m.direction, m.status])).toEqual([["INBOUND", "RECEIVED"]]);

    scriptOpenAiChat({ toolCalls: [{ name: "faq", arguments: {} }] }, { content: "Yes, we are fully mobile and come to you." });
    const retried = await answerInboundSms(t.id, inboundId);
    expect(retried.status).toBe("replied");
    const again = await answerInboundSms(t.id, inboundId);
    expect(again).toEqual({ status: "replied", replyMessageId: retried.replyMessageId, handoff: false });

    messages = await thread(t.id, conversationId);
    expect(messages.map((m) => [m.direction, m.status, m.body])).toEqual([
      ["INBOUND", "RECEIVED", "Do you come to my house?"],
      ["OUTBOUND", "SENT", "Yes, we are fully mobile and come to you."],
    ]);
    expect(localSms().sent()).toHaveLength(1);
    expect(openAiChatRequests).toHaveLength(3);
  });

  it("skipped when the owner turned the agent off for the thread, or for the business", async () => {
    installAiPort(openAi());
    const t = await bookingTenant();
    const off = await textIn(t, "hi");
    await withTenant(t.id, (db) => db.conversation.update({ where: { id: off.conversationId }, data: { aiEnabled: false } }));
    expect(await answerInboundSms(t.id, off.inboundId)).toEqual({ status: "skipped", reason: "aiDisabledForThread", handoff: false });

    const on = await textIn(t, "hi");
    await withTenant(t.id, (db) => writeConfig(db, "AI", { enabled: false }, null));
    expect(await answerInboundSms(t.id, on.inboundId)).toEqual({ status: "skipped", reason: "agentOff", handoff: false });
    expect(openAiChatRequests).toHaveLength(0);
    expect((await thread(t.id, on.conversationId)).map((m) => m.direction)).toEqual(["INBOUND"]);
  });
});
