import { TRPCError } from "@trpc/server";
import { DateTime } from "luxon";
import { getConfig, writeConfig } from "../../../server/config/config-service.server";
import type { DeepPartial, TConfigNode } from "../../../server/config/schemas";
import { withGlobal, withTenant } from "../../../server/db/db.server";
import { isDomainError, type DomainError } from "../../../server/errors/domain-errors";
import type { TLocale } from "../../../server/i18n/localized-text";
import { createCaller } from "../../../server/trpc/router.server";
import type { SessionUser } from "../../../server/users/session-user";
import { createTestTenant, uid, type TestTenant } from "../../helpers/factories";

/** Helpers shared by the booking integration tests (not a test file itself). */

export interface BookingTenant extends TestTenant {
  staffId: string;
  serviceId: string;
  durationMinutes: number;
}

/**
 * A business from the real onboarding (one staff member: its owner) with its first
 * service, and the BOOKING node set for the test (no buffer by default, so intervals are
 * exactly the jobs).
 */
export async function bookingTenant(
  booking: DeepPartial<TConfigNode<"BOOKING">> = {},
  input: { timeZone?: string } = {},
): Promise<BookingTenant> {
  const t = await createTestTenant({ input: input.timeZone ? { timeZone: input.timeZone } : {} });
  return withTenant(t.id, async (db) => {
    await writeConfig(db, "BOOKING", { bufferMinutes: 0, travelMinutes: 0, ...booking }, null);
    const staff = await db.staff.findFirstOrThrow({ select: { id: true } });
    const service = await db.service.findFirstOrThrow({ orderBy: { sortOrder: "asc" }, select: { id: true, durationMinutes: true } });
    return { ...t, staffId: staff.id, serviceId: service.id, durationMinutes: service.durationMinutes };
  });
}

export async function setBookingConfig(tenantId: string, patch: DeepPartial<TConfigNode<"BOOKING">>): Promise<void> {
  await withTenant(tenantId, (db) => writeConfig(db, "BOOKING", patch, null));
}

/** A service of a given length (and price), so times in tests are easy to read. */
export async function addService(
  tenantId: string,
  durationMinutes: number,
  extra: { priceCents?: number; optionGroups?: unknown; depositRule?: unknown; staffIds?: string[] } = {},
): Promise<string> {
  const row = await withTenant(tenantId, (db) =>
    db.service.create({
      data: {
        tenantId,
        name: { en: `Job ${durationMinutes}`, es: `Trabajo ${durationMinutes}` },
        description: { en: "", es: "" },
        durationMinutes,
        priceCents: extra.priceCents ?? 10_000,
        optionGroups: (extra.optionGroups ?? []) as object,
        depositRule: (extra.depositRule ?? { type: "none" }) as object,
        staffIds: extra.staffIds ?? [],
      },
      select: { id: true },
    }),
  );
  return row.id;
}

export async function addStaff(tenantId: string, name = uid("tech")): Promise<string> {
  const last = await withTenant(tenantId, (db) => db.staff.aggregate({ _max: { sortOrder: true } }));
  const row = await withTenant(tenantId, (db) =>
    db.staff.create({ data: { tenantId, name, sortOrder: (last._max.sortOrder ?? 0) + 1 }, select: { id: true } }),
  );
  return row.id;
}

export async function addCustomer(
  tenantId: string,
  data: { phone?: string; email?: string | null; smsConsent?: boolean; locale?: TLocale } = {},
): Promise<string> {
  const row = await withTenant(tenantId, (db) =>
    db.customer.create({
      data: {
        tenantId,
        name: `Customer ${uid("c")}`,
        phone: data.phone ?? `+1512555${String(Math.floor(Math.random() * 10_000)).padStart(4, "0")}`,
        email: data.email ?? null,
        smsConsent: data.smsConsent ?? false,
        locale: data.locale ?? "en",
      },
      select: { id: true },
    }),
  );
  return row.id;
}

/** The domain error a promise rejects with ("Kind:key"), or "ok". */
export async function outcome(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (error) {
    if (isDomainError(error)) return `${error.kind}:${error.key}`;
    throw error;
  }
}

export async function domainError(p: Promise<unknown>): Promise<DomainError> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isDomainError(error)) throw new Error(`expected a domain error, got ${String(error)}`);
  return error;
}

export async function trpcError(p: Promise<unknown>): Promise<TRPCError> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error;
}

/** A caller with its own client IP (public procedures are rate-limited per IP). */
export function caller(user: SessionUser | null, tenantId: string | null = null, ip = `10.${rand()}.${rand()}.${rand()}`) {
  return createCaller({
    requestId: uid("req"),
    request: new Request("http://localhost/"),
    user,
    locale: "en",
    tenantIdHint: tenantId ?? user?.lastTenantId ?? null,
    ip,
  });
}
const rand = () => Math.floor(Math.random() * 250) + 1;

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/**
 * A time the business is open for the whole job: the `n`-th day from today (n = 1 is the
 * first) on which `hourUtc:minute` falls inside the tenant's weekly hours, in its own zone.
 * Counting open days (not calendar days) keeps tests green on any weekday: "today + 4 days"
 * is a closed Sunday one day a week. Distinct `n` give distinct days, in order.
 */
export async function openDay(
  t: { id: string; durationMinutes?: number },
  n: number,
  hourUtc: number,
  minute = 0,
  from: Date = new Date(),
): Promise<Date> {
  const [hours, tenant] = await Promise.all([
    getConfig(t.id, "HOURS"),
    withGlobal((db) => db.tenant.findUniqueOrThrow({ where: { id: t.id }, select: { timeZone: true } })),
  ]);
  const minutes = t.durationMinutes ?? 60;
  const fits = (at: Date) => {
    const local = DateTime.fromJSDate(at, { zone: tenant.timeZone });
    const day = local.toFormat("ccc").toLowerCase() as keyof typeof hours.weekly;
    const start = local.hour * 60 + local.minute;
    const clock = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
    return hours.weekly[day].some((r) => clock(r.open) <= start && start + minutes <= clock(r.close));
  };
  let found = 0;
  for (let days = 1; days <= 60; days++) {
    const at = dayAt(from, days, hourUtc, minute);
    if (fits(at) && ++found === n) return at;
  }
  throw new Error(`openDay: the business is not open at ${hourUtc}:${minute} UTC on ${n} days in the next 60`);
}

/** A whole hour (UTC) `days` ahead of `from`, at `hourUtc`. */
export function dayAt(from: Date, days: number, hourUtc: number, minute = 0): Date {
  const d = new Date(from.getTime() + days * DAY);
  d.setUTCHours(hourUtc, minute, 0, 0);
  return d;
}

export const bookingEvents = (tenantId: string, bookingId: string) =>
  withTenant(tenantId, (db) => db.bookingEvent.findMany({ where: { bookingId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }));

export async function outboxFor(tenantId: string, bookingId: string) {
  const rows = await withTenant(tenantId, (db) =>
    db.outboxEvent.findMany({ where: { name: { startsWith: "booking/" } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
  );
  return rows
    .filter((r) => (r.data as { bookingId?: string }).bookingId === bookingId)
    .map((r) => ({ name: r.name, data: r.data as Record<string, unknown> }));
}
