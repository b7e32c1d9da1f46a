import { Prisma } from "../db/generated/prisma/client";
import { withGlobal, type GlobalDb } from "../db/db.server";
import { logger } from "../observability/logger.server";
import { backoffDelayMs, createRunsForEvent, type AnyInngestFunction, type BackoffOptions, type LocalEvent } from "./local-runner.server";
import { createWakeSignal } from "./wake-signal";

/**
 * Delivers committed outbox events (server/events/outbox.server.ts), oldest first:
 *  - mode "local": one job_runs row per triggered function, in the same transaction that
 *    marks the event delivered (event_id = outbox id; unique (function_id, event_id) makes
 *    a redelivery a no-op);
 *  - mode "inngest": inngest.send({ id: <outbox id>, name, data }) (Inngest deduplicates
 *    by id), then marks the event delivered.
 * Rows are claimed with FOR UPDATE SKIP LOCKED, so several relays never send the same
 * batch at once. A failed delivery bumps attempts/last_error and is retried with backoff.
 */

export interface EventSender {
  send(events: Array<{ id: string; name: string; data: Record<string, unknown>; ts?: number }>): Promise<unknown>;
}

export interface OutboxRelayOptions {
  functions: readonly AnyInngestFunction[];
  mode: "local" | "inngest";
  /** Inngest mode: who sends (default: the app's Inngest client from inngest/client.ts). */
  sender?: EventSender;
  /** Events per transaction. Default 50. */
  batchSize?: number;
  /** How often to look for new events when idle. Default 1000 ms. */
  pollIntervalMs?: number;
  backoff?: BackoffOptions;
  now?: () => Date;
  /** Only this tenant's events (tools and tests; the server relays every tenant). */
  tenantId?: string;
  /** Called after events were turned into local runs (wakes the local runner). */
  onRunsCreated?: () => void;
}

export interface OutboxRelay {
  start(): void;
  stop(): Promise<void>;
  /** Delivers everything deliverable now (tests, CLI). */
  tick(): Promise<{ delivered: number; failed: number }>;
  wake(): void;
}

interface OutboxRow {
  id: string;
  tenant_id: string;
  name: string;
  data: Record<string, unknown>;
  created_at: Date;
  attempts: number;
}

export function createOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const batchSize = options.batchSize ?? 50;
  const pollIntervalMs = options.pollIntervalMs ?? 1_000;
  const clock = options.now ?? (() => new Date());
  const backoff: BackoffOptions = { baseMs: 1_000, maxMs: 300_000, ...options.backoff };
  const log = logger.child({ component: "outbox-relay", mode: options.mode });
  /** Event id -> earliest next attempt (ms). In memory: outbox_events has no next_attempt_at column. */
  const backingOff = new Map<string, number>();

  let stopping = false;
  let loop: Promise<void> | null = null;

  let sender: EventSender | undefined = options.sender;
  async function getSender(): Promise<EventSender> {
    if (!sender) {
      const { inngest } = await import("../../inngest/client");
      sender = { send: (events) => inngest.send(events) };
    }
    return sender;
  }

  function waitingIds(nowMs: number): string[] {
    const ids: string[] = [];
    for (const [id, at] of backingOff) {
      if (at > nowMs) ids.push(id);
      else backingOff.delete(id);
    }
    return ids;
  }

  async function selectBatch(tx: GlobalDb, now: Date): Promise<OutboxRow[]> {
    const skip = waitingIds(now.getTime());
    const tenantFilter = options.tenantId ? Prisma.sql`AND tenant_id = ${options.tenantId}` : Prisma.empty;
    const skipFilter = skip.length ? Prisma.sql`AND id <> ALL(${skip}::text[])` : Prisma.empty;
    return tx.$queryRaw<OutboxRow[]>`
      SELECT id, tenant_id, name, data, created_at, attempts
        FROM outbox_events
       WHERE delivered_at IS NULL ${tenantFilter} ${skipFilter}
       ORDER BY created_at, id
       LIMIT ${batchSize}::int
         FOR UPDATE SKIP LOCKED`;
  }

  const toEvent = (row: OutboxRow): LocalEvent => ({
    id: row.id,
    name: row.name,
    data: row.data ?? {},
    ts: new Date(row.created_at).getTime(),
  });

  async function markFailed(rows: OutboxRow[], error: unknown, now: Date) {
    const message = (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 4000);
    await withGlobal(async (tx) => {
      for (const row of rows) {
        await tx.outboxEvent.update({ where: { id: row.id }, data: { attempts: { increment: 1 }, lastError: message } });
        backingOff.set(row.id, now.getTime() + backoffDelayMs(row.attempts, backoff));
      }
    });
    log.warn({ events: rows.map((r) => r.id), error: message }, "outbox delivery failed; will retry");
  }

  /** One batch. Returns how many events were delivered and how many failed. */
  async function deliverBatch(): Promise<{ delivered: number; failed: number; seen: number }> {
    const now = clock();
    let failedRows: OutboxRow[] = [];
    let failure: unknown;
    let runsCreated = 0;
    const result = await withGlobal(async (tx) => {
      const rows = await selectBatch(tx, now);
      if (!rows.length) return { delivered: 0, failed: 0, seen: 0 };
      try {
        if (options.mode === "local") {
          for (const row of rows)
            runsCreated += await createRunsForEvent(tx, options.functions, toEvent(row), { tenantId: row.tenant_id, runAt: now });
        } else {
          const s = await getSender();
          await s.send(rows.map((row) => ({ id: row.id, name: row.name, data: row.data ?? {}, ts: new Date(row.created_at).getTime() })));
        }
      } catch (error) {
        failedRows = rows;
        failure = error;
        // Rolls back any runs created for this batch; attempts are recorded below.
        throw new BatchFailed();
      }
      await tx.outboxEvent.updateMany({
        where: { id: { in: rows.map((r) => r.id) } },
        data: { deliveredAt: now, attempts: { increment: 1 }, lastError: null },
      });
      return { delivered: rows.length, failed: 0, seen: rows.length };
    }).catch(async (error: unknown) => {
      if (!(error instanceof BatchFailed)) throw error;
      await markFailed(failedRows, failure, now);
      return { delivered: 0, failed: failedRows.length, seen: failedRows.length };
    });
    if (runsCreated > 0) options.onRunsCreated?.();
    return result;
  }

  const signal = createWakeSignal();
  const wake = signal.wake;
  const waitForWake = signal.wait;

  async function drain(isStopping: () => boolean): Promise<{ delivered: number; failed: number }> {
    let delivered = 0;
    let failed = 0;
    for (let i = 0; i < 1_000 && !isStopping(); i++) {
      const r = await deliverBatch();
      delivered += r.delivered;
      failed += r.failed;
      if (r.seen === 0) break;
    }
    return { delivered, failed };
  }

  return {
    wake,
    start() {
      if (loop) return;
      stopping = false;
      loop = (async () => {
        while (!stopping) {
          try {
            await drain(() => stopping);
          } catch (err) {
            log.error({ err }, "outbox relay poll failed");
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
    },
    tick() {
      return drain(() => false);
    },
  };
}

class BatchFailed extends Error {
  constructor() {
    super("outbox batch failed");
  }
}
