import { readConfig } from "../config/config-service.server";
import { withTenant, type TenantDb } from "../db/db.server";
import { isCalendarError, type BusyInterval } from "../integrations/google-calendar";
import { logger } from "../observability/logger.server";
import { runInBackground } from "./background.server";
import { bookingScope, WRITTEN_STATUSES } from "./connections.server";
import { recordCalendarFailure } from "./health.server";
import { busyBlockId, chunkWindow, subtractIntervals } from "./intervals";
import { withGoogleAccess } from "./tokens.server";

/**
 * Busy times from Google, kept in calendar_busy_blocks, which the slot engine reads.
 *
 * A refresh reads Google first (no transaction open), then replaces the connection's
 * blocks inside the window in ONE transaction, so a reader sees the old set or the new
 * one, never a half. ServicePro's own events are taken out (their bookings block the
 * time already). A refresh that fails or is slow changes nothing: the last good blocks
 * stay, and calendar_connections.last_synced_at says how old they are.
 */
const DAY_MS = 24 * 60 * 60 * 1000;
/** Google refuses very long freeBusy ranges; longer windows are read in pieces. */
const MAX_QUERY_DAYS = 60;
/** Busy times older than this are refreshed when the booking path asks. */
export const BUSY_MAX_AGE_MS = 10 * 60 * 1000;
/** How long the booking path waits for a refresh before going on with what it has. */
export const BUSY_BOOKING_BUDGET_MS = 1_500;

export type TBusyRefresh =
  { ok: true; connectionId: string; blocks: number; syncedAt: Date } | { ok: false; connectionId: string; problem: string };

/** The window a connection's busy times cover: a little before now to the booking horizon. */
export async function busyWindow(db: TenantDb, now: Date): Promise<{ from: Date; to: Date }> {
  const booking = await readConfig(db, "BOOKING");
  return { from: new Date(now.getTime() - DAY_MS), to: new Date(now.getTime() + (booking.horizonDays + 1) * DAY_MS) };
}

/** Reads the connection's busy times from Google and replaces its stored blocks. Never throws for Google's failures. */
export async function refreshBusyBlocks(
  tenantId: string,
  connectionId: string,
  options: { window?: { from: Date; to: Date }; now?: () => Date } = {},
): Promise<TBusyRefresh> {
  const now = options.now ?? (() => new Date());
  const setup = await withTenant(tenantId, async (db) => {
    const connection = await db.calendarConnection.findUnique({ where: { id: connectionId }, select: { status: true } });
    if (!connection || connection.status === "DISCONNECTED") return null;
    return options.window ?? (await busyWindow(db, now()));
  });
  if (!setup) return { ok: false, connectionId, problem: "notConnected" };
  const window = setup;

  let busy: BusyInterval[] = [];
  try {
    busy = await withGoogleAccess(tenantId, connectionId, async ({ port, accessToken, calendarId }) => {
      const all: BusyInterval[] = [];
      for (const piece of chunkWindow(window.from, window.to, MAX_QUERY_DAYS))
        all.push(...(await port.freeBusy(accessToken, calendarId, piece.start, piece.end)));
      return all;
    });
  } catch (error) {
    if (!isCalendarError(error)) throw error;
    await recordCalendarFailure(tenantId, connectionId, error);
    return { ok: false, connectionId, problem: error.problem };
  }
  const fetchedAt = now();

  return withTenant(tenantId, async (db) => {
    const current = await db.calendarConnection.findUnique({ where: { id: connectionId } });
    if (!current || current.status === "DISCONNECTED") return { ok: false as const, connectionId, problem: "notConnected" };
    // A slower refresh that started earlier must not overwrite a newer one.
    if (current.lastSyncedAt && current.lastSyncedAt > fetchedAt)
      return { ok: true as const, connectionId, blocks: -1, syncedAt: current.lastSyncedAt };
    const scope = await bookingScope(db, current);
    const own = await db.booking.findMany({
      where: { AND: [scope, { status: { in: [...WRITTEN_STATUSES] }, startsAt: { lt: window.to }, endsAt: { gt: window.from } }] },
      select: { startsAt: true, endsAt: true },
    });
    const blocks = subtractIntervals(
      busy,
      own.map((b) => ({ start: b.startsAt, end: b.endsAt })),
    );
    await db.calendarBusyBlock.deleteMany({
      where: { connectionId, OR: [{ startsAt: { lt: window.to }, endsAt: { gt: window.from } }, { endsAt: { lt: window.from } }] },
    });
    if (blocks.length) {
      await db.calendarBusyBlock.createMany({
        data: blocks.map((b) => ({
          tenantId: db.tenantId,
          connectionId,
          staffId: current.staffId,
          startsAt: b.start,
          endsAt: b.end,
          externalId: busyBlockId(b),
        })),
        skipDuplicates: true,
      });
    }
    await db.calendarConnection.update({
      where: { id: connectionId },
      data: {
        lastSyncedAt: fetchedAt,
        ...(current.status === "ERROR" || current.consecutiveFailures > 0
          ? { status: "CONNECTED", consecutiveFailures: 0, lastError: null }
          : {}),
      },
    });
    return { ok: true as const, connectionId, blocks: blocks.length, syncedAt: fetchedAt };
  });
}

export interface BusyBlock {
  connectionId: string;
  /** null = the whole business is busy. */
  staffId: string | null;
  startsAt: Date;
  endsAt: Date;
}

export interface BusySource {
  connectionId: string;
  staffId: string | null;
  status: "CONNECTED" | "DISCONNECTED" | "ERROR";
  lastSyncedAt: Date | null;
  /** How old these busy times are (ms); null = never read. */
  ageMs: number | null;
  stale: boolean;
}

