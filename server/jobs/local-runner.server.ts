import { randomUUID } from "node:crypto";
import os from "node:os";
import { durationToMs, type Inngest, type InngestFunction } from "inngest";
import { getAsyncCtx } from "inngest/experimental";
import { InngestExecutionEngine, type InngestExecution } from "inngest/internals";
import { StepMode, StepOpCode, type OutgoingOp } from "inngest/types";
import { withGlobal, withTenant, type GlobalDb } from "../db/db.server";
import { Prisma, type JobRun, type JobStep } from "../db/generated/prisma/client";
import { emitEvent } from "../events/outbox.server";
import { logger } from "../observability/logger.server";
import { EVENT_TYPES, type TEventData, type TEventName } from "../../inngest/events";
import { createWakeSignal } from "./wake-signal";

/**
 * Local durable execution: runs the SAME Inngest function objects in-process when no
 * Inngest keys are configured, with all state in PostgreSQL (job_runs / job_steps).
 *
 * Each invocation is one call of the SDK's own execution engine (what Inngest does over
 * HTTP, and what @inngest/test does in memory): the engine replays the handler with the
 * memoized step results, runs at most one new step (or reports what it found: a sleep,
 * parallel steps, an unsupported op) and returns. The runner stores the outcome and
 * invokes again until the run completes, fails, sleeps or waits for a retry.
 *
 * Memoization: one job_steps row per finished step, keyed by the SDK's hashed step id
 * (sha1 of the user's step id, with ":n" suffixes for repeated ids, computed by the SDK).
 * op = "StepRun" (output) | "StepFailed" (error) | "Sleep" (output.wakeAt). Rows with other
 * ops (StepError, FunctionError, WorkerLost) are attempt history, never replayed.
 */

export type AnyInngestFunction = InngestFunction.Any;
type ExecutionResult = InngestExecution.ExecutionResult;
type MemoEntry = { id: string; data?: unknown; error?: unknown };

/** The event a run was started by, as stored in job_runs.event. */
export interface LocalEvent {
  id: string;
  name: string;
  data: Record<string, unknown>;
  ts: number;
}

/** Inngest's default when a function sets no `retries`: 3 retries, 4 attempts. */
export const DEFAULT_RETRIES = 3;
const MEMO_OPS = new Set<string>([StepOpCode.StepRun, StepOpCode.StepFailed, StepOpCode.Sleep]);
const RUN_COMPLETE_ID = InngestExecutionEngine._internals.hashId("complete");
const MAX_INVOCATIONS_PER_CLAIM = 500;

/** The SDK's hashed id for a user step id (what job_steps.step_id holds for memoized steps). */
export const hashStepId = (id: string): string => InngestExecutionEngine._internals.hashId(id);

// ------------------------------------------------------------------ functions and events

export const functionIdOf = (fn: AnyInngestFunction): string => fn.id();

/** Event names (or "prefix/*" patterns) that trigger the function. Cron triggers are ignored. */
export function triggerEventNames(fn: AnyInngestFunction): string[] {
  const triggers = (fn.opts.triggers ?? []) as ReadonlyArray<{ event?: unknown }>;
  const names: string[] = [];
  for (const trigger of triggers) {
    const ev = trigger?.event;
    if (typeof ev === "string") names.push(ev);
    else if (ev && typeof ev === "object" && typeof (ev as { name?: unknown }).name === "string") names.push((ev as { name: string }).name);
  }
  return names;
}

export function eventMatches(pattern: string, name: string): boolean {
  if (pattern === name) return true;
  return pattern.endsWith("*") && name.startsWith(pattern.slice(0, -1));
}

export function maxAttemptsOf(fn: AnyInngestFunction): number {
  const retries = fn.opts.retries;
  return (typeof retries === "number" ? retries : DEFAULT_RETRIES) + 1;
}

export function functionsForEvent(functions: readonly AnyInngestFunction[], name: string): AnyInngestFunction[] {
  return functions.filter((fn) => triggerEventNames(fn).some((p) => eventMatches(p, name)));
}

/**
 * Creates one QUEUED run per function triggered by the event. (function_id, event_id) is
 * unique, so delivering the same event again creates nothing. Returns the runs created.
 */
