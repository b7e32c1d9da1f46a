import { beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "../../../server/db/db.server";
import { listConversations } from "../../../server/conversations/list-conversations.server";
import { searchMessages } from "../../../server/conversations/search-messages.server";
import { createTestTenant, type TestTenant } from "../../helpers/factories";
import { createCustomer, inbound } from "./support";

describe("inbox search (full text on messages_search_idx)", () => {
  let t: TestTenant;
  let other: TestTenant;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestTenant();
    other = await createTestTenant();
    const david = await createCustomer(t.id, { name: "David Thompson" });
    const jose = await createCustomer(t.id, { name: "José Martínez", locale: "es" });
    const ana = await createCustomer(t.id, { name: "Ana Lucía Torres", locale: "es" });
    ids.en = (
      await inbound(t.id, { customer: { id: david.id }, body: "Can you reschedule the ceramic coating to Saturday morning?" })
    ).conversationId;
    ids.es = (
      await inbound(t.id, {
        customer: { id: jose.id },
        body: "¿Pueden hacer el lavado rápido de la camioneta mañana? Necesito la cancelación del otro día.",
      })
    ).conversationId;
    // Customers often type without accents; the search must still find them with accents.
    ids.esPlain = (
      await inbound(t.id, {
        customer: { id: ana.id },
        channel: "EMAIL",
        subject: "Limpieza de asientos",
        body: "Mi nino derramo jugo en el asiento, cuanto cuesta la limpieza?",
      })
    ).conversationId;
    const stranger = await createCustomer(other.id, { name: "Other Tenant" });
    await inbound(other.id, { customer: { id: stranger.id }, body: "ceramic coating for the other business" });
  });

  const search = (q: string) => withTenant(t.id, (db) => searchMessages(db, { q }));

  it("finds English text by the beginning of words", async () => {
    const hits = await search("cera coat");
    expect(hits.map((h) => h.conversationId)).toEqual([ids.en]);
    expect(hits[0].snippet).toContain("ceramic coating");
    expect(await search("resched SATUR")).toHaveLength(1);
    expect(await search("coating sunday")).toHaveLength(0);
  });

  it("finds Spanish text by partial words, with or without accents on either side", async () => {
    expect((await search("lav rap")).map((h) => h.conversationId)).toEqual([ids.es]);
    expect((await search("rápido")).map((h) => h.conversationId)).toEqual([ids.es]);
    expect((await search("rapido camion")).map((h) => h.conversationId)).toEqual([ids.es]);
    expect((await search("cancelacion")).map((h) => h.conversationId)).toEqual([ids.es]);
    expect((await search("mañana")).map((h) => h.conversationId)).toEqual([ids.es]);
    expect((await search("manana")).map((h) => h.conversationId)).toEqual([ids.es]);
    // Stored without accents, searched with them.
    expect((await search("niño derramó")).map((h) => h.conversationId)).toEqual([ids.esPlain]);
    // The subject is searched too.
    expect((await search("limpieza asien")).map((h) => h.conversationId)).toEqual([ids.esPlain]);
  });

  it("never matches another tenant's messages, and ignores tsquery syntax typed by a person", async () => {
    expect((await search("ceramic")).every((h) => h.conversationId === ids.en)).toBe(true);
    expect(await search("&|!:*()'")).toEqual([]);
    expect((await search("ceramic & | coating:*")).map((h) => h.conversationId)).toEqual([ids.en]);
  });

  it("the list's search matches names (accents optional), phone digits and message text", async () => {
    const list = (q: string) =>
      withTenant(t.id, (db) => listConversations(db, { q, userId: t.owner.id })).then((p) => p.conversations.map((c) => c.id).sort());
    expect(await list("jose")).toEqual([ids.es]);
    expect(await list("Martínez")).toEqual([ids.es]);
    expect(await list("lucia")).toEqual([ids.esPlain]);
    expect(await list("ceram")).toEqual([ids.en]);
    expect(await list("100% off_")).toEqual([]);
  });
});
