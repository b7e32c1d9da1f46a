import { NonRetriableError } from "inngest";
import { describe, expect, it } from "vitest";
import { inngest } from "../../../inngest/client";
import { memberJoined } from "../../../inngest/events";
import { withGlobal, withTenant } from "../../../server/db/db.server";
import { emitEvent } from "../../../server/events/outbox.server";
import { getJobRun, jobRunStats, listJobRuns, retryJobRun, startDurableWork } from "../../../server/jobs/index.server";
import { createLocalRunner, hashStepId, type AnyInngestFunction } from "../../../server/jobs/local-runner.server";
import { createOutboxRelay } from "../../../server/jobs/outbox-relay.server";
import { createTenant, enqueue, manualClock, runFor, uid } from "./support";

// Function ids are unique per run: on a PostgreSQL server every test file shares one
// database, and a runner only claims runs of the functions it was given.
const fnId = (name: string) => uid(`t-${name}`);
const memo = (rows: Array<{ op: string; stepId: string }>) => rows.filter((r) => ["StepRun", "StepFailed", "Sleep"].includes(r.op));
const history = <T extends { op: string }>(rows: T[], op: string): T[] => rows.filter((r) => r.op === op);

/** A runner with deterministic backoff; pass a manual clock created AFTER the runs were enqueued. */
function runnerFor(functions: AnyInngestFunction[], clock?: ReturnType<typeof manualClock>) {
  return createLocalRunner({
    functions,
    now: clock?.now,
    backoff: { baseMs: 1_000, maxMs: 60_000, random: () => 0.5 },
    pollIntervalMs: 20,
  });
}

