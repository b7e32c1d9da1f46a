import { InvalidSelectionError, quote, type TOptionSelection } from "../catalog/options";
import { readConfig } from "../config/config-service.server";
import { ZWeeklyHoursSchema } from "../config/schemas";
import type { TenantDb } from "../db/db.server";
import { Invalid, NotFound } from "../errors/domain-errors";
import { logger } from "../observability/logger.server";
import { DAY_MS, MINUTE_MS } from "./local-time";
import { WORKING_STAFF } from "./working-staff.server";
import { groupSlotsByLocalDate, localDateOf, localDateRange, MAX_CALENDAR_DAYS, type CalendarDay } from "./slot-calendar";
import { computeSlots, horizonLimit, type BusyInput, type Slot, type SlotEngineInput, type WeeklyHours } from "./slot-engine";

/**
 * Availability for a tenant: loads what the slot engine needs inside the caller's unit of
 * work (one query per table, bounded by the window) and runs it.
 */

/** Statuses that hold a member's time; the same list as the bookings exclusion constraint. */
const BLOCKING_STATUSES = ["HELD", "REQUESTED", "CONFIRMED", "IN_PROGRESS"] as const;

/** Longest window one call may load (a month view plus DST slack; the router allows 31 local days). */
const MAX_WINDOW_MS = 62 * DAY_MS;

/** No-one is ever open: what a member gets when their stored hours no longer validate. */
const CLOSED_WEEK: WeeklyHours = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };

export interface AvailabilityQuery {
  serviceId: string;
  selection?: TOptionSelection;
  /** Offered starts are in [from, to). */
  from: Date;
  to: Date;
  /** Only this member's slots. */
  staffId?: string;
  now?: Date;
  /**
   * `customer` (public site, agent): notice, horizon, active services only. `member`
   * (dashboard): only not in the past — the same split as server/booking's rules.
   */
  rules?: "customer" | "member";
  /** A booking being moved: its own time does not block its new time. */
  excludeBookingId?: string;
  /** The job's length when already priced (a booking being moved keeps its options' length). */
  durationMinutes?: number;
}

export interface LoadedAvailability {
  timeZone: string;
  durationMinutes: number;
  input: SlotEngineInput;
}

export interface AvailableSlots {
  timeZone: string;
  durationMinutes: number;
  slots: Slot[];
}

/**
 * The slot engine's input for a service and window, loaded for the tenant of `db`: hours,
 * booking rules, eligible members, exceptions, blocking bookings and live holds, busy blocks.
 * Exposed so booking code can re-check one time (isSlotAvailable) or pick a member (pickStaff).
 */
export async function loadAvailabilityInput(db: TenantDb, query: AvailabilityQuery, knownTimeZone?: string): Promise<LoadedAvailability> {
  const now = query.now ?? new Date();
  const audience = query.rules ?? "customer";
  if (!(query.from.getTime() < query.to.getTime()) || query.to.getTime() - query.from.getTime() > MAX_WINDOW_MS) {
    throw Invalid("errors:invalidInput", { to: "errors:validation.invalid" });
  }

  const [timeZone, hours, booking, service] = await Promise.all([
    knownTimeZone ?? db.tenant.findUniqueOrThrow({ where: { id: db.tenantId }, select: { timeZone: true } }).then((t) => t.timeZone),
    readConfig(db, "HOURS"),
    readConfig(db, "BOOKING"),
    db.service.findUnique({ where: { id: query.serviceId } }),
  ]);
  if (!service || (audience === "customer" && !service.active)) throw NotFound("errors:notFound");
  let durationMinutes: number;
  try {
    durationMinutes = query.durationMinutes ?? quote(service, query.selection ?? {}).durationMinutes;
  } catch (error) {
    if (error instanceof InvalidSelectionError)
      throw Invalid("errors:invalidInput", { [`selection.${error.groupKey}`]: "errors:validation.invalid" });
    throw error;
  }

  const rules = {
    slotIntervalMinutes: booking.slotIntervalMinutes,
    bufferMinutes: booking.bufferMinutes,
    travelMinutes: booking.travelMinutes,
    minNoticeMinutes: audience === "customer" ? booking.minNoticeMinutes : 0,
    horizonDays: audience === "customer" ? booking.horizonDays : null,
  };

  // Only rows that can touch an offered start: the job, its travel before and buffer after.
  const firstStart = Math.max(query.from.getTime(), now.getTime());
  const limit = horizonLimit(now, rules.horizonDays);
  const lastStart = Math.min(query.to.getTime(), limit === null ? Infinity : limit.getTime() + 1);
  const windowFrom = new Date(firstStart - rules.travelMinutes * MINUTE_MS);
  const windowTo = new Date(lastStart + (durationMinutes + rules.bufferMinutes) * MINUTE_MS);

  const staffRows = await db.staff.findMany({
    where: {
      ...WORKING_STAFF,
      // An empty list means every active member may do the service.
      ...(service.staffIds.length > 0 ? { id: { in: service.staffIds } } : {}),
      ...(query.staffId !== undefined ? { AND: [{ id: query.staffId }] } : {}),
    },
    orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }],
    select: { id: true, weeklyHours: true },
  });
  const base: SlotEngineInput = {
    timeZone,
    from: query.from,
    to: query.to,
    now,
    rules,
    durationMinutes,
    staff: [],
    exceptions: [],
    busy: [],
  };
  if (staffRows.length === 0 || !(firstStart < lastStart)) return { timeZone, durationMinutes, input: base };

  const staffIds = staffRows.map((s) => s.id);
  const staffOrEveryone = { OR: [{ staffId: null }, { staffId: { in: staffIds } }] };
  const overlapsWindow = { startsAt: { lt: windowTo }, endsAt: { gt: windowFrom } };
  const [exceptions, bookings, busyBlocks] = await Promise.all([
    db.scheduleException.findMany({
      where: { ...overlapsWindow, ...staffOrEveryone },
      select: { staffId: true, kind: true, startsAt: true, endsAt: true },
    }),
    db.booking.findMany({
      where: {
        staffId: { in: staffIds },
        status: { in: [...BLOCKING_STATUSES] },
        blockedFrom: { lt: windowTo },
        blockedUntil: { gt: windowFrom },
        // A hold blocks only while it lives; an expired one is waiting to be swept.
        OR: [{ status: { not: "HELD" } }, { holdExpiresAt: { gt: now } }],
        ...(query.excludeBookingId !== undefined ? { id: { not: query.excludeBookingId } } : {}),
      },
      select: { staffId: true, blockedFrom: true, blockedUntil: true },
    }),
    db.calendarBusyBlock.findMany({
      where: { ...overlapsWindow, ...staffOrEveryone },
      select: { staffId: true, startsAt: true, endsAt: true },
    }),
  ]);

  const busy: BusyInput[] = busyBlocks;
  for (const b of bookings) busy.push({ staffId: b.staffId, startsAt: b.blockedFrom, endsAt: b.blockedUntil });
  const staff = staffRows.map((s) => ({ id: s.id, weekly: staffWeekly(s, hours.weekly) }));
  return { timeZone, durationMinutes, input: { ...base, staff, exceptions, busy } };
}

