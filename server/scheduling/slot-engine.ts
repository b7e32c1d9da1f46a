import type { TWeekday } from "../config/schemas";
import { DAY_MS, MINUTE_MS, parseClock, wallDayOf, weekdayOf, ZoneTimeline } from "./local-time";
import { lowerBound, mergeSpans, subtractSpans, type Span } from "./spans";

/**
 * The slot engine: which start times can be offered for a job of a given length. Pure (no
 * database, no clock, no process TZ): availability.server.ts loads the inputs.
 *
 * The rules, decided here once:
 * - Open hours are wall-clock hours in the tenant's zone. A member is open at an instant when
 *   the local clock then reads inside one of their weekly ranges for that local day, or an
 *   OPEN exception (theirs or the business's) covers it — and no CLOSED exception (theirs or
 *   the business's) does. CLOSED wins over OPEN, so a holiday cannot be undone by accident.
 *   On change days this is exact: 01:00-04:00 on a spring-forward day is two real hours,
 *   on a fall-back day four.
 * - The JOB itself [start, end) must lie inside one stretch of open time. Travel (before)
 *   and buffer (after) need NOT: driving to the first customer happens before opening and
 *   cleaning up after the last job happens after closing. They must, however, be free of
 *   every busy interval (bookings, holds, calendar busy blocks), so the blocked range
 *   [start - travel, end + buffer) matches what the bookings table stores and its
 *   no-double-booking exclusion constraint checks.
 * - The grid is local wall-clock time: starts at multiples of the interval after local
 *   midnight (09:00, 09:30, ... on both sides of a DST change). A grid time that does not
 *   exist (spring forward) is never offered; one that happens twice (fall back) is offered
 *   at both occurrences (01:30 PDT and 01:30 PST are two real hours): the booking pages
 *   label each with its zone abbreviation, so the same "01:30" never reads ambiguously.
 * - Notice and horizon as server/booking checks them when a time is held or booked: a start
 *   is after now, at or after now + minNoticeMinutes, and at or before now + horizonDays x
 *   24 h (null: no horizon, for members). A slot offered is a time the booking accepts.
 * - Offered starts are those in [from, to).
 */

export interface SlotRules {
  slotIntervalMinutes: number;
  bufferMinutes: number;
  travelMinutes: number;
  minNoticeMinutes: number;
  /** null: no horizon (members booking from the dashboard). */
  horizonDays: number | null;
}

export type WeeklyHours = Readonly<Record<TWeekday, ReadonlyArray<{ readonly open: string; readonly close: string }>>>;

/** A member who can do the job, with their own hours already resolved (theirs or the business's). */
export interface StaffHours {
  id: string;
  weekly: WeeklyHours;
}

export interface ExceptionInput {
  /** null: the whole business. */
  staffId: string | null;
  kind: "CLOSED" | "OPEN";
  startsAt: Date;
  endsAt: Date;
}

/** Time a member (or, with staffId null, everyone) cannot take a job: bookings, live holds, calendar busy blocks. */
export interface BusyInput {
  staffId: string | null;
  startsAt: Date;
  endsAt: Date;
}

export interface SlotEngineInput {
  timeZone: string;
  /** Offered starts are in [from, to). */
  from: Date;
  to: Date;
  now: Date;
  rules: SlotRules;
  durationMinutes: number;
  /** In preference order (sort order): slot.staffIds keeps it. */
  staff: readonly StaffHours[];
  exceptions: readonly ExceptionInput[];
  busy: readonly BusyInput[];
}

export interface Slot {
  startsAt: Date;
  endsAt: Date;
  /** Members free for this slot, in the input's order. */
  staffIds: string[];
}

/** How to choose one member for a slot several can take. */
export type StaffPickStrategy =
  | { kind: "sort-order" }
  /** Fewest busy minutes wins (see busyMinutesOnLocalDay); ties go to sort order. */
  | { kind: "least-busy"; busyMinutes: ReadonlyMap<string, number> };

interface Prepared {
  timeline: ZoneTimeline;
  /** First and last (exclusive) start instants allowed by from/to, notice and horizon. */
  lowStart: number;
  highStart: number;
  /**
   * Wall midnights of the local days whose hours a job may use: every day holding an allowed
   * start, plus the days a job can run into (an OPEN exception can carry a job past midnight
   * into the next day's hours).
   */
  days: number[];
  /** Sorted grid instants of those days. */
  grid: number[];
  durationMs: number;
  bufferMs: number;
  travelMs: number;
}