describe("local runner", () => {
  it("runs every step exactly once, memoizes each under the SDK's hashed step id, and completes", async () => {
    const calls: string[] = [];
    const fn = inngest.createFunction({ id: fnId("steps"), triggers: [{ event: "jobs-test/steps" }] }, async ({ event, step }) => {
      const a = await step.run("a", () => (calls.push("a"), { n: Number(event.data.n) }));
      const b = await step.run("b", () => (calls.push("b"), a.n + 1));
      const c = await step.run("c", () => (calls.push("c"), b * 10));
      return { a: a.n, b, c };
    });
    const runner = runnerFor([fn]);
    const eventId = await enqueue([fn], "jobs-test/steps", { n: 4 });
    await runner.tick();

    const run = await runFor(fn.id(), eventId);
    expect(run.status).toBe("COMPLETED");
    expect(run.output).toEqual({ a: 4, b: 5, c: 50 });
    expect(run.finishedAt).not.toBeNull();
    expect(run.lockedBy).toBeNull();
    expect(calls).toEqual(["a", "b", "c"]);
    expect(memo(run.steps).map((s) => [s.stepId, s.op])).toEqual([
      [hashStepId("a"), "StepRun"],
      [hashStepId("b"), "StepRun"],
      [hashStepId("c"), "StepRun"],
    ]);
    expect(run.steps.find((s) => s.stepId === hashStepId("b"))?.output).toBe(5);

    // Nothing is due any more: another tick runs nothing.
    expect((await runner.tick()).runs).toBe(0);
    expect(calls).toHaveLength(3);
  });

  it("retries a step that throws twice with exponential backoff, then completes after 3 attempts", async () => {
    let flaky = 0;
    let before = 0;
    const fn = inngest.createFunction({ id: fnId("flaky"), triggers: [{ event: "jobs-test/flaky" }] }, async ({ step }) => {
      await step.run("before", () => ++before);
      return step.run("flaky", () => {
        flaky++;
        if (flaky < 3) throw new Error(`transient ${flaky}`);
        return "ok";
      });
    });
    const eventId = await enqueue([fn], "jobs-test/flaky");
    const clock = manualClock();
    const runner = runnerFor([fn], clock);

    await runner.tick();
    let run = await runFor(fn.id(), eventId);
    expect(run).toMatchObject({ status: "QUEUED", attempt: 1, lastError: 'step "flaky": Error: transient 1' });
    // random() = 0.5: first delay = 1000/2 + 0.5 * 1000/2 = 750 ms.
    expect(run.runAt.getTime() - clock.now().getTime()).toBe(750);

    await runner.tick(); // not due yet
    expect(flaky).toBe(1);

    clock.advance(750);
    await runner.tick();
    run = await runFor(fn.id(), eventId);
    expect(run).toMatchObject({ status: "QUEUED", attempt: 2 });
    expect(run.runAt.getTime() - clock.now().getTime()).toBe(1_500); // doubled

    clock.advance(1_500);
    await runner.tick();
    run = await runFor(fn.id(), eventId);
    expect(run.status).toBe("COMPLETED");
    expect(run.output).toBe("ok");
    expect(flaky).toBe(3);
    expect(before).toBe(1);
    const errors = history(run.steps, "StepError");
    expect(errors.map((e) => e.error as { attempt: number; backoffMs: number; stepId: string })).toEqual([
      expect.objectContaining({ attempt: 0, backoffMs: 750, stepId: hashStepId("flaky"), message: "transient 1" }),
      expect.objectContaining({ attempt: 1, backoffMs: 1_500, stepId: hashStepId("flaky"), message: "transient 2" }),
    ]);
  });

  it("fails a permanently failing step after maxAttempts (retries + 1) with last_error", async () => {
    let calls = 0;
    const fn = inngest.createFunction({ id: fnId("broken"), retries: 2, triggers: [{ event: "jobs-test/broken" }] }, async ({ step }) => {
      await step.run("always-fails", () => {
        calls++;
        throw new Error("the provider is down");
      });
      return "unreachable";
    });
    const eventId = await enqueue([fn], "jobs-test/broken");
    const clock = manualClock();
    const runner = runnerFor([fn], clock);
    expect((await runFor(fn.id(), eventId)).maxAttempts).toBe(3);

    for (let i = 0; i < 6; i++) {
      await runner.tick();
      clock.advance(60_000);
    }
    const run = await runFor(fn.id(), eventId);
    expect(run.status).toBe("FAILED");
    expect(calls).toBe(3);
    expect(run.lastError).toContain("the provider is down");
    expect(run.finishedAt).not.toBeNull();
    expect(history(run.steps, "StepError")).toHaveLength(2);
    expect(run.steps.find((s) => s.op === "StepFailed")).toMatchObject({ stepId: hashStepId("always-fails") });
  });

  it("uses Inngest's default of 3 retries (4 attempts) when the function sets none", async () => {
    let calls = 0;
    const fn = inngest.createFunction({ id: fnId("default-retries"), triggers: [{ event: "jobs-test/default" }] }, async () => {
      calls++;
      throw new Error("handler keeps failing");
    });
    const eventId = await enqueue([fn], "jobs-test/default");
    const clock = manualClock();
    const runner = runnerFor([fn], clock);
    for (let i = 0; i < 8; i++) {
      await runner.tick();
      clock.advance(60_000);
    }
    const run = await runFor(fn.id(), eventId);
    expect(run).toMatchObject({ status: "FAILED", maxAttempts: 4 });
    expect(calls).toBe(4);
    expect(run.lastError).toContain("handler keeps failing");
  });

  it("fails at once on NonRetriableError", async () => {
    let calls = 0;
    const fn = inngest.createFunction(
      { id: fnId("non-retriable"), retries: 5, triggers: [{ event: "jobs-test/nr" }] },
      async ({ step }) => {
        await step.run("validate", () => {
          calls++;
          throw new NonRetriableError("customer record is gone");
        });
      },
    );
    const runner = runnerFor([fn]);
    const eventId = await enqueue([fn], "jobs-test/nr");
    await runner.tick();
    const run = await runFor(fn.id(), eventId);
    expect(run.status).toBe("FAILED");
    expect(calls).toBe(1);
    expect(run.lastError).toContain("customer record is gone");
    expect(history(run.steps, "StepError")).toHaveLength(0);
  });

  it("retries a failing handler without repeating its finished steps", async () => {
    let stepCalls = 0;
    const fn = inngest.createFunction({ id: fnId("handler-retry"), triggers: [{ event: "jobs-test/hr" }] }, async ({ step, attempt }) => {
      const v = await step.run("once", () => ++stepCalls);
      if (attempt === 0) throw new Error("handler hiccup");
      return { v, attempt };
    });
    const eventId = await enqueue([fn], "jobs-test/hr");
    const clock = manualClock();
    const runner = runnerFor([fn], clock);
    await runner.tick();
    expect((await runFor(fn.id(), eventId)).status).toBe("QUEUED");
    clock.advance(10_000);
    await runner.tick();
    const run = await runFor(fn.id(), eventId);
    expect(run.status).toBe("COMPLETED");
    expect(run.output).toEqual({ v: 1, attempt: 1 });
    expect(stepCalls).toBe(1);
    expect(history(run.steps, "FunctionError")).toHaveLength(1);
  });

  it("step.sleep / step.sleepUntil put the run to SLEEPING until the wake time, then it completes", async () => {
    const calls: string[] = [];
    const fn = inngest.createFunction({ id: fnId("sleepy"), triggers: [{ event: "jobs-test/sleepy" }] }, async ({ step, event }) => {
      await step.run("before", () => calls.push("before"));
      await step.sleep("nap", "2s");
      await step.run("between", () => calls.push("between"));
      await step.sleepUntil("until", new Date(String(event.data.until)));
      await step.run("after", () => calls.push("after"));
      return "awake";
    });
    const until = new Date(Date.now() + 60_000);
    const eventId = await enqueue([fn], "jobs-test/sleepy", { until: until.toISOString() });
    const clock = manualClock();
    const runner = runnerFor([fn], clock);

    await runner.tick();
    let run = await runFor(fn.id(), eventId);
    expect(run.status).toBe("SLEEPING");
    expect(run.runAt.getTime()).toBe(clock.now().getTime() + 2_000);
    expect(run.lockedBy).toBeNull();
    expect(run.steps.find((s) => s.stepId === hashStepId("nap"))).toMatchObject({
      op: "Sleep",
      output: { wakeAt: run.runAt.toISOString(), duration: "2s" },
    });

    clock.advance(1_999);
    await runner.tick();
    expect((await runFor(fn.id(), eventId)).status).toBe("SLEEPING");
    expect(calls).toEqual(["before"]);

    clock.advance(1);
    await runner.tick();
    run = await runFor(fn.id(), eventId);
    expect(run.status).toBe("SLEEPING");
    expect(run.runAt.toISOString()).toBe(until.toISOString());
    expect(calls).toEqual(["before", "between"]);

    clock.set(until);
    await runner.tick();
    run = await runFor(fn.id(), eventId);
    expect(run.status).toBe("COMPLETED");
    expect(run.output).toBe("awake");
    expect(calls).toEqual(["before", "between", "after"]);
  });

  it("runs parallel steps (Promise.all) once each", async () => {
    const calls: string[] = [];
    const fn = inngest.createFunction({ id: fnId("parallel"), triggers: [{ event: "jobs-test/parallel" }] }, async ({ step }) => {
      const [x, y] = await Promise.all([step.run("x", () => (calls.push("x"), 1)), step.run("y", () => (calls.push("y"), 2))]);
      const z = await step.run("z", () => (calls.push("z"), x + y));
      return z;
    });
    const runner = runnerFor([fn]);
    const eventId = await enqueue([fn], "jobs-test/parallel");
    await runner.tick();
    const run = await runFor(fn.id(), eventId);
    expect(run.status).toBe("COMPLETED");
    expect(run.output).toBe(3);
    expect([...calls].sort()).toEqual(["x", "y", "z"]);
  });

  it("reports step.waitForEvent as unsupported and fails the run without retrying", async () => {
    const fn = inngest.createFunction({ id: fnId("wait"), triggers: [{ event: "jobs-test/wait" }] }, async ({ step }) => {
      await step.waitForEvent("wait-for-reply", { event: "jobs-test/reply", timeout: "1h" });
    });
    const runner = runnerFor([fn]);
    const eventId = await enqueue([fn], "jobs-test/wait");
    await runner.tick();
    const run = await runFor(fn.id(), eventId);
    expect(run.status).toBe("FAILED");
    expect(run.lastError).toMatch(/uses step\.waitForEvent, which the local job runner does not support/);
  });

  it("step.sendEvent starts runs directly for platform events and goes through the tenant's outbox for tenant events", async () => {
    const tenantId = await createTenant();
    const received: string[] = [];
    const sender = inngest.createFunction({ id: fnId("sender"), triggers: [{ event: "jobs-test/send" }] }, async ({ step, event }) => {
      const direct = await step.sendEvent("ping", { name: "jobs-test/ping", data: { from: "sender" } });
      const viaOutbox = await step.sendEvent(
        "joined",
        memberJoined.create({ tenantId: String(event.data.tenantId), userId: "u-1", role: "STAFF" }),
      );
      return { direct: direct.ids, viaOutbox: viaOutbox.ids };
    });
    const ping = inngest.createFunction({ id: fnId("ping"), triggers: [{ event: "jobs-test/ping" }] }, async ({ event }) => {
      received.push(`ping:${String(event.data.from)}`);
    });
    const joined = inngest.createFunction({ id: fnId("joined"), triggers: [memberJoined] }, async ({ event }) => {
      received.push(`joined:${event.data.userId}`);
    });
    const functions = [sender, ping, joined];
    const runner = runnerFor(functions);
    const relay = createOutboxRelay({ functions, mode: "local", tenantId });
    const eventId = await enqueue(functions, "jobs-test/send", { tenantId });

    await runner.tick();
    const run = await runFor(sender.id(), eventId);
    expect(run.status).toBe("COMPLETED");
    const out = run.output as { direct: string[]; viaOutbox: string[] };
    expect(received).toEqual(["ping:sender"]);
    const outbox = await withTenant(tenantId, (db) => db.outboxEvent.findMany({ where: { id: { in: out.viaOutbox } } }));
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ name: "member/joined", tenantId, deliveredAt: null });

    expect((await relay.tick()).delivered).toBe(1);
    await runner.tick();
    expect(received).toEqual(["ping:sender", "joined:u-1"]);
    expect((await runFor(joined.id(), out.viaOutbox[0])).tenantId).toBe(tenantId);
    expect((await runFor(ping.id(), out.direct[0])).status).toBe("COMPLETED");
  });

  it("claims a RUNNING run whose lease expired (crashed worker) and counts it as an attempt", async () => {
    let calls = 0;
    const fn = inngest.createFunction({ id: fnId("orphan"), triggers: [{ event: "jobs-test/orphan" }] }, async ({ step }) =>
      step.run("work", () => ++calls),
    );
    const eventId = await enqueue([fn], "jobs-test/orphan");
    await withGlobal((g) =>
      g.jobRun.updateMany({
        where: { functionId: fn.id(), eventId },
        data: { status: "RUNNING", lockedBy: "ghost", lockedUntil: new Date(Date.now() + 60_000) },
      }),
    );
    const clock = manualClock();
    const runner = runnerFor([fn], clock);
    await runner.tick();
    expect((await runFor(fn.id(), eventId)).status).toBe("RUNNING"); // lease still valid: not touched
    expect(calls).toBe(0);

    clock.advance(61_000);
    await runner.tick();
    const run = await runFor(fn.id(), eventId);
    expect(run.status).toBe("COMPLETED");
    expect(run.attempt).toBe(0); // reset by the memoized step
    expect(calls).toBe(1);
    expect(history(run.steps, "WorkerLost")).toHaveLength(1);
  });

  it("two workers ticking at once never run the same run twice (FOR UPDATE SKIP LOCKED + lease)", async () => {
    const perRun = new Map<string, number>();
    const fn = inngest.createFunction({ id: fnId("contended"), triggers: [{ event: "jobs-test/contended" }] }, async ({ step, runId }) => {
      await step.run("count", async () => {
        perRun.set(runId, (perRun.get(runId) ?? 0) + 1);
        await new Promise((r) => setTimeout(r, 20));
      });
      return "ok";
    });
    const ids = await Promise.all(Array.from({ length: 8 }, () => enqueue([fn], "jobs-test/contended")));
    const w1 = createLocalRunner({ functions: [fn], workerId: "w1", concurrency: 3 });
    const w2 = createLocalRunner({ functions: [fn], workerId: "w2", concurrency: 3 });
    await Promise.all([w1.tick(), w2.tick()]);
    const runs = await Promise.all(ids.map((id) => runFor(fn.id(), id)));
    expect(runs.map((r) => r.status)).toEqual(Array(8).fill("COMPLETED"));
    expect([...perRun.values()]).toEqual(Array(8).fill(1));
  });

  it("start()/stop() process runs in the background", async () => {
    const fn = inngest.createFunction({ id: fnId("background"), triggers: [{ event: "jobs-test/bg" }] }, async ({ step }) =>
      step.run("x", () => "done"),
    );
    const runner = createLocalRunner({ functions: [fn], pollIntervalMs: 20 });
    runner.start();
    try {
      const eventId = await enqueue([fn], "jobs-test/bg");
      runner.wake();
      await expect.poll(async () => (await runFor(fn.id(), eventId)).status, { timeout: 10_000, interval: 25 }).toBe("COMPLETED");
    } finally {
      await runner.stop();
    }
  });
});

