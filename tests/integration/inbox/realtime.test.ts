import pg from "pg";
import { afterEach, describe, expect, inject, it } from "vitest";
import { loader as inboxEventsLoader } from "../../../app/routes/api.inbox.events";
import { sessionStorage } from "../../../server/auth/session.server";
import { withTenant } from "../../../server/db/db.server";
import { INBOX_CHANNEL, inboxBus, type TInboxSignal } from "../../../server/conversations/inbox-events.server";
import { startInboxListener } from "../../../server/conversations/inbox-listener.server";
import { storeInboundMessage } from "../../../server/conversations/store-inbound-message.server";
import { createTestTenant, uid } from "../../helpers/factories";
import type { SessionUser } from "../../../server/users/session-user";
import { createCustomer, inbound } from "./support";

async function signedInRequest(user: SessionUser, url = "http://localhost/api/inbox/events") {
  const session = await sessionStorage().getSession();
  session.set("userId", user.id);
  const cookie = (await sessionStorage().commitSession(session)).split(";")[0];
  const controller = new AbortController();
  return { request: new Request(url, { headers: { Cookie: cookie }, signal: controller.signal }), controller };
}

const callLoader = (request: Request) => inboxEventsLoader({ request, params: {}, context: {} }) as Promise<Response>;

/** Reads the stream until `predicate` holds for the text so far (or fails after `ms`). */
async function readUntil(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  predicate: (text: string) => boolean,
  ms = 5_000,
): Promise<string> {
  const decoder = new TextDecoder();
  let text = "";
  const deadline = Date.now() + ms;
  while (!predicate(text)) {
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`stream did not produce the expected data; got:\n${text}`);
    const chunk = await Promise.race([
      reader.read(),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timeout; got:\n${text}`)), left)),
    ]);
    if (chunk.done) break;
    text += decoder.decode(chunk.value, { stream: true });
  }
  return text;
}

describe("inbox realtime", () => {
  const unsubscribers: Array<() => void> = [];
  afterEach(() => unsubscribers.splice(0).forEach((u) => u()));

  it("the bus hears a stored message after commit, never a rolled-back one, and only for its tenant", async () => {
    const [t, other] = await Promise.all([createTestTenant(), createTestTenant()]);
    const customer = await createCustomer(t.id);
    const heard: TInboxSignal[] = [];
    const heardOther: TInboxSignal[] = [];
    unsubscribers.push(
      inboxBus().subscribe(t.id, (e) => heard.push(e)),
      inboxBus().subscribe(other.id, (e) => heardOther.push(e)),
    );

    await expect(
      withTenant(t.id, async (db) => {
        await storeInboundMessage(db, {
          customer: { id: customer.id },
          channel: "SMS",
          body: "rolled back",
          provider: "test",
          providerMessageId: uid("rb"),
        });
        expect(heard).toEqual([]); // not before commit
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect(heard).toEqual([]);

    const stored = await inbound(t.id, { customer: { id: customer.id }, body: "kept" });
    expect(heard).toEqual([
      expect.objectContaining({
        kind: "message.stored",
        tenantId: t.id,
        conversationId: stored.conversationId,
        messageId: stored.message.id,
        direction: "INBOUND",
        channel: "SMS",
      }),
    ]);
    // A duplicate delivery stores nothing and announces nothing.
    await inbound(t.id, {
      customer: { id: customer.id },
      provider: stored.message.provider,
      providerMessageId: stored.message.providerMessageId,
    });
    expect(heard).toHaveLength(1);
    expect(heardOther).toEqual([]);
  });

  it("the SSE route streams the member's tenant events and cleans up when the request is aborted", async () => {
    const [t, other] = await Promise.all([createTestTenant(), createTestTenant()]);
    const customer = await createCustomer(t.id);
    const otherCustomer = await createCustomer(other.id);
    const before = inboxBus().subscriberCount(t.id);

    const { request, controller } = await signedInRequest(t.owner);
    const response = await callLoader(request);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toContain("text/event-stream");
    const reader = response.body!.getReader();
    expect(await readUntil(reader, (s) => s.includes(": connected"))).toContain("retry: ");
    expect(inboxBus().subscriberCount(t.id)).toBe(before + 1);

    await inbound(other.id, { customer: { id: otherCustomer.id }, body: "not yours" });
    const stored = await inbound(t.id, { customer: { id: customer.id }, body: "live!" });
    const text = await readUntil(reader, (s) => s.includes(stored.message.id));
    const events = text
      .split("\n\n")
      .filter((block) => block.includes("event: inbox"))
      .map(
        (block) =>
          JSON.parse(
            block
              .split("\n")
              .find((l) => l.startsWith("data: "))!
              .slice(6),
          ) as TInboxSignal,
      );
    expect(events).toEqual([expect.objectContaining({ kind: "message.stored", tenantId: t.id, messageId: stored.message.id })]);

    controller.abort();
    expect(await reader.read()).toEqual({ done: true, value: undefined });
    expect(inboxBus().subscriberCount(t.id)).toBe(before);
  });

  it("the SSE route answers 401 signed out and 403 for a business the user does not belong to", async () => {
    const [t, other] = await Promise.all([createTestTenant(), createTestTenant()]);
    expect((await callLoader(new Request("http://localhost/api/inbox/events"))).status).toBe(401);
    const { request } = await signedInRequest(t.owner, `http://localhost/api/inbox/events?tenantId=${other.id}`);
    expect((await callLoader(request)).status).toBe(403);
  });

  it("sends heartbeats", async () => {
    const { inboxEventStream } = await import("../../../server/conversations/inbox-stream.server");
    const controller = new AbortController();
    const reader = inboxEventStream({ tenantId: "heartbeat-test", signal: controller.signal, heartbeatMs: 20 }).body!.getReader();
    expect(await readUntil(reader, (s) => (s.match(/: heartbeat/g) ?? []).length >= 2, 2_000)).toContain(": heartbeat");
    controller.abort();
    expect((await reader.read()).done).toBe(true);
  });

  const testDatabase = inject("testDatabase");
  describe.skipIf(testDatabase.kind !== "postgres")("on a PostgreSQL server", () => {
    const url = testDatabase.kind === "postgres" ? testDatabase.url : "";

    it("NOTIFYs other instances at commit, and the listener republishes other instances' events", async () => {
      const t = await createTestTenant();
      const customer = await createCustomer(t.id);
      const raw = new pg.Client({ connectionString: url });
      await raw.connect();
      const payloads: string[] = [];
      raw.on("notification", (n) => payloads.push(n.payload ?? ""));
      await raw.query(`LISTEN ${INBOX_CHANNEL}`);
      const listener = await startInboxListener(url);
      try {
        const heard: TInboxSignal[] = [];
        unsubscribers.push(inboxBus().subscribe(t.id, (e) => heard.push(e)));
        const stored = await inbound(t.id, { customer: { id: customer.id }, body: "over the wire" });
        await expect.poll(() => payloads.some((p) => p.includes(stored.message.id))).toBe(true);
        // Another instance's event arrives through the listener. PostgreSQL hands a listener its
        // notifications in commit order, so once this later one is heard, this instance's own
        // NOTIFY has reached its listener too: no sleep needed to know it was ignored.
        const foreign = {
          origin: "another-instance",
          event: {
            kind: "message.stored",
            tenantId: t.id,
            conversationId: stored.conversationId,
            messageId: "from-elsewhere",
            channel: "SMS",
            direction: "INBOUND",
            at: new Date().toISOString(),
          },
        };
        await raw.query(`SELECT pg_notify($1, $2)`, [INBOX_CHANNEL, JSON.stringify(foreign)]);
        await expect.poll(() => heard.some((e) => e.kind === "message.stored" && e.messageId === "from-elsewhere")).toBe(true);
        // Its own NOTIFY was ignored by this instance's listener: heard once (after commit), not twice.
        expect(heard.filter((e) => e.kind === "message.stored" && e.messageId === stored.message.id)).toHaveLength(1);
        // Garbage on the channel is ignored.
        await raw.query(`SELECT pg_notify($1, 'not json')`, [INBOX_CHANNEL]);
      } finally {
        await listener.stop();
        await raw.end();
      }
    });
  });
});