export async function createRunsForEvent(
  db: GlobalDb,
  functions: readonly AnyInngestFunction[],
  event: LocalEvent,
  options: { tenantId?: string | null; runAt?: Date } = {},
): Promise<number> {
  const matching = functionsForEvent(functions, event.name);
  if (!matching.length) return 0;
  const tenantId = options.tenantId ?? (typeof event.data.tenantId === "string" ? event.data.tenantId : null);
  const created = await db.jobRun.createMany({
    data: matching.map((fn) => ({
      functionId: functionIdOf(fn),
      eventId: event.id,
      eventName: event.name,
      event: toJson(event) as Prisma.InputJsonValue,
      tenantId,
      maxAttempts: maxAttemptsOf(fn),
      ...(options.runAt ? { runAt: options.runAt } : {}),
    })),
    skipDuplicates: true,
  });
  return created.count;
}

// ------------------------------------------------------------------------------ backoff

export interface BackoffOptions {
  /** Delay before the first retry, before jitter. Default 1 s. */
  baseMs?: number;
  /** Upper bound of any delay. Default 10 min. */
  maxMs?: number;
  /** Jitter source in [0, 1). Default Math.random. */
  random?: () => number;
}

/** Exponential backoff with "equal jitter": a delay in [d/2, d] where d = min(max, base * 2^attempt). */
export function backoffDelayMs(attempt: number, options: BackoffOptions = {}): number {
  const base = options.baseMs ?? 1_000;
  const max = options.maxMs ?? 600_000;
  const random = options.random ?? Math.random;
  const capped = Math.min(max, base * 2 ** Math.max(0, attempt));
  return Math.max(1, Math.round(capped / 2 + random() * (capped / 2)));
}

