import { describe, expect, it } from "vitest";
import { withGlobal, withTenant } from "../../../server/db/db.server";
import { emitEvent } from "../../../server/events/outbox.server";
import { createOutboxRelay, type EventSender } from "../../../server/jobs/outbox-relay.server";
import { createTenant, manualClock } from "./support";

/**
 * The outbox relay's delivery state lives in outbox_events: attempts, backoff
 * (next_attempt_at), dead letters (dead_at) and claims (lease_until). Every clock here is
 * fixed and moved by hand; backoff jitter is pinned (random 0.5: the first retry waits 750 ms,
 * the second 1500 ms, the third 3000 ms).
 */
const START = new Date("2030-01-07T15:00:00.000Z");
const BACKOFF = { baseMs: 1_000, maxMs: 60_000, random: () => 0.5 };

async function emit(tenantId: string, userId: string) {
  return withTenant(tenantId, (db) => emitEvent(db, "member/joined", { tenantId, userId, role: "STAFF" }));
}

const row = (id: string) => withGlobal((g) => g.outboxEvent.findUniqueOrThrow({ where: { id } }));

/** An Inngest stand-in that refuses any batch holding a poison event, and records what it accepted. */
function recordingSender(poison: Set<string> = new Set()) {
  const sent: string[] = [];
  const calls: string[][] = [];
  const sender: EventSender = {
    async send(events) {
      calls.push(events.map((e) => e.id));
      const bad = events.find((e) => poison.has(e.id));
      if (bad) throw new Error(`event ${bad.id} is too large`);
      sent.push(...events.map((e) => e.id));
    },
  };
  return { sender, sent, calls };
}