/**
 * Busy times overlapping [from, to) for one staff member (their own calendar's and the
 * business calendar's) or for everyone, with the age of each source. What the slot
 * engine reads (it may also read calendar_busy_blocks directly: same rows).
 */
export async function getBusyBlocks(
  db: TenantDb,
  input: { from: Date; to: Date; staffId?: string },
  now = new Date(),
): Promise<{ blocks: BusyBlock[]; sources: BusySource[] }> {
  const staffFilter = input.staffId ? { OR: [{ staffId: input.staffId }, { staffId: null }] } : {};
  const [rows, connections] = await Promise.all([
    db.calendarBusyBlock.findMany({
      where: { ...staffFilter, startsAt: { lt: input.to }, endsAt: { gt: input.from } },
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      select: { connectionId: true, staffId: true, startsAt: true, endsAt: true },
    }),
    db.calendarConnection.findMany({ where: staffFilter, select: { id: true, staffId: true, status: true, lastSyncedAt: true } }),
  ]);
  return {
    blocks: rows,
    sources: connections.map((c) => {
      const ageMs = c.lastSyncedAt ? Math.max(0, now.getTime() - c.lastSyncedAt.getTime()) : null;
      return {
        connectionId: c.id,
        staffId: c.staffId,
        status: c.status,
        lastSyncedAt: c.lastSyncedAt,
        ageMs,
        stale: ageMs === null || ageMs > BUSY_MAX_AGE_MS,
      };
    }),
  };
}

const IN_FLIGHT = Symbol.for("servicepro.calendarBusyInFlight");
const inFlight = (): Map<string, Promise<TBusyRefresh>> => {
  const g = globalThis as Record<symbol, Map<string, Promise<TBusyRefresh>> | undefined>;
  g[IN_FLIGHT] ??= new Map();
  return g[IN_FLIGHT]!;
};

/** One refresh per connection at a time in this process; callers share it. */
function sharedRefresh(tenantId: string, connectionId: string): Promise<TBusyRefresh> {
  let p = inFlight().get(connectionId);
  if (!p) {
    p = refreshBusyBlocks(tenantId, connectionId)
      .catch((err: unknown): TBusyRefresh => {
        logger.warn({ err, tenantId, connectionId }, "busy refresh failed");
        return { ok: false, connectionId, problem: "unexpected" };
      })
      .finally(() => inFlight().delete(connectionId));
    inFlight().set(connectionId, p);
    // Outlives the caller's budget when Google is slow; the result is stored when it lands.
    runInBackground(`busy-refresh:${connectionId}`, () => p!);
  }
  return p;
}

/** After a failure, wait before asking Google again from the booking path (15 s, 30 s, ... up to 10 min). */
function coolingDown(c: { consecutiveFailures: number; updatedAt: Date }, now: Date): boolean {
  if (c.consecutiveFailures === 0) return false;
  const wait = Math.min(10 * 60_000, 15_000 * 2 ** Math.min(c.consecutiveFailures - 1, 10));
  return now.getTime() - c.updatedAt.getTime() < wait;
}

export interface BusyFreshness {
  connectionId: string;
  staffId: string | null;
  lastSyncedAt: Date | null;
  ageMs: number | null;
  /** Busy times newer than BUSY_MAX_AGE_MS (after any refresh made within the budget). */
  fresh: boolean;
}

/**
 * For the booking path (slot search, booking checks): refreshes stale busy times, but
 * waits at most `budgetMs` and NEVER throws. When Google fails or is slow, the booking
 * goes on with the last good blocks (internal availability), and the result says how old
 * they are. A refresh that outlives the budget still lands in the table afterwards.
 */
export async function ensureFreshBusyBlocks(
  tenantId: string,
  options: { staffId?: string; maxAgeMs?: number; budgetMs?: number; now?: () => Date } = {},
): Promise<BusyFreshness[]> {
  const now = options.now ?? (() => new Date());
  const maxAgeMs = options.maxAgeMs ?? BUSY_MAX_AGE_MS;
  try {
    const connections = await withTenant(tenantId, (db) =>
      db.calendarConnection.findMany({
        where: options.staffId ? { OR: [{ staffId: options.staffId }, { staffId: null }] } : {},
        select: { id: true, staffId: true, status: true, lastSyncedAt: true, consecutiveFailures: true, updatedAt: true },
      }),
    );
    const started = now();
    const due = connections.filter(
      (c) =>
        c.status !== "DISCONNECTED" &&
        (!c.lastSyncedAt || started.getTime() - c.lastSyncedAt.getTime() > maxAgeMs) &&
        !coolingDown(c, started),
    );
    const results = new Map<string, TBusyRefresh>();
    if (due.length) {
      let timer: NodeJS.Timeout | undefined;
      const budget = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, options.budgetMs ?? BUSY_BOOKING_BUDGET_MS);
        timer.unref?.();
      });
      const all = Promise.all(due.map((c) => sharedRefresh(tenantId, c.id).then((r) => void results.set(c.id, r))));
      await Promise.race([all, budget]);
      clearTimeout(timer);
    }
    const at = now();
    return connections.map((c) => {
      const r = results.get(c.id);
      const lastSyncedAt = r?.ok && r.blocks >= 0 ? r.syncedAt : c.lastSyncedAt;
      const ageMs = lastSyncedAt ? Math.max(0, at.getTime() - lastSyncedAt.getTime()) : null;
      return {
        connectionId: c.id,
        staffId: c.staffId,
        lastSyncedAt,
        ageMs,
        fresh: ageMs !== null && ageMs <= maxAgeMs && c.status !== "DISCONNECTED",
      };
    });
  } catch (err) {
    logger.warn({ err, tenantId }, "busy freshness check failed; booking continues on stored busy times");
    return [];
  }
}
