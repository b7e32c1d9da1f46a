import { DateTime } from "luxon";
import type { StaffChoice } from "#server/catalog/services.server";
import { can, type TRole } from "#server/tenants/roles";
import type { requireMember } from "~/lib/dashboard.server";
import { isLocalDate, weekStartOf } from "./schedule-dates";

type Member = Awaited<ReturnType<typeof requireMember>>;

export type ScheduleStaff = StaffChoice;

/** Today's local date in a time zone ("YYYY-MM-DD"). */
export function todayIn(timeZone: string, now = new Date()): string {
  return DateTime.fromJSDate(now).setZone(timeZone).toISODate() ?? DateTime.utc().toISODate()!;
}

/** [from, to) instants of `days` local days starting at `date` in the tenant's zone (DST-safe). */
export function localRange(timeZone: string, date: string, days: number): { from: string; to: string } {
  const start = DateTime.fromISO(date, { zone: timeZone }).startOf("day");
  return { from: start.toUTC().toISO()!, to: start.plus({ days }).toUTC().toISO()! };
}

export type ScheduleView = "day" | "week";

/** Everything the schedule page shows for one day or one week. */
export async function loadSchedule(member: Member, url: URL) {
  const { caller, current, locale } = member;
  const { tenant } = await caller.tenants.current();
  const timeZone = tenant.timeZone;
  const today = todayIn(timeZone);
  const requested = url.searchParams.get("date");
  const date = requested && isLocalDate(requested) ? requested : today;
  const view: ScheduleView = url.searchParams.get("view") === "week" ? "week" : "day";
  const first = view === "week" ? weekStartOf(date) : date;
  const range = localRange(timeZone, first, view === "week" ? 7 : 1);
  const role = current.role as TRole;
  const [bookings, services, staff, calendar] = await Promise.all([
    caller.booking.list({ from: range.from, to: range.to }),
    caller.services.list(),
    caller.services.staffChoices(),
    calendarState(member, role),
  ]);
  return {
    timeZone,
    today,
    date,
    view,
    firstDate: first,
    locale,
    defaultLocale: tenant.defaultLocale === "es" ? ("es" as const) : ("en" as const),
    role,
    canManage: can(role, "customers.manage"),
    bookings,
    services: services.map((s) => ({
      id: s.id,
      name: s.name,
      durationMinutes: s.durationMinutes,
      priceCents: s.priceCents,
      optionGroups: s.optionGroups,
    })),
    staff,
    calendar,
  };
}

export type CalendarState = "connected" | "disconnected" | "problem" | "local";

/** One word for the schedule's calendar link; only managers may read connections, staff see the mode. */
async function calendarState(member: Member, role: TRole): Promise<CalendarState> {
  try {
    if (!can(role, "hours.manage")) {
      const { mode } = await member.caller.calendar.mode();
      return mode === "local" ? "local" : "disconnected";
    }
    const overview = await member.caller.calendar.connections();
    if (overview.connections.some((c) => c.status === "ERROR")) return "problem";
    if (overview.connections.some((c) => c.status === "CONNECTED")) return "connected";
    return overview.mode === "local" ? "local" : "disconnected";
  } catch {
    // The link still works when the state cannot be read; the schedule must not fail for it.
    return "disconnected";
  }
}

type Caller = Member["caller"];

/** The dashboard home's "Today" card: today's jobs in the business's zone, the next one, and requests waiting. */
export async function loadTodaySummary(caller: Caller, timeZone: string, now = new Date()) {
  const today = todayIn(timeZone, now);
  const range = localRange(timeZone, today, 1);
  const ahead = localRange(timeZone, today, 31);
  const [bookings, requests] = await Promise.all([
    caller.booking.list({ from: range.from, to: range.to }),
    caller.booking.list({ from: now.toISOString(), to: ahead.to, statuses: ["REQUESTED"] }),
  ]);
  const jobs = bookings.filter((b) => b.status !== "CANCELLED");
  const next =
    jobs.find((b) => new Date(b.endsAt) > now && (b.status === "CONFIRMED" || b.status === "REQUESTED" || b.status === "IN_PROGRESS")) ??
    null;
  return {
    timeZone,
    count: jobs.length,
    next: next ? { startsAt: next.startsAt, customer: next.customer?.name ?? null, service: next.service.name, status: next.status } : null,
    requests: requests.length,
  };
}