describe("outbox relay", () => {
  it("delivers an outbox event to the local runner once, even when it is delivered twice", async () => {
    const tenantId = await createTenant();
    let calls = 0;
    const fn = inngest.createFunction({ id: fnId("on-joined"), triggers: [memberJoined] }, async ({ event, step }) => {
      await step.run("greet", () => ++calls);
      return event.data.userId;
    });
    const relay = createOutboxRelay({ functions: [fn], mode: "local", tenantId });
    const runner = runnerFor([fn]);
    const outboxId = await withTenant(tenantId, (db) => emitEvent(db, "member/joined", { tenantId, userId: "user-7", role: "STAFF" }));

    expect(await relay.tick()).toEqual({ delivered: 1, failed: 0 });
    const row = await withGlobal((g) => g.outboxEvent.findUniqueOrThrow({ where: { id: outboxId } }));
    expect(row.deliveredAt).not.toBeNull();
    expect(row.attempts).toBe(1);

    // Redelivery (e.g. a relay crashed after creating runs but before marking the row).
    await withGlobal((g) => g.outboxEvent.update({ where: { id: outboxId }, data: { deliveredAt: null } }));
    expect(await relay.tick()).toEqual({ delivered: 1, failed: 0 });
    expect(await withGlobal((g) => g.jobRun.count({ where: { functionId: fn.id(), eventId: outboxId } }))).toBe(1);

    await runner.tick();
    const run = await runFor(fn.id(), outboxId);
    expect(run).toMatchObject({ status: "COMPLETED", tenantId, eventName: "member/joined", output: "user-7" });
    expect(run.event).toMatchObject({ id: outboxId, name: "member/joined", data: { tenantId, userId: "user-7", role: "STAFF" } });
    expect(calls).toBe(1);
    expect(await relay.tick()).toEqual({ delivered: 0, failed: 0 });
  });

  it("inngest mode: sends with the outbox id, and on failure records attempts and retries after a backoff", async () => {
    const tenantId = await createTenant();
    const clock = manualClock();
    const sent: Array<{ id: string; name: string }> = [];
    let down = true;
    const relay = createOutboxRelay({
      functions: [],
      mode: "inngest",
      tenantId,
      now: clock.now,
      backoff: { baseMs: 1_000, random: () => 0.5 },
      sender: {
        async send(events) {
          if (down) throw new Error("inngest unreachable");
          sent.push(...events.map((e) => ({ id: e.id, name: e.name })));
        },
      },
    });
    const a = await withTenant(tenantId, (db) => emitEvent(db, "member/joined", { tenantId, userId: "a", role: "STAFF" }));
    const b = await withTenant(tenantId, (db) => emitEvent(db, "member/joined", { tenantId, userId: "b", role: "OWNER" }));

    expect(await relay.tick()).toEqual({ delivered: 0, failed: 2 });
    let rows = await withGlobal((g) => g.outboxEvent.findMany({ where: { id: { in: [a, b] } }, orderBy: { createdAt: "asc" } }));
    expect(rows.map((r) => [r.attempts, r.lastError, r.deliveredAt])).toEqual([
      [1, "Error: inngest unreachable", null],
      [1, "Error: inngest unreachable", null],
    ]);

    down = false;
    expect(await relay.tick()).toEqual({ delivered: 0, failed: 0 }); // still backing off
    clock.advance(750);
    expect(await relay.tick()).toEqual({ delivered: 2, failed: 0 });
    expect(sent).toEqual([
      { id: a, name: "member/joined" },
      { id: b, name: "member/joined" },
    ]);
    rows = await withGlobal((g) => g.outboxEvent.findMany({ where: { id: { in: [a, b] } } }));
    expect(rows.every((r) => r.deliveredAt && r.lastError === null && r.attempts === 2)).toBe(true);
  });
});