/** RetryAfterError gives "seconds" or an ISO date; anything else means normal backoff. */
function retryAfterMs(retriable: unknown, now: Date): number | undefined {
  if (typeof retriable !== "string") return undefined;
  if (/^\d+$/.test(retriable)) return Number(retriable) * 1000;
  const at = Date.parse(retriable);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

// ------------------------------------------------------------------------------- runner

export interface LocalRunnerOptions {
  functions: readonly AnyInngestFunction[];
  /** Identifies this worker in job_runs.locked_by. Default host:pid:random. */
  workerId?: string;
  /** How often to look for due runs when idle. Default 1000 ms. */
  pollIntervalMs?: number;
  /** Runs processed at once by this worker. Default 4. */
  concurrency?: number;
  /** How long a claim lasts without a heartbeat (renewed every lease/3). Default 60 s. */
  leaseMs?: number;
  backoff?: BackoffOptions;
  /** Clock (tests inject one to pass sleeps and backoffs without waiting). */
  now?: () => Date;
  /** How long stop() waits for in-flight invocations. Default 10 s. */
  stopTimeoutMs?: number;
  /** Called after step.sendEvent wrote an event to the outbox (wakes the relay). */
  onOutboxEvent?: () => void;
}

export interface LocalRunner {
  readonly workerId: string;
  /** Starts polling in the background. */
  start(): void;
  /** Stops claiming, lets in-flight invocations finish (bounded), releases their runs. */
  stop(): Promise<void>;
  /** Processes everything due now, until nothing is due (tests, CLI). */
  tick(): Promise<{ runs: number }>;
  /** Looks for due runs now instead of at the next poll. */
  wake(): void;
}

class LostLeaseError extends Error {
  constructor(runId: string) {
    super(`job run ${runId} is no longer locked by this worker (lease expired and taken over)`);
    this.name = "LostLeaseError";
  }
}

interface MemoState {
  state: Record<string, MemoEntry>;
  order: string[];
  sleeps: Map<string, Date>;
}

type ClaimedRun = JobRun & { steps: JobStep[]; reclaimed: boolean };
type Next = "continue" | "stop";
type SerializedError = { name?: string; message?: string; stack?: string; [key: string]: unknown };

export function createLocalRunner(options: LocalRunnerOptions): LocalRunner {
  const workerId = options.workerId ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const pollIntervalMs = options.pollIntervalMs ?? 1_000;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const leaseMs = options.leaseMs ?? 60_000;
  const stopTimeoutMs = options.stopTimeoutMs ?? 10_000;
  const clock = options.now ?? (() => new Date());
  const functions = options.functions;
  const byId = new Map(functions.map((fn) => [functionIdOf(fn), fn] as const));
  const functionIds = [...byId.keys()];
  const log = logger.child({ component: "local-runner", workerId });

  const active = new Set<Promise<void>>();
  let stopping = false;
  let loop: Promise<void> | null = null;

  const leaseEnd = () => new Date(clock().getTime() + leaseMs);

  const signal = createWakeSignal();
  const wake = signal.wake;
  const waitForWake = signal.wait;

  // ---------------------------------------------------------------------------- claim

  async function claim(limit: number): Promise<ClaimedRun[]> {
    if (!functionIds.length) return [];
    const now = clock();
    return withGlobal(async (tx) => {
      const rows = await tx.$queryRaw<Array<{ id: string; prev_status: string }>>`
        UPDATE job_runs AS r
           SET status = 'RUNNING',
               locked_by = ${workerId},
               locked_until = ${leaseEnd()}::timestamptz,
               updated_at = ${now}::timestamptz,
               attempt = CASE WHEN due.prev_status = 'RUNNING' THEN r.attempt + 1 ELSE r.attempt END
          FROM (
            SELECT id, status::text AS prev_status
              FROM job_runs
             WHERE function_id = ANY(${functionIds}::text[])
               AND ((status IN ('QUEUED', 'SLEEPING') AND run_at <= ${now}::timestamptz)
                    OR (status = 'RUNNING' AND locked_until < ${now}::timestamptz))
             ORDER BY run_at, created_at, id
             LIMIT ${limit}::int
               FOR UPDATE SKIP LOCKED
          ) AS due
         WHERE r.id = due.id
        RETURNING r.id, due.prev_status`;
      if (!rows.length) return [];
      const runs = await tx.jobRun.findMany({
        where: { id: { in: rows.map((r) => r.id) } },
        include: { steps: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] } },
        orderBy: [{ runAt: "asc" }, { createdAt: "asc" }],
      });
      const reclaimed = new Set(rows.filter((r) => r.prev_status === "RUNNING").map((r) => r.id));
      return runs.map((run) => ({ ...run, reclaimed: reclaimed.has(run.id) }));
    });
  }

  // -------------------------------------------------------------------------- writes

  /** Runs `fn` in a transaction only while this worker still holds the run. */
  async function whileLocked(run: JobRun, data: Prisma.JobRunUpdateManyMutationInput, fn?: (tx: GlobalDb) => Promise<unknown>) {
    await withGlobal(async (tx) => {
      const res = await tx.jobRun.updateMany({ where: { id: run.id, lockedBy: workerId, status: "RUNNING" }, data });
      if (res.count === 0) throw new LostLeaseError(run.id);
      if (fn) await fn(tx);
    });
  }

  function historyRow(run: JobRun, op: string, name: string, error: SerializedError, extra: Record<string, unknown>) {
    return {
      runId: run.id,
      stepId: `${op.toLowerCase()}:${randomUUID()}`,
      name,
      op,
      error: toJson({ ...error, ...extra }) as Prisma.InputJsonValue,
      createdAt: new Date(),
    };
  }

  async function memoize(run: JobRun, memo: MemoState, op: OutgoingOp, kind: "StepRun" | "StepFailed") {
    const name = stepName(op);
    const data = kind === "StepRun" ? toJson(op.data ?? null) : undefined;
    const error = kind === "StepFailed" ? (toJson(op.error ?? { message: "step failed" }) as SerializedError) : undefined;
    await whileLocked(run, { attempt: 0, lockedUntil: leaseEnd(), ...(error ? { lastError: errorText(error, name) } : {}) }, (tx) =>
      tx.jobStep.createMany({
        data: [
          {
            runId: run.id,
            stepId: op.id,
            name,
            op: kind,
            output: kind === "StepRun" ? jsonInput(data) : Prisma.DbNull,
            error: error ? (error as Prisma.InputJsonValue) : Prisma.DbNull,
            createdAt: new Date(),
          },
        ],
        skipDuplicates: true,
      }),
    );
    run.attempt = 0;
    memo.state[op.id] = kind === "StepRun" ? { id: op.id, data } : { id: op.id, error };
    memo.order.push(op.id);
  }

  async function completeRun(run: JobRun, data: unknown) {
    const now = clock();
    await whileLocked(run, {
      status: "COMPLETED",
      output: jsonInput(toJson(data ?? null)),
      finishedAt: now,
      lastError: null,
      lockedBy: null,
      lockedUntil: null,
    });
    log.info({ runId: run.id, functionId: run.functionId }, "job run completed");
  }

  async function failRun(run: JobRun, error: SerializedError, source: { op: string; name: string; stepId?: string }) {
    const now = clock();
    await whileLocked(
      run,
      { status: "FAILED", finishedAt: now, lastError: errorText(error, source.name), lockedBy: null, lockedUntil: null },
      (tx) =>
        tx.jobStep.create({
          data: historyRow(run, source.op, source.name, error, { stepId: source.stepId, attempt: run.attempt, final: true }),
        }),
    );
    log.warn({ runId: run.id, functionId: run.functionId, error: error.message }, "job run failed");
  }

  async function scheduleRetry(
    run: JobRun,
    error: SerializedError,
    source: { op: string; name: string; stepId?: string },
    retriable: unknown,
  ) {
    const now = clock();
    const delay = retryAfterMs(retriable, now) ?? backoffDelayMs(run.attempt, options.backoff);
    const retryAt = new Date(now.getTime() + delay);
    await whileLocked(
      run,
      {
        status: "QUEUED",
        attempt: run.attempt + 1,
        runAt: retryAt,
        lastError: errorText(error, source.name),
        lockedBy: null,
        lockedUntil: null,
      },
      (tx) =>
        tx.jobStep.create({
          data: historyRow(run, source.op, source.name, error, {
            stepId: source.stepId,
            attempt: run.attempt,
            backoffMs: delay,
            retryAt: retryAt.toISOString(),
          }),
        }),
    );
    log.info({ runId: run.id, attempt: run.attempt, retryAt }, "job run will retry");
  }

  async function failOrRetry(
    run: JobRun,
    error: SerializedError,
    source: { op: string; name: string; stepId?: string },
    retriable: unknown,
  ) {
    if (retriable !== false && run.attempt + 1 < run.maxAttempts) await scheduleRetry(run, error, source, retriable);
    else await failRun(run, error, source);
  }

  async function releaseRun(run: JobRun) {
    await withGlobal((tx) =>
      tx.jobRun.updateMany({
        where: { id: run.id, lockedBy: workerId },
        data: { status: "QUEUED", runAt: clock(), lockedBy: null, lockedUntil: null },
      }),
    );
  }

  // ---------------------------------------------------------------------- invocation

  function invoke(fn: AnyInngestFunction, run: JobRun, memo: MemoState, requestedRunStep?: string): Promise<ExecutionResult> {
    const event = run.event as unknown as LocalEvent;
    const stepState = Object.fromEntries(Object.entries(memo.state).map(([id, entry]) => [id, { ...entry }]));
    const client = localClient(fn["client"] as Inngest.Any, (payload) => sendLocally(run, payload));
    const execution = fn["createExecution"]({
      partialOptions: {
        client,
        runId: run.id,
        data: { event, events: [event], runId: run.id, attempt: run.attempt, maxAttempts: run.maxAttempts },
        reqArgs: [],
        headers: {},
        stepState,
        stepCompletionOrder: [...memo.order],
        stepMode: StepMode.Async,
        requestedRunStep,
        disableImmediateExecution: false,
        handlerKind: "main",
      },
    });
    return execution.start();
  }

  async function sendLocally(run: JobRun, payload: unknown): Promise<{ ids: string[] }> {
    const list = (Array.isArray(payload) ? payload : payload ? [payload] : []) as SendPayload[];
    for (const p of list) if (typeof p.validate === "function") await p.validate();
    const store = await getAsyncCtx();
    const stepHash = store?.execution?.executingStep?.hashedId ?? "send";
    const ids: string[] = [];
    let toOutbox = false;
    for (const [i, p] of list.entries()) {
      if (!p || typeof p.name !== "string") throw new Error("step.sendEvent: every event needs a name");
      const event: LocalEvent = { id: p.id ?? `${run.id}:${stepHash}:${i}`, name: p.name, data: p.data ?? {}, ts: p.ts ?? Date.now() };
      const tenantId = typeof event.data.tenantId === "string" ? event.data.tenantId : undefined;
      if (tenantId && event.name in EVENT_TYPES) {
        // Tenant events go through the tenant's outbox, exactly like domain code emits them.
        const name = event.name as TEventName;
        ids.push(await withTenant(tenantId, (db) => emitEvent(db, name, event.data as TEventData<TEventName>)));
        toOutbox = true;
      } else {
        await withGlobal((tx) => createRunsForEvent(tx, functions, event, { runAt: clock() }));
        ids.push(event.id);
      }
    }
    if (toOutbox) options.onOutboxEvent?.();
    wake();
    return { ids };
  }

  // ---------------------------------------------------------------------- outcomes

  async function applyResult(fn: AnyInngestFunction, run: JobRun, memo: MemoState, result: ExecutionResult): Promise<Next> {
    switch (result.type) {
      case "function-resolved":
        await completeRun(run, result.data);
        return "stop";
      case "function-rejected":
        await failOrRetry(run, asError(result.error), { op: "FunctionError", name: "(function)" }, result.retriable);
        return "stop";
      case "step-ran":
        return applyStepRan(run, memo, result.step, result.retriable);
      case "steps-found":
        return applyStepsFound(fn, run, memo, result.steps);
      case "step-not-found": {
        const error = {
          name: "StepNotFound",
          message: `step ${result.step.displayName ?? result.step.id} was not found when replaying the function`,
        };
        await failOrRetry(run, error, { op: "FunctionError", name: "(function)", stepId: result.step.id }, true);
        return "stop";
      }
      case "change-mode":
        await failRun(
          run,
          { name: "Error", message: `unexpected change of step mode to ${result.to}` },
          { op: "FunctionError", name: "(function)" },
        );
        return "stop";
    }
  }

  async function applyStepRan(run: JobRun, memo: MemoState, op: OutgoingOp, retriable: unknown): Promise<Next> {
    if (op.op === StepOpCode.StepRun || op.op === StepOpCode.Step) {
      await memoize(run, memo, op, "StepRun");
      return "continue";
    }
    if (op.op === StepOpCode.StepError && retriable !== false && run.attempt + 1 < run.maxAttempts) {
      await scheduleRetry(run, asError(op.error), { op: "StepError", name: stepName(op), stepId: op.id }, retriable);
      return "stop";
    }
    // StepFailed (final): memoize the error; the next invocation throws it into the handler.
    await memoize(run, memo, op, "StepFailed");
    return "continue";
  }

  async function applyStepsFound(fn: AnyInngestFunction, run: JobRun, memo: MemoState, steps: OutgoingOp[]): Promise<Next> {
    const planned: OutgoingOp[] = [];
    const sleeps: OutgoingOp[] = [];
    for (const op of steps) {
      if (op.op === StepOpCode.RunComplete) {
        await completeRun(run, op.data);
        return "stop";
      }
      if (op.id === RUN_COMPLETE_ID && (op.op === StepOpCode.StepError || op.op === StepOpCode.StepFailed)) {
        await failOrRetry(run, asError(op.error), { op: "FunctionError", name: "(function)" }, op.op === StepOpCode.StepError);
        return "stop";
      }
      if (op.op === StepOpCode.StepPlanned) planned.push(op);
      else if (op.op === StepOpCode.Sleep) sleeps.push(op);
      else {
        await failRun(run, unsupportedOpError(op), { op: "FunctionError", name: stepName(op), stepId: op.id });
        return "stop";
      }
    }
    // Parallel steps: one invocation each, asking the SDK for exactly that step.
    for (const op of planned) {
      if (memo.state[op.id]) continue;
      const result = await invoke(fn, run, memo, op.id);
      const next =
        result.type === "step-ran"
          ? await applyStepRan(run, memo, result.step, result.retriable)
          : result.type === "steps-found"
            ? "continue"
            : await applyResult(fn, run, memo, result);
      if (next === "stop") return "stop";
    }
    if (!sleeps.length) return "continue";
    const now = clock();
    const wakes = sleeps.map((op) => ({ op, wakeAt: memo.sleeps.get(op.id) ?? wakeTimeOf(op, now), isNew: !memo.sleeps.has(op.id) }));
    const pending = wakes.filter((w) => w.wakeAt.getTime() > now.getTime());
    const runAt = pending.length ? new Date(Math.min(...pending.map((w) => w.wakeAt.getTime()))) : undefined;
    await whileLocked(
      run,
      runAt ? { attempt: 0, status: "SLEEPING", runAt, lockedBy: null, lockedUntil: null } : { attempt: 0, lockedUntil: leaseEnd() },
      (tx) =>
        tx.jobStep.createMany({
          data: wakes
            .filter((w) => w.isNew)
            .map((w) => ({
              runId: run.id,
              stepId: w.op.id,
              name: stepName(w.op),
              op: StepOpCode.Sleep,
              output: { wakeAt: w.wakeAt.toISOString(), duration: w.op.name ?? null },
              createdAt: new Date(),
            })),
          skipDuplicates: true,
        }),
    );
    run.attempt = 0;
    for (const w of wakes) {
      memo.sleeps.set(w.op.id, w.wakeAt);
      if (w.wakeAt.getTime() <= now.getTime() && !memo.state[w.op.id]) {
        memo.state[w.op.id] = { id: w.op.id, data: null };
        memo.order.push(w.op.id);
      }
    }
    if (runAt) log.info({ runId: run.id, runAt }, "job run sleeping");
    return runAt ? "stop" : "continue";
  }

  // ------------------------------------------------------------------------ processing

  async function processRun(run: ClaimedRun): Promise<void> {
    const fn = byId.get(run.functionId);
    if (!fn) return releaseRun(run);
    const memo = memoFromSteps(run.steps, clock());
    const heartbeat = setInterval(
      () => {
        withGlobal((tx) =>
          tx.jobRun.updateMany({ where: { id: run.id, lockedBy: workerId, status: "RUNNING" }, data: { lockedUntil: leaseEnd() } }),
        ).catch((err: unknown) => log.warn({ err, runId: run.id }, "job run heartbeat failed"));
      },
      Math.max(50, Math.floor(leaseMs / 3)),
    );
    heartbeat.unref();
    try {
      if (run.reclaimed) {
        const error = { name: "WorkerLost", message: "the worker running this job stopped before finishing (lease expired)" };
        if (run.attempt >= run.maxAttempts) {
          await failRun(run, error, { op: "WorkerLost", name: "(runner)" });
          return;
        }
        await withGlobal((tx) =>
          tx.jobStep.create({ data: historyRow(run, "WorkerLost", "(runner)", error, { attempt: run.attempt - 1 }) }),
        );
      }
      for (let i = 0; i < MAX_INVOCATIONS_PER_CLAIM; i++) {
        if (stopping) return await releaseRun(run);
        const result = await invoke(fn, run, memo);
        if ((await applyResult(fn, run, memo, result)) === "stop") return;
      }
      await releaseRun(run);
    } catch (err) {
      if (err instanceof LostLeaseError) {
        log.warn({ runId: run.id }, err.message);
        return;
      }
      log.error({ err, runId: run.id }, "local runner failed while processing a job run");
      try {
        await failOrRetry(run, asError(serializeUnknown(err)), { op: "FunctionError", name: "(runner)" }, true);
      } catch (inner) {
        log.error({ err: inner, runId: run.id }, "could not record the failure; the lease will expire and the run will be retried");
      }
    } finally {
      clearInterval(heartbeat);
    }
  }

  async function pump(): Promise<number> {
    const free = concurrency - active.size;
    if (free <= 0 || stopping) return 0;
    const runs = await claim(free);
    for (const run of runs) {
      const p: Promise<void> = processRun(run)
        .catch((err: unknown) => log.error({ err, runId: run.id }, "job run processing crashed"))
        .finally(() => {
          active.delete(p);
          wake();
        });
      active.add(p);
    }
    return runs.length;
  }

  return {
    workerId,
    wake,
    start() {
      if (loop) return;
      stopping = false;
      loop = (async () => {
        while (!stopping) {
          try {
            const n = await pump();
            if (n > 0 && active.size < concurrency) continue;
          } catch (err) {
            log.error({ err }, "local runner poll failed");
          }
          if (!stopping) await waitForWake(pollIntervalMs);
        }
      })();
    },
    async stop() {
      stopping = true;
      wake();
      await loop;
      loop = null;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...active]),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, stopTimeoutMs);
          timer.unref();
        }),
      ]);
      clearTimeout(timer);
    },
    async tick() {
      let runs = 0;
      for (let i = 0; i < 10_000; i++) {
        const n = await pump();
        runs += n;
        if (n === 0 && active.size === 0) break;
        if (active.size) await Promise.race(active);
      }
      return { runs };
    },
  };
}