/** The latest start the horizon allows (inclusive), or null for none. */
export function horizonLimit(now: Date, horizonDays: number | null): Date | null {
  return horizonDays === null ? null : new Date(now.getTime() + horizonDays * DAY_MS);
}

function prepare(input: SlotEngineInput): Prepared | null {
  const { rules } = input;
  if (!Number.isInteger(input.durationMinutes) || input.durationMinutes < 1) throw new Error("durationMinutes must be a positive integer");
  if (!Number.isInteger(rules.slotIntervalMinutes) || rules.slotIntervalMinutes < 1)
    throw new Error("slotIntervalMinutes must be a positive integer");
  const now = input.now.getTime();
  // Integer milliseconds: "after now" is "at or after now + 1", "at or before h" is "before h + 1".
  const lowStart = Math.max(input.from.getTime(), now + rules.minNoticeMinutes * MINUTE_MS, now + 1);
  const limit = horizonLimit(input.now, rules.horizonDays);
  const highStart = Math.min(input.to.getTime(), limit === null ? Infinity : limit.getTime() + 1);
  if (!(lowStart < highStart) || input.staff.length === 0) return null;

  const durationMs = input.durationMinutes * MINUTE_MS;
  const timeline = new ZoneTimeline(input.timeZone, lowStart, highStart + durationMs);
  const firstDay = wallDayOf(timeline.wallOf(lowStart));
  const lastStartDay = wallDayOf(timeline.wallOf(highStart - 1));
  const lastJobDay = wallDayOf(timeline.wallOf(highStart - 1 + durationMs));
  const days: number[] = [];
  const grid: number[] = [];
  const step = rules.slotIntervalMinutes * MINUTE_MS;
  for (let day = firstDay; day <= lastJobDay; day += DAY_MS) {
    days.push(day);
    if (day > lastStartDay) continue;
    for (let wall = day; wall < day + DAY_MS; wall += step) {
      grid.push(...timeline.instantsAt(wall));
    }
  }
  // Already ascending in every real zone; sorting keeps the binary searches safe regardless.
  grid.sort((a, b) => a - b);
  return {
    timeline,
    lowStart,
    highStart,
    days,
    grid,
    durationMs,
    bufferMs: rules.bufferMinutes * MINUTE_MS,
    travelMs: rules.travelMinutes * MINUTE_MS,
  };
}

type ParsedWeekly = Record<TWeekday, Array<[open: number, close: number]>>;

function parseWeekly(weekly: WeeklyHours): ParsedWeekly {
  const out = {} as ParsedWeekly;
  for (const day of Object.keys(weekly) as TWeekday[]) {
    out[day] = weekly[day].map((r) => [parseClock(r.open) * MINUTE_MS, parseClock(r.close) * MINUTE_MS]);
  }
  return out;
}

function groupByStaff<T extends { staffId: string | null }>(items: readonly T[]): Map<string | null, T[]> {
  const out = new Map<string | null, T[]>();
  for (const item of items) {
    const list = out.get(item.staffId);
    if (list) list.push(item);
    else out.set(item.staffId, [item]);
  }
  return out;
}

const toSpan = (x: { startsAt: Date; endsAt: Date }): Span => [x.startsAt.getTime(), x.endsAt.getTime()];

interface Grouped {
  open: Map<string | null, Span[]>;
  closed: Map<string | null, Span[]>;
  busy: Map<string | null, Span[]>;
}

function group(input: SlotEngineInput): Grouped {
  const open = new Map<string | null, Span[]>();
  const closed = new Map<string | null, Span[]>();
  for (const [staffId, list] of groupByStaff(input.exceptions)) {
    open.set(staffId, list.filter((e) => e.kind === "OPEN").map(toSpan));
    closed.set(staffId, list.filter((e) => e.kind === "CLOSED").map(toSpan));
  }
  const busy = new Map<string | null, Span[]>();
  for (const [staffId, list] of groupByStaff(input.busy)) busy.set(staffId, list.map(toSpan));
  return { open, closed, busy };
}

/**
 * Half-open spans of allowed START instants for one member: starts s with [s, s + duration)
 * inside open time and [s - travel, s + duration + buffer) clear of busy time, within the
 * window. Integer milliseconds make "s <= last" the same as "s < last + 1".
 */