function staffWeekly(staff: { id: string; weeklyHours: unknown }, business: WeeklyHours): WeeklyHours {
  if (staff.weeklyHours === null || staff.weeklyHours === undefined) return business;
  const parsed = ZWeeklyHoursSchema.safeParse(staff.weeklyHours);
  if (parsed.success) return parsed.data;
  // Never guess hours someone may not work: bad stored hours offer no time, and say so.
  logger.warn(
    { staffId: staff.id, problems: parsed.error.issues.length },
    "stored staff hours no longer validate; offering no slots for this member",
  );
  return CLOSED_WEEK;
}

/** The slots a service can be booked at in [from, to), for the tenant of `db`. */
export async function getAvailableSlots(db: TenantDb, query: AvailabilityQuery): Promise<AvailableSlots> {
  const { timeZone, durationMinutes, input } = await loadAvailabilityInput(db, query);
  return { timeZone, durationMinutes, slots: computeSlots(input) };
}

export interface SlotCalendarQuery extends Omit<AvailabilityQuery, "from" | "to"> {
  /** Local dates "YYYY-MM-DD" in the tenant's zone, inclusive, at most 31 days. */
  fromDate: string;
  toDate: string;
  /** The tenant's zone when the caller already has it (public callers resolve the tenant first). */
  timeZone?: string;
}

export interface SlotCalendar {
  timeZone: string;
  durationMinutes: number;
  days: CalendarDay[];
  /** The last local date a start may fall on (the booking horizon), null when there is none (members). */
  lastDate: string | null;
}

/** Slots for local dates fromDate..toDate, grouped by local date with "HH:MM" labels. */
export async function getSlotCalendar(db: TenantDb, query: SlotCalendarQuery): Promise<SlotCalendar> {
  const timeZone =
    query.timeZone ?? (await db.tenant.findUniqueOrThrow({ where: { id: db.tenantId }, select: { timeZone: true } })).timeZone;
  const range = localDateRange(timeZone, query.fromDate, query.toDate);
  if (!range || range.days > MAX_CALENDAR_DAYS) throw Invalid("errors:invalidInput", { toDate: "errors:validation.invalid" });
  const { fromDate, toDate, timeZone: _known, ...rest } = query;
  const loaded = await loadAvailabilityInput(db, { ...rest, from: range.from, to: range.to }, timeZone);
  const limit = horizonLimit(loaded.input.now, loaded.input.rules.horizonDays);
  return {
    timeZone,
    durationMinutes: loaded.durationMinutes,
    days: groupSlotsByLocalDate(computeSlots(loaded.input), timeZone, fromDate, toDate),
    lastDate: limit === null ? null : localDateOf(limit, timeZone),
  };
}
