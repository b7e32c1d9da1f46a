import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll } from "vitest";
import { settleCalendarBackgroundWork } from "../../../server/calendar/background.server";
import { withGlobal, withTenant } from "../../../server/db/db.server";
import { resetEnvCache } from "../../../server/env.server";
import { installCalendarPort } from "../../../server/integrations/google-calendar";
import { createLocalRunner, createRunsForEvent, type AnyInngestFunction } from "../../../server/jobs/local-runner.server";
import { callerFor, type TestTenant } from "../../helpers/factories";
import { GOOGLE_TEST_CLIENT, googleAuthorizationCode } from "../../mocks/google";

/** Helpers shared by the calendar integration tests (not a test file itself). */

/** Google credentials in the environment for this file (the real adapter, against msw). */
export function withGoogleCredentials(): void {
  const saved = { id: process.env.GOOGLE_CLIENT_ID, secret: process.env.GOOGLE_CLIENT_SECRET };
  beforeAll(() => {
    process.env.GOOGLE_CLIENT_ID = GOOGLE_TEST_CLIENT.id;
    process.env.GOOGLE_CLIENT_SECRET = GOOGLE_TEST_CLIENT.secret;
    resetEnvCache();
  });
  afterEach(async () => {
    await settleCalendarBackgroundWork();
    installCalendarPort(undefined);
  });
  afterAll(() => {
    restore("GOOGLE_CLIENT_ID", saved.id);
    restore("GOOGLE_CLIENT_SECRET", saved.secret);
    resetEnvCache();
  });
}

function restore(key: string, value: string | undefined) {
  if (value === undefined) delete process.env[key];
  else process.env[key] = value;
}

/** The full connect flow as a browser does it: start (state + nonce), Google's consent (a code), callback. */
export async function connectGoogle(t: TestTenant, email: string, options: { staffId?: string | null; user?: TestTenant["owner"] } = {}) {
  const caller = callerFor(options.user ?? t.owner, t.id);
  const { url, nonce } = await caller.calendar.connectUrl({ staffId: options.staffId ?? null });
  const state = new URL(url).searchParams.get("state")!;
  const result = await caller.calendar.completeConnect({ code: googleAuthorizationCode(email), state, nonce });
  await settleCalendarBackgroundWork();
  return result;
}

export async function firstStaff(tenantId: string) {
  return withTenant(tenantId, (db) => db.staff.findFirstOrThrow({ orderBy: { sortOrder: "asc" } }));
}

let phoneSeq = 1000;

/** A booking written straight to the table (the booking domain is someone else's), one hour long. */
export async function createBooking(
  tenantId: string,
  options: {
    startsAt: Date;
    status?: "CONFIRMED" | "REQUESTED" | "CANCELLED" | "HELD";
    staffId?: string;
    customerName?: string;
    calendarSyncStatus?: "NOT_NEEDED" | "PENDING" | "SYNCED" | "FAILED";
  },
) {
  return withTenant(tenantId, async (db) => {
    const [staff, service] = await Promise.all([
      options.staffId
        ? db.staff.findUniqueOrThrow({ where: { id: options.staffId } })
        : db.staff.findFirstOrThrow({ orderBy: { sortOrder: "asc" } }),
      db.service.findFirstOrThrow({ orderBy: { sortOrder: "asc" } }),
    ]);
    const customer = await db.customer.create({
      data: { tenantId, name: options.customerName ?? "Ana López", phone: `+1512555${phoneSeq++ % 9000}` },
    });
    const endsAt = new Date(options.startsAt.getTime() + 3_600_000);
    return db.booking.create({
      data: {
        tenantId,
        customerId: customer.id,
        serviceId: service.id,
        staffId: staff.id,
        status: options.status ?? "CONFIRMED",
        source: "DASHBOARD",
        startsAt: options.startsAt,
        endsAt,
        blockedFrom: options.startsAt,
        blockedUntil: endsAt,
        durationMinutes: 60,
        priceCents: service.priceCents,
        calendarSyncStatus: options.calendarSyncStatus ?? "NOT_NEEDED",
      },
    });
  });
}

/** Changes a booking as the booking domain would (time and/or status), bumping its version. */
export async function changeBooking(
  tenantId: string,
  bookingId: string,
  change: { startsAt?: Date; status?: "CONFIRMED" | "CANCELLED" | "IN_PROGRESS" },
) {
  return withTenant(tenantId, (db) =>
    db.booking.update({
      where: { id: bookingId },
      data: {
        ...(change.startsAt
          ? {
              startsAt: change.startsAt,
              endsAt: new Date(change.startsAt.getTime() + 3_600_000),
              blockedFrom: change.startsAt,
              blockedUntil: new Date(change.startsAt.getTime() + 3_600_000),
            }
          : {}),
        ...(change.status ? { status: change.status } : {}),
        version: { increment: 1 },
      },
    }),
  );
}

export const bookingEvent = (
  name: "booking/created" | "booking/confirmed" | "booking/rescheduled" | "booking/cancelled",
  booking: { id: string; tenantId: string; version: number; startsAt: Date },
) => {
  const base = {
    tenantId: booking.tenantId,
    bookingId: booking.id,
    version: booking.version,
    startsAt: booking.startsAt.toISOString(),
    customerId: null,
  };
  switch (name) {
    case "booking/created":
      return { name, data: { ...base, status: "CONFIRMED" as const, source: "DASHBOARD" as const } };
    case "booking/confirmed":
      return { name, data: base };
    case "booking/rescheduled":
      return { name, data: { ...base, previousStartsAt: base.startsAt } };
    case "booking/cancelled":
      return { name, data: { ...base, by: "MEMBER" as const, reason: null } };
  }
};

/** A clock the test moves by hand (backoffs pass without waiting). */
export function manualClock(start = new Date()) {
  let t = start.getTime();
  return { now: () => new Date(t), advance: (ms: number) => void (t += ms) };
}

/** Runs a function for one event through the real local runner (retries with backoff, NonRetriableError), driving time by hand. */
export async function runThroughLocalRunner(
  fn: AnyInngestFunction,
  event: { name: string; data: Record<string, unknown> },
  options: { maxTicks?: number; between?: (tick: number) => void | Promise<void> } = {},
) {
  const eventId = randomUUID();
  await withGlobal((g) => createRunsForEvent(g, [fn], { id: eventId, name: event.name, data: event.data, ts: Date.now() }));
  const clock = manualClock();
  const runner = createLocalRunner({
    functions: [fn],
    now: clock.now,
    backoff: { baseMs: 1_000, maxMs: 60_000, random: () => 0.5 },
    pollIntervalMs: 20,
  });
  for (let tick = 0; tick < (options.maxTicks ?? 12); tick++) {
    await runner.tick();
    const run = await withGlobal((g) => g.jobRun.findUniqueOrThrow({ where: { functionId_eventId: { functionId: fn.id(), eventId } } }));
    if (run.status === "COMPLETED" || run.status === "FAILED")
      return withGlobal((g) =>
        g.jobRun.findUniqueOrThrow({ where: { id: run.id }, include: { steps: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] } } }),
      );
    await options.between?.(tick);
    clock.advance(120_000);
  }
  throw new Error(`the run for ${event.name} did not finish in ${options.maxTicks ?? 12} ticks`);
}

export const uid = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

/** An hour from now, rounded, plus `days` (a booking in the future). */
export function inDays(days: number, hour = 15): Date {
  const d = new Date(Date.now() + days * 86_400_000);
  d.setUTCHours(hour, 0, 0, 0);
  return d;
}
