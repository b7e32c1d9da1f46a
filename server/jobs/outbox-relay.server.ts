import { Prisma } from "../db/generated/prisma/client";
import { withGlobal } from "../db/db.server";
import { logger } from "../observability/logger.server";
import { backoffDelayMs, createRunsForEvent, type AnyInngestFunction, type BackoffOptions, type LocalEvent } from "./local-runner.server";
import { createWakeSignal } from "./wake-signal";

/**
 * Delivers committed outbox events (server/events/outbox.server.ts), oldest first, in three
 * steps so that no row lock is held while anything is sent:
 *  1. claim: one short transaction takes a batch (FOR UPDATE SKIP LOCKED), sets lease_until
 *     and commits; other relays skip leased rows until the lease ends (a relay that died
 *     mid-send is thus retried after its lease);
 *  2. send, outside any transaction:
 *     - mode "local": one job_runs row per triggered function, in the same transaction that
 *       marks the event delivered (event_id = outbox id; unique (function_id, event_id) makes
 *       a redelivery a no-op);
 *     - mode "inngest": inngest.send({ id: <outbox id>, name, data }) (Inngest deduplicates
 *       by id);
 *  3. mark each event delivered, or failed: attempts + 1, last_error, next_attempt_at after
 *     a backoff, and dead_at once attempts reach maxAttempts (a dead letter, retried only by a
 *     platform admin from /admin/jobs).
 * When a whole batch fails, its events are sent one by one, so one bad event never holds back
 * the others.
 */

export interface EventSender {
  send(events: Array<{ id: string; name: string; data: Record<string, unknown>; ts?: number }>): Promise<unknown>;
}

export interface OutboxRelayOptions {
  functions: readonly AnyInngestFunction[];
  mode: "local" | "inngest";
  /** Inngest mode: who sends (default: the app's Inngest client from inngest/client.ts). */
  sender?: EventSender;
  /** Events per claim. Default 50. */
  batchSize?: number;
  /** How often to look for new events when idle. Default 1000 ms. */
  pollIntervalMs?: number;
  /** How long a claim keeps other relays away from its events. Default 2 min (longer than any send). */
  leaseMs?: number;
  /** Failed deliveries before an event becomes a dead letter. Default 20 (about an hour of retries). */
  maxAttempts?: number;
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

/** last_error keeps the start of the message; PostgreSQL text refuses NUL. */
const LAST_ERROR_MAX = 2_000;

export function createOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const batchSize = options.batchSize ?? 50;
  const pollIntervalMs = options.pollIntervalMs ?? 1_000;
  const leaseMs = options.leaseMs ?? 120_000;
  const maxAttempts = Math.max(1, options.maxAttempts ?? 20);
  const clock = options.now ?? (() => new Date());
  const backoff: BackoffOptions = { baseMs: 1_000, maxMs: 300_000, ...options.backoff };
  const log = logger.child({ component: "outbox-relay", mode: options.mode });

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

  /** Step 1: lease a batch and commit at once; the lease, not a row lock, keeps other relays away. */
  async function claim(now: Date): Promise<OutboxRow[]> {
    const tenantFilter = options.tenantId ? Prisma.sql`AND tenant_id = ${options.tenantId}` : Prisma.empty;
    const leaseUntil = new Date(now.getTime() + leaseMs);
    const rows = await withGlobal(
      (tx) => tx.$queryRaw<OutboxRow[]>`
        UPDATE outbox_events
           SET lease_until = ${leaseUntil}::timestamptz
         WHERE id IN (
                SELECT id
                  FROM outbox_events
                 WHERE delivered_at IS NULL
                   AND dead_at IS NULL
                   AND (next_attempt_at IS NULL OR next_attempt_at <= ${now}::timestamptz)
                   AND (lease_until IS NULL OR lease_until <= ${now}::timestamptz)
                   ${tenantFilter}
                 ORDER BY created_at, id
                 LIMIT ${batchSize}::int
                   FOR UPDATE SKIP LOCKED)
        RETURNING id, tenant_id, name, data, created_at, attempts`,
    );
    return rows.sort((a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime() || (a.id < b.id ? -1 : 1));
  }

  const toEvent = (row: OutboxRow): LocalEvent => ({
    id: row.id,
    name: row.name,
    data: row.data ?? {},
    ts: new Date(row.created_at).getTime(),
  });

  /** Step 2 (and 3 on success). Local mode writes runs and the delivered mark in one transaction. */
  async function deliver(rows: OutboxRow[]): Promise<number> {
    if (options.mode === "local") {
      return withGlobal(async (tx) => {
        let runs = 0;
        for (const row of rows)
          runs += await createRunsForEvent(tx, options.functions, toEvent(row), { tenantId: row.tenant_id, runAt: clock() });
        await markDelivered(tx, rows);
        return runs;
      });
    }
    const s = await getSender();
    await s.send(rows.map((row) => ({ id: row.id, name: row.name, data: row.data ?? {}, ts: new Date(row.created_at).getTime() })));
    await withGlobal((tx) => markDelivered(tx, rows));
    return 0;
  }

  async function markDelivered(tx: Prisma.TransactionClient, rows: OutboxRow[]) {
    await tx.outboxEvent.updateMany({
      where: { id: { in: rows.map((r) => r.id) }, deliveredAt: null },
      data: { deliveredAt: clock(), attempts: { increment: 1 }, lastError: null, nextAttemptAt: null, leaseUntil: null },
    });
  }

  /** Step 3 on failure: the backoff and the dead-letter state are written to the row. */
  async function markFailed(row: OutboxRow, error: unknown): Promise<"retry" | "dead"> {
    const now = clock();
    const message = errorText(error);
    const dead = row.attempts + 1 >= maxAttempts;
    const nextAttemptAt = dead ? null : new Date(now.getTime() + backoffDelayMs(row.attempts, backoff));
    await withGlobal((tx) =>
      tx.outboxEvent.updateMany({
        where: { id: row.id, deliveredAt: null },
        data: { attempts: { increment: 1 }, lastError: message, nextAttemptAt, deadAt: dead ? now : null, leaseUntil: null },
      }),
    );
    if (dead)
      log.error(
        { event: row.id, name: row.name, tenantId: row.tenant_id, attempts: row.attempts + 1, error: message },
        "outbox event is a dead letter",
      );
    else
      log.warn(
        { event: row.id, name: row.name, attempts: row.attempts + 1, retryAt: nextAttemptAt, error: message },
        "outbox delivery failed; will retry",
      );
    return dead ? "dead" : "retry";
  }

  /** One batch. Returns how many events were delivered and how many failed. */
  async function deliverBatch(): Promise<{ delivered: number; failed: number; seen: number }> {
    const rows = await claim(clock());
    if (!rows.length) return { delivered: 0, failed: 0, seen: 0 };
    let delivered = 0;
    let failed = 0;
    let runsCreated = 0;
    try {
      runsCreated += await deliver(rows);
      delivered = rows.length;
    } catch (batchError) {
      if (rows.length === 1) {
        await markFailed(rows[0], batchError);
        failed = 1;
      } else {
        // Find the bad ones: every other event of the batch goes out now.
        for (const row of rows) {
          try {
            runsCreated += await deliver([row]);
            delivered++;
          } catch (error) {
            await markFailed(row, error);
            failed++;
          }
        }
      }
    }
    if (runsCreated > 0) options.onRunsCreated?.();
    return { delivered, failed, seen: rows.length };
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

function errorText(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u0000/g, "").slice(0, LAST_ERROR_MAX);
}