function startSpansFor(staff: StaffHours, weekly: ParsedWeekly, p: Prepared, g: Grouped): Span[] {
  const openParts: Span[] = [];
  for (const day of p.days) {
    for (const [o, c] of weekly[weekdayOf(day)] ?? []) openParts.push(...p.timeline.wallSpanToInstants(day + o, day + c));
  }
  openParts.push(...(g.open.get(null) ?? []), ...(g.open.get(staff.id) ?? []));
  const closed = mergeSpans([...(g.closed.get(null) ?? []), ...(g.closed.get(staff.id) ?? [])]);
  const open = subtractSpans(mergeSpans(openParts), closed);

  const starts: Span[] = [];
  for (const [a, b] of open) {
    const lo = Math.max(a, p.lowStart);
    const hi = Math.min(b - p.durationMs + 1, p.highStart);
    if (lo < hi) starts.push([lo, hi]);
  }
  // A start s collides with busy [c, d) when s - travel < d and s + duration + buffer > c.
  const forbidden = mergeSpans(
    [...(g.busy.get(null) ?? []), ...(g.busy.get(staff.id) ?? [])].map(([c, d]): Span => [
      c - p.durationMs - p.bufferMs + 1,
      d + p.travelMs,
    ]),
  );
  return subtractSpans(starts, forbidden);
}

/** Every offered slot in [from, to), sorted by start, with the members free for it. */
export function computeSlots(input: SlotEngineInput): Slot[] {
  const p = prepare(input);
  if (!p) return [];
  const g = group(input);
  const takers: Array<string[] | undefined> = new Array(p.grid.length);
  for (const staff of input.staff) {
    const weekly = parseWeekly(staff.weekly);
    for (const [lo, hi] of startSpansFor(staff, weekly, p, g)) {
      for (let i = lowerBound(p.grid, lo); i < p.grid.length && p.grid[i] < hi; i++) (takers[i] ??= []).push(staff.id);
    }
  }
  const slots: Slot[] = [];
  for (let i = 0; i < p.grid.length; i++) {
    const ids = takers[i];
    if (ids) slots.push({ startsAt: new Date(p.grid[i]), endsAt: new Date(p.grid[i] + p.durationMs), staffIds: ids });
  }
  return slots;
}

/**
 * Whether `startsAt` would be offered (to `staffId`, or to anyone): the same rules as
 * computeSlots, so a booking can only take a time the widget could have shown.
 */
export function isSlotAvailable(input: SlotEngineInput, startsAt: Date, staffId?: string): boolean {
  const staff = staffId === undefined ? input.staff : input.staff.filter((s) => s.id === staffId);
  const t = startsAt.getTime();
  if (t < input.from.getTime() || t >= input.to.getTime()) return false;
  const slots = computeSlots({ ...input, staff, from: startsAt, to: new Date(t + 1) });
  return slots.length === 1 && slots[0].startsAt.getTime() === t;
}

/** The member to give a slot to, or null when nobody is free. */
export function pickStaff(slot: Slot, strategy: StaffPickStrategy = { kind: "sort-order" }): string | null {
  if (slot.staffIds.length === 0) return null;
  if (strategy.kind === "sort-order") return slot.staffIds[0];
  let best = slot.staffIds[0];
  let bestLoad = strategy.busyMinutes.get(best) ?? 0;
  for (const id of slot.staffIds.slice(1)) {
    const load = strategy.busyMinutes.get(id) ?? 0;
    // Strictly less: a tie keeps the earlier member in sort order.
    if (load < bestLoad) [best, bestLoad] = [id, load];
  }
  return best;
}

/**
 * Each member's own busy minutes (bookings, holds, calendar blocks; not business-wide
 * blocks, which weigh on everyone alike) on the local day of `at`: the load for least-busy.
 */
export function busyMinutesOnLocalDay(input: Pick<SlotEngineInput, "timeZone" | "staff" | "busy">, at: Date): Map<string, number> {
  const timeline = new ZoneTimeline(input.timeZone, at.getTime(), at.getTime());
  const day = wallDayOf(timeline.wallOf(at.getTime()));
  const daySpans = timeline.wallSpanToInstants(day, day + DAY_MS);
  const out = new Map<string, number>(input.staff.map((s) => [s.id, 0]));
  for (const [staffId, list] of groupByStaff(input.busy)) {
    if (staffId === null || !out.has(staffId)) continue;
    let ms = 0;
    for (const [s, e] of mergeSpans(list.map(toSpan))) {
      for (const [ds, de] of daySpans) ms += Math.max(0, Math.min(e, de) - Math.max(s, ds));
    }
    out.set(staffId, ms / MINUTE_MS);
  }
  return out;
}