describe("platform-admin queries", () => {
  it("retryJobRun requeues a FAILED run; finished steps stay memoized, the failed step runs again", async () => {
    let healthy = false;
    const calls: string[] = [];
    const fn = inngest.createFunction({ id: fnId("retry-me"), retries: 0, triggers: [{ event: "jobs-test/retry" }] }, async ({ step }) => {
      await step.run("first", () => calls.push("first"));
      await step.run("second", () => {
        calls.push("second");
        if (!healthy) throw new Error("not yet");
        return "fixed";
      });
      return "done";
    });
    const eventId = await enqueue([fn], "jobs-test/retry");
    const runner = runnerFor([fn]); // real clock: retryJobRun requeues the run for "now"
    await runner.tick();
    const failed = await runFor(fn.id(), eventId);
    expect(failed.status).toBe("FAILED");
    expect(await retryJobRun((await runFor(fn.id(), eventId)).id)).toBe(true);
    const requeued = await runFor(fn.id(), eventId);
    expect(requeued).toMatchObject({ status: "QUEUED", attempt: 0, finishedAt: null });
    expect(requeued.steps.some((s) => s.op === "StepFailed")).toBe(false);

    healthy = true;
    await runner.tick();
    const done = await runFor(fn.id(), eventId);
    expect(done.status).toBe("COMPLETED");
    expect(calls).toEqual(["first", "second", "second"]);
    expect(await retryJobRun(done.id)).toBe(false); // only FAILED/CANCELLED runs

    const detail = await getJobRun(done.id);
    expect(detail?.steps.map((s) => s.op)).toEqual(expect.arrayContaining(["StepRun", "FunctionError"]));
  });

  it("listJobRuns pages newest first with a cursor and filters by status; jobRunStats counts per status", async () => {
    const fn = inngest.createFunction({ id: fnId("listed"), triggers: [{ event: "jobs-test/listed" }] }, async () => "ok");
    for (let i = 0; i < 3; i++) await enqueue([fn], "jobs-test/listed");
    const before = await jobRunStats();
    expect(Object.keys(before).sort()).toEqual(["CANCELLED", "COMPLETED", "FAILED", "QUEUED", "RUNNING", "SLEEPING"]);
    await runnerFor([fn]).tick();
    const after = await jobRunStats();
    expect(after.COMPLETED - before.COMPLETED).toBeGreaterThanOrEqual(3);

    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 100; page++) {
      const { runs, nextCursor } = await listJobRuns({ status: "COMPLETED", limit: 2, cursor });
      expect(runs.length).toBeLessThanOrEqual(2);
      expect(runs.every((r) => r.status === "COMPLETED")).toBe(true);
      seen.push(...runs.map((r) => r.id));
      if (!nextCursor) break;
      cursor = nextCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    const ours = await withGlobal((g) => g.jobRun.findMany({ where: { functionId: fn.id() }, select: { id: true } }));
    expect(seen).toEqual(expect.arrayContaining(ours.map((r) => r.id)));
    expect((await listJobRuns({ status: "SLEEPING", limit: 50 })).runs.every((r) => r.status === "SLEEPING")).toBe(true);
  });
});

describe("startDurableWork", () => {
  it("without Inngest keys picks local mode: an emitted event is relayed and run in the background", async () => {
    const tenantId = await createTenant();
    const fn = inngest.createFunction({ id: fnId("wired"), triggers: [memberJoined] }, async ({ event, step }) =>
      step.run("echo", () => event.data.userId),
    );
    const work = await startDurableWork({ functions: [fn], runner: { pollIntervalMs: 5_000 }, relay: { pollIntervalMs: 5_000, tenantId } });
    try {
      expect(work.mode).toBe("local");
      // emitEvent wakes the relay after commit: no need to wait for the 5 s poll.
      const outboxId = await withTenant(tenantId, async (db) => {
        const id = await emitEvent(db, "member/joined", { tenantId, userId: "wired-user", role: "STAFF" });
        return id;
      });
      await expect
        .poll(async () => (await withGlobal((g) => g.jobRun.findFirst({ where: { functionId: fn.id(), eventId: outboxId } })))?.status, {
          timeout: 4_000,
          interval: 25,
        })
        .toBe("COMPLETED");
      expect((await runFor(fn.id(), outboxId)).output).toBe("wired-user");
    } finally {
      await work.stop();
    }
  });
});
