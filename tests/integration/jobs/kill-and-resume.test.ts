import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase, type Database } from "../../../server/db/database.server";
import { getDatabase, installDatabase } from "../../../server/db/db.server";
import { createLocalRunner, hashStepId } from "../../../server/jobs/local-runner.server";
import { blockingFunction, killFixtureFunctions, sleepingFunction } from "./fixtures/kill-functions";
import { auditActions, count, createTenant, enqueue, manualClock, runFor } from "./support";

/**
 * A REAL crash: a worker child process runs two fixture runs against the same database
 * and is SIGKILLed while (a) the first run is inside its second step, its first step
 * memoized, and (b) the second run is sleeping. A new runner must finish both without
 * repeating any finished step.
 *
 * PostgreSQL server: the child connects to the same test database. PGlite: one process
 * per data directory, so the test migrates a file-backed copy of the template, closes it,
 * lets the child open it, and reopens it after the kill (crash recovery included).
 */

const WORKER = path.resolve(__dirname, "fixtures/worker.ts");
const target = inject("testDatabase");

type Message = { type: string; runId?: string; runs?: Array<{ id: string; status: string; runAt: string }>; message?: string };

let original: Database;
let fileDb: Database | undefined;
let tmpDir: string | undefined;
let tenantId: string;
let blockingEvent: string;
let sleepingEvent: string;
let childStderr = "";

