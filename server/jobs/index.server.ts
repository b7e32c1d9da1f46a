import { withGlobal } from "../db/db.server";
import { JobRunStatus, type JobRun, type JobStep } from "../db/generated/prisma/client";
import { env, isInngestCloudConfigured } from "../env.server";
import { onOutboxCommitted } from "../events/outbox.server";
import { logger } from "../observability/logger.server";
import { createLocalRunner, type AnyInngestFunction, type LocalRunner, type LocalRunnerOptions } from "./local-runner.server";
import { createOutboxRelay, type OutboxRelay, type OutboxRelayOptions } from "./outbox-relay.server";

export { createLocalRunner, createRunsForEvent, hashStepId, type AnyInngestFunction, type LocalRunner } from "./local-runner.server";
export { createOutboxRelay, type OutboxRelay } from "./outbox-relay.server";

export type DurableWorkMode = "local" | "inngest";

export interface DurableWork {
  mode: DurableWorkMode;
  /** Delivers the outbox (and, in local mode, runs due jobs) now instead of at the next poll. */
  wake(): void;
  stop(): Promise<void>;
}

let current: DurableWork | null = null;

/**
 * Starts the background side of durable work for this process. With INNGEST_EVENT_KEY
 * and INNGEST_SIGNING_KEY set, the outbox relay sends events to Inngest (which calls
 * /api/inngest); otherwise the relay feeds the local runner, which executes the same
 * functions in-process with state in PostgreSQL.
 */
export async function startDurableWork(options: {
  functions: readonly AnyInngestFunction[];
  mode?: DurableWorkMode;
  runner?: Partial<Omit<LocalRunnerOptions, "functions">>;
  relay?: Partial<Omit<OutboxRelayOptions, "functions" | "mode">>;
}): Promise<DurableWork> {
  const mode: DurableWorkMode = options.mode ?? (isInngestCloudConfigured(env()) ? "inngest" : "local");
  let runner: LocalRunner | null = null;
  let relay: OutboxRelay | null = null;
  if (mode === "local") {
    runner = createLocalRunner({ ...options.runner, functions: options.functions, onOutboxEvent: () => relay?.wake() });
  }
  relay = createOutboxRelay({ ...options.relay, functions: options.functions, mode, onRunsCreated: () => runner?.wake() });
  relay.start();
  runner?.start();
  logger.info({ mode, functions: options.functions.map((fn) => fn.id()) }, "durable work started");
  const work: DurableWork = {
    mode,
    wake() {
      relay?.wake();
      runner?.wake();
    },
    async stop() {
      if (current === work) {
        current = null;
        onOutboxCommitted(undefined);
      }
      await relay?.stop();
      await runner?.stop();
    },
  };
  current = work;
  onOutboxCommitted(() => work.wake());
  return work;
}

// ----------------------------------------------------------- platform-admin queries

export type JobRunSummary = Pick<
  JobRun,
  | "id"
  | "functionId"
  | "eventId"
  | "eventName"
  | "tenantId"
  | "status"
  | "attempt"
  | "maxAttempts"
  | "runAt"
  | "lockedBy"
  | "lockedUntil"
  | "lastError"
  | "createdAt"
  | "updatedAt"
  | "finishedAt"
>;

const SUMMARY = {
  id: true,
  functionId: true,
  eventId: true,
  eventName: true,
  tenantId: true,
  status: true,
  attempt: true,
  maxAttempts: true,
  runAt: true,
  lockedBy: true,
  lockedUntil: true,
  lastError: true,
  createdAt: true,
  updatedAt: true,
  finishedAt: true,
} as const;

/** Newest first. `cursor` is the id of the last run of the previous page. */
export async function listJobRuns(params: {
  status?: JobRunStatus;
  limit: number;
  cursor?: string;
}): Promise<{ runs: JobRunSummary[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(1, Math.floor(params.limit)), 200);
  const rows = await withGlobal((g) =>
    g.jobRun.findMany({
      where: params.status ? { status: params.status } : {},
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit + 1,
      ...(params.cursor ? { cursor: { id: params.cursor }, skip: 1 } : {}),
      select: SUMMARY,
    }),
  );
  const runs = rows.slice(0, limit);
  return { runs, nextCursor: rows.length > limit ? (runs[runs.length - 1]?.id ?? null) : null };
}

/** One run with its event, output and every step row (memoized steps and attempt history), oldest first. */
export async function getJobRun(id: string): Promise<(JobRun & { steps: JobStep[] }) | null> {
  return withGlobal((g) => g.jobRun.findUnique({ where: { id }, include: { steps: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] } } }));
}

/**
 * Requeues a FAILED (or CANCELLED) run: attempts start again, successful steps stay
 * memoized (they will not run again), memoized step failures are forgotten so those
 * steps run again. Returns false when the run is not in a retryable state.
 */
export async function retryJobRun(id: string): Promise<boolean> {
  return withGlobal(async (g) => {
    const updated = await g.jobRun.updateMany({
      where: { id, status: { in: [JobRunStatus.FAILED, JobRunStatus.CANCELLED] } },
      data: { status: JobRunStatus.QUEUED, attempt: 0, runAt: new Date(), finishedAt: null, lockedBy: null, lockedUntil: null },
    });
    if (updated.count === 0) return false;
    await g.jobStep.deleteMany({ where: { runId: id, op: "StepFailed" } });
    return true;
  });
}

/** Number of runs in each status (every status present, zero when none). */
export async function jobRunStats(): Promise<Record<JobRunStatus, number>> {
  const groups = await withGlobal((g) => g.jobRun.groupBy({ by: ["status"], _count: { _all: true } }));
  const stats = Object.fromEntries(Object.values(JobRunStatus).map((s) => [s, 0])) as Record<JobRunStatus, number>;
  for (const g of groups) stats[g.status] = g._count._all;
  return stats;
}
