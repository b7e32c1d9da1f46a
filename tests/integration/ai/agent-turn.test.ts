import { afterEach, describe, expect, it } from "vitest";
import { agentTurn } from "../../../server/ai/agent";
import { withTenant } from "../../../server/db/db.server";
import { createLocalAi, createOpenAiPort, installAiPort } from "../../../server/integrations/ai";
import { setupMockServer } from "../../mocks";
import { lastToolResult, openAiChatRequests, scriptOpenAiChat } from "../../mocks/openai";
import { bookingTenant } from "../booking/support";
import { createCustomer } from "../inbox/support";

/** agentTurn on its own (the call flow uses it for voice): real data, OpenAI mocked with msw. */
setupMockServer();

const openAi = () =>
  createOpenAiPort({ apiKey: "sk-test", model: "gpt-4o-mini", transcribeModel: "whisper-1", maxRetries: 0, timeoutMs: 5_000 });
const base = { customerId: null, callerPhone: "+15125550123", history: [] };

describe("agentTurn", () => {
  afterEach(() => installAiPort(undefined));

  it("a price from list_services may be said; the tool result holds the catalogue's real prices", async () => {
    installAiPort(openAi());
    const t = await bookingTenant();
    const service = await withTenant(t.id, (db) =>
      db.service.findUniqueOrThrow({ where: { id: t.serviceId }, select: { name: true, priceCents: true } }),
    );
    scriptOpenAiChat({ toolCalls: [{ name: "list_services", arguments: {} }] }, (request) => {
      const { services } = lastToolResult<{ services: Array<{ id: string; name: string; price: string; priceCents: number }> }>(request);
      const first = services.find((s) => s.id === t.serviceId)!;
      expect(first.priceCents).toBe(service.priceCents);
      return { content: `${first.name} is ${first.price}.` };
    });
    const turn = await agentTurn(t.id, { ...base, channel: "SMS", locale: "en", text: "how much is a wash?" });
    expect(turn).toMatchObject({ handoff: false, offline: false, toolCalls: ["list_services"], bookingId: null });
    expect(turn.reply).toContain(`$${(service.priceCents / 100).toFixed(2)}`);
  });

  it("invalid tool arguments are answered to the model, not thrown; a taken or unoffered time is refused by the booking rules", async () => {
    installAiPort(openAi());
    const t = await bookingTenant();
    scriptOpenAiChat(
      { toolCalls: [{ name: "find_open_slots", arguments: { serviceId: t.serviceId, fromDate: "tomorrow" } }] },
      { toolCalls: [{ name: "book_slot", arguments: { serviceId: t.serviceId, startsAt: "2020-01-01T03:00:00Z", name: "Ana" } }] },
      (request) => {
        const refused = lastToolResult<{ ok: boolean; error: string }>(request);
        expect(refused.ok).toBe(false);
        expect(refused.error).toBeTruthy();
        const invalid = JSON.parse(request.messages.find((m) => m.role === "tool")!.content!) as { ok: boolean; error: string };
        expect(invalid).toMatchObject({ ok: false, error: "invalid arguments" });
        return { content: "That time is not available." };
      },
    );
    const turn = await agentTurn(t.id, { ...base, channel: "SMS", locale: "en", text: "book me at 3am in 2020" });
    expect(turn.bookingId).toBeNull();
    expect(await withTenant(t.id, (db) => db.booking.count())).toBe(0);
    expect(openAiChatRequests).toHaveLength(3);
  });

  it("a time no tool returned (nor the customer said) is never sent: the reply becomes a hand-over", async () => {
    installAiPort(openAi());
    const t = await bookingTenant();
    scriptOpenAiChat({ content: "Sure, I can fit you in tomorrow at 7:15 AM." }, { content: "Yes, 7:15 AM works, see you then." });
    const invented = await agentTurn(t.id, { ...base, channel: "SMS", locale: "en", text: "can you come tomorrow?" });
    expect(invented).toMatchObject({ handoff: true, reply: "I'll have someone from the team get back to you shortly." });
    expect(invented.handoffReason).toContain("time");
    // Repeating the customer's own time is not inventing one.
    const echoed = await agentTurn(t.id, { ...base, channel: "SMS", locale: "en", text: "is 7:15 AM ok?" });
    expect(echoed).toMatchObject({ handoff: false, reply: "Yes, 7:15 AM works, see you then." });
  });

  it("stops after 5 tool rounds and hands over", async () => {
    installAiPort(openAi());
    const t = await bookingTenant();
    for (let i = 0; i < 5; i++) scriptOpenAiChat({ toolCalls: [{ name: "faq", arguments: {} }] });
    const turn = await agentTurn(t.id, { ...base, channel: "SMS", locale: "es", text: "hola" });
    expect(turn).toMatchObject({ handoff: true, toolCalls: ["faq", "faq", "faq", "faq", "faq"] });
    expect(turn.reply).toBe("Alguien de nuestro equipo se comunicará con usted en breve.");
  });

  it("a retried turn that books the same time again gets the same booking, not a second one or a conflict", async () => {
    installAiPort(openAi());
    const t = await bookingTenant();
    const c = await createCustomer(t.id, { smsConsent: true });
    const from = new Date().toISOString().slice(0, 10);
    let startsAt = "";
    scriptOpenAiChat(
      { toolCalls: [{ name: "find_open_slots", arguments: { serviceId: t.serviceId, fromDate: from } }] },
      (request) => {
        startsAt = lastToolResult<{ slots: Array<{ startsAt: string }> }>(request).slots[0].startsAt;
        return { toolCalls: [{ name: "book_slot", arguments: { serviceId: t.serviceId, startsAt } }] };
      },
      { content: "Booked." },
    );
    const first = await agentTurn(t.id, {
      ...base,
      customerId: c.id,
      channel: "SMS",
      locale: "en",
      text: "book me the first time you have",
    });
    expect(first.bookingId).toBeTruthy();
    // The retry's model asks for the same time (now taken, by this very customer).
    scriptOpenAiChat({ toolCalls: [{ name: "book_slot", arguments: { serviceId: t.serviceId, startsAt } }] }, (request) => {
      expect(lastToolResult(request)).toMatchObject({ ok: true, bookingId: first.bookingId });
      return { content: "Booked." };
    });
    const again = await agentTurn(t.id, {
      ...base,
      customerId: c.id,
      channel: "SMS",
      locale: "en",
      text: "book me the first time you have",
    });
    expect(again.bookingId).toBe(first.bookingId);
    expect(await withTenant(t.id, (db) => db.booking.count({ where: { customerId: c.id } }))).toBe(1);
  });

  it("offline voice: booking is offered on the website (no link read out); my bookings come from the database", async () => {
    installAiPort(createLocalAi());
    const t = await bookingTenant();
    const book = await agentTurn(t.id, { ...base, channel: "VOICE", locale: "en", text: "I'd like to book an appointment" });
    expect(book.offline).toBe(true);
    expect(book.reply).toContain("Offline mode");
    expect(book.reply).toContain("You can book on our website.");
    expect(book.reply).not.toMatch(/https?:/);
    // Offline still reads real open times from the slot engine (the same ones the booking page offers).
    expect(book.toolCalls).toEqual(["list_services", "find_open_slots"]);
    const offered = await agentTurn(t.id, { ...base, channel: "VOICE", locale: "en", text: "anything free this week?" });
    const times = /Next open times for (.+?): (.+?)\. You can book/.exec(offered.reply);
    expect(times, offered.reply).not.toBeNull();
    expect(times![2].split("; ").length).toBeGreaterThanOrEqual(1);

    // The offline note and the greeting open a conversation once; later answers go straight to the point.
    const history = [
      { role: "customer" as const, text: "hello" },
      { role: "agent" as const, text: book.reply },
    ];
    const later = await agentTurn(t.id, { ...base, channel: "VOICE", locale: "en", history, text: "hmm, something else" });
    expect(later.reply).not.toContain("Offline mode");
    expect(later.reply).toMatch(/^I can tell you our hours and prices/);

    const c = await createCustomer(t.id, { locale: "es" });
    await withTenant(t.id, (db) =>
      db.booking.create({
        data: {
          tenantId: t.id,
          customerId: c.id,
          serviceId: t.serviceId,
          staffId: t.staffId,
          status: "CONFIRMED",
          source: "DASHBOARD",
          startsAt: new Date(Date.now() + 3 * 86_400_000),
          endsAt: new Date(Date.now() + 3 * 86_400_000 + 3_600_000),
          blockedFrom: new Date(Date.now() + 3 * 86_400_000),
          blockedUntil: new Date(Date.now() + 3 * 86_400_000 + 3_600_000),
          durationMinutes: 60,
          priceCents: 4900,
        },
      }),
    );
    const mine = await agentTurn(t.id, { ...base, customerId: c.id, channel: "SMS", locale: "es", text: "¿Cuándo es mi cita?" });
    expect(mine.toolCalls).toEqual(["my_bookings"]);
    expect(mine.reply).toMatch(/^\(Modo sin conexión: solo respuestas automáticas\.\) Sus próximas citas: /);
  });
});