function startWorker(dbSpec: object, runIds: string[]) {
  const child = spawn(process.execPath, ["--import", "tsx", WORKER], {
    cwd: path.resolve(__dirname, "../../.."),
    env: {
      ...process.env,
      NODE_ENV: "test",
      LOG_LEVEL: "silent",
      JOBS_FIXTURE_DB: JSON.stringify(dbSpec),
      JOBS_FIXTURE_RUNS: runIds.join(","),
      JOBS_FIXTURE_BLOCK: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const messages: Message[] = [];
  let buffer = "";
  child.stdout.on("data", (chunk: Buffer) => {
    buffer += chunk.toString();
    let nl: number;
    while ((nl = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, nl).trim();
      buffer = buffer.slice(nl + 1);
      if (line.startsWith("{")) messages.push(JSON.parse(line) as Message);
    }
  });
  child.stderr.on("data", (chunk: Buffer) => (childStderr += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on("exit", (code, sig) => resolve(sig ?? code)));
  return { child, messages, exited };
}

async function waitUntil(what: string, check: () => boolean, exited: Promise<unknown>, timeoutMs = 40_000) {
  let done = false;
  const died = exited.then(() => {
    if (!done) throw new Error(`worker exited before: ${what}\n${childStderr.slice(-2000)}`);
  });
  const deadline = Date.now() + timeoutMs;
  try {
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}\n${childStderr.slice(-2000)}`);
      await Promise.race([new Promise((r) => setTimeout(r, 25)), died]);
    }
  } finally {
    done = true;
  }
}

beforeAll(async () => {
  original = await getDatabase();
  let dbSpec: object;
  if (target.kind === "pglite") {
    tmpDir = mkdtempSync(path.join(os.tmpdir(), "sp-kill-"));
    const dataDir = path.join(tmpDir, "pgdata");
    fileDb = await openDatabase({ kind: "pglite", dataDir, loadDataDir: new Blob([readFileSync(target.templatePath)]) });
    installDatabase(fileDb);
    dbSpec = { kind: "pglite", dataDir };
  } else {
    dbSpec = { kind: "postgres", url: target.url };
  }

  tenantId = await createTenant("kill");
  blockingEvent = await enqueue(killFixtureFunctions, "fixture/kill-blocking", { tenantId });
  sleepingEvent = await enqueue(killFixtureFunctions, "fixture/kill-sleeping", { tenantId });
  const runIds = [(await runFor(blockingFunction.id(), blockingEvent)).id, (await runFor(sleepingFunction.id(), sleepingEvent)).id];

  if (fileDb) await fileDb.close(); // the child needs the data directory to itself
  const worker = startWorker(dbSpec, runIds);
  try {
    await waitUntil(
      "the blocking run is inside step 2 and the sleeping run sleeps",
      () => {
        const blocked = worker.messages.some((m) => m.type === "blocked" && m.runId === runIds[0]);
        const statuses = worker.messages.filter((m) => m.type === "status").at(-1)?.runs ?? [];
        return blocked && statuses.some((r) => r.id === runIds[1] && r.status === "SLEEPING");
      },
      worker.exited,
    );
  } finally {
    worker.child.kill("SIGKILL");
  }
  expect(await worker.exited).toBe("SIGKILL");

  if (fileDb) {
    fileDb = await openDatabase({ kind: "pglite", dataDir: (dbSpec as { dataDir: string }).dataDir });
    installDatabase(fileDb);
  }
}, 120_000);

afterAll(async () => {
  if (fileDb) {
    await fileDb.close().catch(() => {});
    installDatabase(original);
  }
  if (tmpDir) rmSync(tmpDir, { recursive: true, force: true });
});

describe("kill -9 and resume", () => {
  it("a run killed inside step 2 resumes after its lease expires; step 1's side effect happened exactly once", async () => {
    let run = await runFor(blockingFunction.id(), blockingEvent);
    // State the crash left behind: RUNNING, leased by the dead child, step 1 memoized.
    expect(run.status).toBe("RUNNING");
    expect(run.lockedBy).toMatch(/^child-\d+$/);
    expect(run.steps.map((s) => [s.stepId, s.op])).toEqual([[hashStepId("side-effect"), "StepRun"]]);
    expect(count(await auditActions(tenantId), "fixture.side-effect")).toBe(1);
    expect(count(await auditActions(tenantId), "fixture.finish")).toBe(0);

    const runner = createLocalRunner({ functions: killFixtureFunctions, workerId: "resumer" });
    const leaseLeft = run.lockedUntil!.getTime() - Date.now();
    if (leaseLeft > 0) {
      await runner.tick(); // the lease is still valid: nobody may take the run yet
      expect((await runFor(blockingFunction.id(), blockingEvent)).status).toBe("RUNNING");
      await new Promise((r) => setTimeout(r, leaseLeft + 50));
    }
    await runner.tick();

    run = await runFor(blockingFunction.id(), blockingEvent);
    expect(run.status).toBe("COMPLETED");
    expect(run.output).toBe("finished");
    expect(run.steps.filter((s) => s.op === "WorkerLost")).toHaveLength(1);
    const actions = await auditActions(tenantId);
    expect(count(actions, "fixture.side-effect")).toBe(1);
    expect(count(actions, "fixture.finish")).toBe(1);
  });

  it("a sleep that spans the kill: the run stays asleep until its wake time, then finishes without repeating earlier steps", async () => {
    let run = await runFor(sleepingFunction.id(), sleepingEvent);
    expect(run.status).toBe("SLEEPING");
    const wakeAt = run.runAt;
    expect(wakeAt.getTime()).toBeGreaterThan(Date.now() + 30_000); // "1m" from when the child reached it
    expect(count(await auditActions(tenantId), "fixture.before-sleep")).toBe(1);

    const clock = manualClock(new Date(wakeAt.getTime() - 1_000));
    const runner = createLocalRunner({ functions: killFixtureFunctions, workerId: "resumer-2", now: clock.now });
    await runner.tick();
    run = await runFor(sleepingFunction.id(), sleepingEvent);
    expect(run.status).toBe("SLEEPING");
    expect(count(await auditActions(tenantId), "fixture.after-sleep")).toBe(0);

    clock.set(wakeAt);
    await runner.tick();
    run = await runFor(sleepingFunction.id(), sleepingEvent);
    expect(run.status).toBe("COMPLETED");
    expect(run.output).toBe("rested");
    const actions = await auditActions(tenantId);
    expect(count(actions, "fixture.before-sleep")).toBe(1);
    expect(count(actions, "fixture.after-sleep")).toBe(1);
  });
});