describe("outbox relay: attempts, backoff and dead letters in the table", () => {
  it("one poison event never blocks the others: they are delivered, it alone is marked failed", async () => {
    const tenantId = await createTenant("relay");
    const a = await emit(tenantId, "a");
    const poison = await emit(tenantId, "poison");
    const c = await emit(tenantId, "c");
    const { sender, sent } = recordingSender(new Set([poison]));
    const clock = manualClock(START);
    const relay = createOutboxRelay({ functions: [], mode: "inngest", tenantId, sender, now: clock.now, backoff: BACKOFF });

    expect(await relay.tick()).toEqual({ delivered: 2, failed: 1 });
    expect(sent).toEqual([a, c]);
    expect((await row(a)).deliveredAt).toEqual(START);
    expect((await row(c)).deliveredAt).toEqual(START);
    expect(await row(poison)).toMatchObject({
      deliveredAt: null,
      deadAt: null,
      attempts: 1,
      lastError: `Error: event ${poison} is too large`,
      nextAttemptAt: new Date(START.getTime() + 750),
      leaseUntil: null,
    });

    // A later event is not held behind the failing one either.
    const d = await emit(tenantId, "d");
    expect(await relay.tick()).toEqual({ delivered: 1, failed: 0 });
    expect(sent).toEqual([a, c, d]);
  });

  it("backoff is kept in the table: no relay, not even a new one, retries before next_attempt_at", async () => {
    const tenantId = await createTenant("relay");
    const id = await emit(tenantId, "flaky");
    const poison = new Set([id]);
    const { sender, calls } = recordingSender(poison);
    const clock = manualClock(START);
    const options = { functions: [], mode: "inngest" as const, tenantId, sender, now: clock.now, backoff: BACKOFF };

    expect(await createOutboxRelay(options).tick()).toEqual({ delivered: 0, failed: 1 });
    expect((await row(id)).nextAttemptAt).toEqual(new Date(START.getTime() + 750));

    // A restarted process (a fresh relay) sees the same backoff.
    clock.advance(749);
    expect(await createOutboxRelay(options).tick()).toEqual({ delivered: 0, failed: 0 });
    expect(calls).toHaveLength(1);

    clock.advance(1);
    expect(await createOutboxRelay(options).tick()).toEqual({ delivered: 0, failed: 1 });
    expect(calls).toHaveLength(2);
    // The second failure waits twice as long.
    expect(await row(id)).toMatchObject({ attempts: 2, nextAttemptAt: new Date(START.getTime() + 750 + 1_500) });

    poison.clear();
    clock.advance(1_499);
    expect(await createOutboxRelay(options).tick()).toEqual({ delivered: 0, failed: 0 });
    clock.advance(1);
    expect(await createOutboxRelay(options).tick()).toEqual({ delivered: 1, failed: 0 });
    expect(await row(id)).toMatchObject({ attempts: 3, lastError: null, nextAttemptAt: null, deadAt: null });
  });

  it("after maxAttempts failures an event is a dead letter and is never tried again", async () => {
    const tenantId = await createTenant("relay");
    const id = await emit(tenantId, "doomed");
    const { sender, calls } = recordingSender(new Set([id]));
    const clock = manualClock(START);
    const relay = createOutboxRelay({ functions: [], mode: "inngest", tenantId, sender, now: clock.now, backoff: BACKOFF, maxAttempts: 3 });

    expect(await relay.tick()).toEqual({ delivered: 0, failed: 1 });
    clock.advance(750);
    expect(await relay.tick()).toEqual({ delivered: 0, failed: 1 });
    expect((await row(id)).deadAt).toBeNull();
    clock.advance(1_500);
    expect(await relay.tick()).toEqual({ delivered: 0, failed: 1 });
    const dead = await row(id);
    expect(dead).toMatchObject({ attempts: 3, deliveredAt: null, nextAttemptAt: null, leaseUntil: null });
    expect(dead.deadAt).toEqual(new Date(START.getTime() + 2_250));
    expect(dead.lastError).toBe(`Error: event ${id} is too large`);

    clock.advance(24 * 3_600_000);
    expect(await relay.tick()).toEqual({ delivered: 0, failed: 0 });
    expect(calls).toHaveLength(3);
  });

  it("sends outside the row-locking transaction: while one send hangs, its row is not locked and another relay delivers the rest", async () => {
    const tenantId = await createTenant("relay");
    const slow = await emit(tenantId, "slow");
    const b = await emit(tenantId, "b");
    const c = await emit(tenantId, "c");
    const clock = manualClock(START);

    let entered!: () => void;
    const sendStarted = new Promise<void>((resolve) => (entered = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const sent: string[] = [];
    const sender: EventSender = {
      async send(events) {
        if (events.some((e) => e.id === slow)) {
          entered();
          await released;
        }
        sent.push(...events.map((e) => e.id));
      },
    };
    const options = { functions: [], mode: "inngest" as const, tenantId, sender, now: clock.now, backoff: BACKOFF };
    const first = createOutboxRelay({ ...options, batchSize: 1 }).tick();
    await sendStarted;
    try {
      // No transaction holds the slow event's row: it can be locked without waiting...
      const locked = await withGlobal(
        (g) => g.$queryRaw<Array<{ id: string }>>`SELECT id FROM outbox_events WHERE id = ${slow} FOR UPDATE NOWAIT`,
      );
      expect(locked).toEqual([{ id: slow }]);
      // ...and its lease keeps a second relay off it, which delivers the others meanwhile.
      expect((await row(slow)).leaseUntil).toEqual(new Date(START.getTime() + 120_000));
      expect(await createOutboxRelay(options).tick()).toEqual({ delivered: 2, failed: 0 });
      expect(sent).toEqual([b, c]);
    } finally {
      release();
    }
    expect(await first).toEqual({ delivered: 1, failed: 0 });
    expect(sent).toEqual([b, c, slow]);
    expect(await row(slow)).toMatchObject({ deliveredAt: START, leaseUntil: null, attempts: 1 });
  });

  it("a claim whose relay died is taken over once its lease ends", async () => {
    const tenantId = await createTenant("relay");
    const id = await emit(tenantId, "orphan");
    const clock = manualClock(START);
    // What a relay that crashed mid-send leaves behind.
    await withGlobal((g) => g.outboxEvent.update({ where: { id }, data: { leaseUntil: new Date(START.getTime() + 120_000) } }));
    const { sender, sent } = recordingSender();
    const relay = createOutboxRelay({ functions: [], mode: "inngest", tenantId, sender, now: clock.now });

    clock.advance(119_999);
    expect(await relay.tick()).toEqual({ delivered: 0, failed: 0 });
    clock.advance(1);
    expect(await relay.tick()).toEqual({ delivered: 1, failed: 0 });
    expect(sent).toEqual([id]);
  });
});
