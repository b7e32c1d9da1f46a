import { describe, expect, it } from "vitest";
import { withGlobal, withTenant } from "../../../server/db/db.server";
import { emitEvent } from "../../../server/events/outbox.server";
import { createOutboxRelay, type EventSender } from "../../../server/jobs/outbox-relay.server";
import { callerFor, createTestUser } from "../../helpers/factories";
import { createTenant, manualClock } from "./support";

/** Dead letters on /admin/jobs: a platform admin sees them and puts them back in line, audited. */
const START = new Date("2030-01-07T15:00:00.000Z");

/** Drives one event to a dead letter (maxAttempts 1: the first failure kills it). */
async function deadLetter(tenantId: string, userId: string) {
  const id = await withTenant(tenantId, (db) => emitEvent(db, "member/joined", { tenantId, userId, role: "STAFF" }));
  const relay = createOutboxRelay({
    functions: [],
    mode: "inngest",
    tenantId,
    maxAttempts: 1,
    now: manualClock(START).now,
    sender: {
      send() {
        return Promise.reject(new Error("payload rejected: 413"));
      },
    },
  });
  expect(await relay.tick()).toEqual({ delivered: 0, failed: 1 });
  return id;
}

describe("dead letters", () => {
  it("the admin list shows them with business, attempts and last error; only platform admins see or retry them", async () => {
    const tenantId = await createTenant("dead");
    const id = await deadLetter(tenantId, "x");
    const admin = await createTestUser({ isPlatformAdmin: true });

    const { deadLetters, total } = await callerFor(admin).admin.outbox.deadLetters({ limit: 200 });
    expect(total).toBeGreaterThanOrEqual(1);
    const mine = deadLetters.find((d) => d.id === id);
    expect(mine).toMatchObject({ name: "member/joined", tenantId, attempts: 1, lastError: "Error: payload rejected: 413", deadAt: START });
    expect(mine?.tenantName).toMatch(/^Jobs /);

    const stranger = callerFor(await createTestUser());
    await expect(stranger.admin.outbox.deadLetters({ limit: 10 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(stranger.admin.outbox.retry({ id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await withGlobal((g) => g.outboxEvent.findUniqueOrThrow({ where: { id } }))).deadAt).toEqual(START);
  });

  it("retry revives a dead letter: the relay delivers it again, and the retry is in the business's audit log", async () => {
    const tenantId = await createTenant("dead");
    const id = await deadLetter(tenantId, "y");
    const admin = await createTestUser({ isPlatformAdmin: true });
    const caller = callerFor(admin);

    expect(await caller.admin.outbox.retry({ id })).toEqual({ retried: true });
    expect(await withGlobal((g) => g.outboxEvent.findUniqueOrThrow({ where: { id } }))).toMatchObject({
      deadAt: null,
      attempts: 0,
      nextAttemptAt: null,
      deliveredAt: null,
    });
    // A second press finds nothing to revive.
    expect(await caller.admin.outbox.retry({ id })).toEqual({ retried: false });
    expect((await caller.admin.outbox.deadLetters({ limit: 200 })).deadLetters.some((d) => d.id === id)).toBe(false);

    const sent: string[] = [];
    const sender: EventSender = { send: async (events) => void sent.push(...events.map((e) => e.id)) };
    const relay = createOutboxRelay({ functions: [], mode: "inngest", tenantId, sender, now: manualClock(START).now });
    expect(await relay.tick()).toEqual({ delivered: 1, failed: 0 });
    expect(sent).toEqual([id]);

    const audit = await withTenant(tenantId, (db) => db.auditEntry.findMany({ where: { targetId: id } }));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "outbox.deadLetterRetried",
      actorUserId: admin.id,
      targetType: "outbox_event",
      data: { name: "member/joined", attempts: 1, lastError: "Error: payload rejected: 413", deadAt: START.toISOString() },
    });
  });
});
