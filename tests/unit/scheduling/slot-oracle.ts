import { IANAZone } from "luxon";
import type { SlotEngineInput } from "../../../server/scheduling/slot-engine";

/**
 * A deliberately naive reference for the slot engine: minute by minute, no spans, no
 * timelines, no binary searches — only the rules as a person would state them. Slow, and
 * only fit for short windows with minute-aligned inputs (the property tests' scenarios).
 */
const MIN = 60_000;
const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;

export interface Oracle {
  /** First and last (exclusive) start instants allowed by from/to, notice and horizon. */
  lowStart: number;
  highStart: number;
  /** Local wall fields of a minute instant. */
  wall(t: number): { date: string; weekday: (typeof WEEKDAYS)[number]; minuteOfDay: number; key: number };
  /** Whether the member is open during minute [t, t + 1 min): local weekly hours or OPEN exception, and no CLOSED exception. */
  openAt(staffId: string, t: number): boolean;
  /** Whether busy time (theirs or business-wide) touches minute [t, t + 1 min). */
  busyAt(staffId: string, t: number): boolean;
  /** On the local wall-clock grid (a repeated wall time at both of its occurrences). */
  onGrid(t: number): boolean;
  /** Whether the member can take a job starting at t (hours, busy incl. travel/buffer; not grid or window). */
  fits(staffId: string, t: number): boolean;
  /** Every valid start in the window, with the members who can take it, by brute force. */
  slots(): Array<{ start: number; staffIds: string[] }>;
}

/** Builds the reference for one input. */
export function oracleFor(input: SlotEngineInput): Oracle {
  const zone = IANAZone.create(input.timeZone);
  const { rules } = input;
  const now = input.now.getTime();
  const lowStart = Math.max(input.from.getTime(), now + rules.minNoticeMinutes * MIN, now + 1);
  const highStart = Math.min(input.to.getTime(), rules.horizonDays === null ? Infinity : now + rules.horizonDays * 24 * 60 * MIN + 1);
  const dur = input.durationMinutes * MIN;

  const offsets = new Map<number, number>();
  const offsetAt = (t: number): number => {
    const hour = Math.floor(t / (60 * MIN)) * 60 * MIN;
    let o = offsets.get(hour);
    if (o === undefined) {
      const a = zone.offset(hour);
      // Same offset at both ends of the UTC hour: it holds for every minute of it.
      o = a === zone.offset(hour + 59 * MIN) ? a : Number.NaN;
      offsets.set(hour, o);
    }
    return Number.isNaN(o) ? zone.offset(t) : o;
  };
  const wall = (t: number) => {
    const w = new Date(t + offsetAt(t) * MIN);
    const date = w.toISOString().slice(0, 10);
    return { date, weekday: WEEKDAYS[w.getUTCDay()], minuteOfDay: w.getUTCHours() * 60 + w.getUTCMinutes(), key: w.getTime() };
  };
  const covers = (x: { startsAt: Date; endsAt: Date }, t: number) => x.startsAt.getTime() < t + MIN && t < x.endsAt.getTime();
  const weekly = new Map(input.staff.map((s) => [s.id, s.weekly]));

  const openAt = (staffId: string, t: number) => {
    const w = wall(t);
    const clock = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
    const inWeekly = (weekly.get(staffId)?.[w.weekday] ?? []).some((r) => clock(r.open) <= w.minuteOfDay && w.minuteOfDay < clock(r.close));
    const mine = input.exceptions.filter((e) => (e.staffId === null || e.staffId === staffId) && covers(e, t));
    return (inWeekly || mine.some((e) => e.kind === "OPEN")) && !mine.some((e) => e.kind === "CLOSED");
  };
  const busyAt = (staffId: string, t: number) => input.busy.some((b) => (b.staffId === null || b.staffId === staffId) && covers(b, t));
  const onGrid = (t: number) => {
    const w = wall(t);
    // A repeated wall time (fall back) is on the grid at both of its occurrences.
    return t % MIN === 0 && w.minuteOfDay % rules.slotIntervalMinutes === 0;
  };
  const fits = (staffId: string, t: number) => {
    for (let u = t; u < t + dur; u += MIN) if (!openAt(staffId, u)) return false;
    for (let u = t - rules.travelMinutes * MIN; u < t + dur + rules.bufferMinutes * MIN; u += MIN) if (busyAt(staffId, u)) return false;
    return true;
  };
  const slots = () => {
    if (!(lowStart < highStart)) return [];
    // Same rules as `fits`, with per-minute prefix counts so a scenario takes milliseconds.
    const first = Math.floor((lowStart - rules.travelMinutes * MIN) / MIN) * MIN;
    const last = Math.ceil((highStart + dur + rules.bufferMinutes * MIN) / MIN) * MIN;
    const size = (last - first) / MIN + 1;
    const prefix = new Map<string, { closed: Int32Array; busy: Int32Array }>();
    for (const s of input.staff) {
      const closed = new Int32Array(size + 1);
      const busy = new Int32Array(size + 1);
      for (let i = 0; i < size; i++) {
        const t = first + i * MIN;
        closed[i + 1] = closed[i] + (openAt(s.id, t) ? 0 : 1);
        busy[i + 1] = busy[i] + (busyAt(s.id, t) ? 1 : 0);
      }
      prefix.set(s.id, { closed, busy });
    }
    const count = (arr: Int32Array, from: number, to: number) => arr[(to - first) / MIN] - arr[(from - first) / MIN];
    const out: Array<{ start: number; staffIds: string[] }> = [];
    for (let t = Math.ceil(lowStart / MIN) * MIN; t < highStart; t += MIN) {
      if (!onGrid(t)) continue;
      const staffIds = input.staff
        .filter((s) => {
          const p = prefix.get(s.id)!;
          return (
            count(p.closed, t, t + dur) === 0 && count(p.busy, t - rules.travelMinutes * MIN, t + dur + rules.bufferMinutes * MIN) === 0
          );
        })
        .map((s) => s.id);
      if (staffIds.length > 0) out.push({ start: t, staffIds });
    }
    return out;
  };
  return { lowStart, highStart, wall, openAt, busyAt, onGrid, fits, slots };
}