// ---------------------------------------------------------------------------- helpers

type SendPayload = { id?: string; name: string; data?: Record<string, unknown>; ts?: number; validate?: () => Promise<void> };

/**
 * The function's own client with event sending redirected to the local runner. The SDK's
 * step.sendEvent calls `client._send(...)` on the client given to the execution
 * (node_modules/inngest/components/InngestStepTools.js), so nothing leaves the process.
 */
function localClient(client: Inngest.Any, send: (payload: unknown) => Promise<{ ids: string[] }>): Inngest.Any {
  return new Proxy(client, {
    get(target, prop) {
      if (prop === "_send") return ({ payload }: { payload: unknown }) => send(payload);
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

function memoFromSteps(steps: JobStep[], now: Date): MemoState {
  const memo: MemoState = { state: {}, order: [], sleeps: new Map() };
  for (const row of steps) {
    if (!MEMO_OPS.has(row.op)) continue;
    if (row.op === StepOpCode.StepRun) memo.state[row.stepId] = { id: row.stepId, data: row.output ?? null };
    else if (row.op === StepOpCode.StepFailed) memo.state[row.stepId] = { id: row.stepId, error: row.error ?? { message: "step failed" } };
    else {
      const wakeAt = new Date(String((row.output as { wakeAt?: string } | null)?.wakeAt ?? 0));
      memo.sleeps.set(row.stepId, wakeAt);
      if (wakeAt.getTime() > now.getTime()) continue;
      memo.state[row.stepId] = { id: row.stepId, data: null };
    }
    memo.order.push(row.stepId);
  }
  return memo;
}

/** step.sleep sends a duration ("1d", "2h30m"); step.sleepUntil an ISO date. */
function wakeTimeOf(op: OutgoingOp, now: Date): Date {
  const spec = op.name ?? "";
  if (/^\d{4}-\d{2}-\d{2}T/.test(spec)) {
    const at = Date.parse(spec);
    if (!Number.isNaN(at)) return new Date(at);
  }
  return new Date(now.getTime() + durationToMs(spec, { name: `sleep "${stepName(op)}"` }));
}

const UNSUPPORTED: Partial<Record<string, string>> = {
  [StepOpCode.WaitForEvent]: "step.waitForEvent",
  [StepOpCode.InvokeFunction]: "step.invoke",
  [StepOpCode.WaitForSignal]: "step.waitForSignal",
  [StepOpCode.AiGateway]: "step.ai.infer",
  [StepOpCode.Gateway]: "step.fetch",
  [StepOpCode.DeferAdd]: "defer()",
  [StepOpCode.DeferAbort]: "defer().abort()",
};

function unsupportedOpError(op: OutgoingOp): SerializedError {
  const tool = UNSUPPORTED[op.op] ?? `step op ${op.op}`;
  return {
    name: "UnsupportedStepError",
    message:
      `Step "${stepName(op)}" uses ${tool}, which the local job runner does not support yet. ` +
      `Set INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY to run this function on Inngest.`,
  };
}

function stepName(op: OutgoingOp): string {
  return op.displayName ?? op.userland?.id ?? op.name ?? op.id;
}

function asError(value: unknown): SerializedError {
  if (value && typeof value === "object") return toJson(value) as SerializedError;
  return { name: "Error", message: String(value) };
}

function serializeUnknown(err: unknown): SerializedError {
  if (err instanceof Error) return { name: err.name, message: err.message, stack: err.stack };
  return { name: "Error", message: String(err) };
}

function errorText(error: SerializedError, where: string): string {
  const name = typeof error.name === "string" && error.name ? error.name : "Error";
  const message = typeof error.message === "string" ? error.message : JSON.stringify(error);
  return `${where === "(function)" || where === "(runner)" ? "" : `step "${where}": `}${name}: ${message}`.slice(0, 4000);
}

/** What JSON storage would give back (Dates to strings, undefined dropped). */
function toJson(value: unknown): unknown {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value)) as unknown;
}

function jsonInput(value: unknown): Prisma.InputJsonValue | typeof Prisma.JsonNull {
  return value === null || value === undefined ? Prisma.JsonNull : (value as Prisma.InputJsonValue);
}
