import { IANAZone } from "luxon";

/**
 * Wall-clock arithmetic in a tenant's IANA zone, independent of the process TZ.
 *
 * A "wall" value is a local date-time written as milliseconds as if the zone were UTC
 * (2026-03-08 09:00 local -> Date.UTC(2026, 2, 8, 9, 0)), so local dates and times are read
 * with the UTC getters and never touch the process's own zone. Instants are plain epoch ms.
 *
 * Asking the zone for its offset goes through Intl and costs ~10 µs, far too much per slot.
 * A ZoneTimeline holds the offsets in force over a stretch of time (each change found once,
 * by binary search to the millisecond, and cached), and converts with plain arithmetic.
 */
export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/**
 * Sampling step when looking for offset changes. Two changes within 12 hours of each other
 * would be missed; no zone in use today comes close.
 */
const SAMPLE_STEP_MS = 12 * HOUR_MS;
/** Every wall time of a day lies within UTC-12..UTC+14 of it: two days of margin is plenty. */
const MARGIN_MS = 2 * DAY_MS;
/**
 * Offsets are found per 16-day chunk of time and kept for the life of the process (the tz
 * data cannot change under a running process): after the first request of a month, a
 * timeline costs a few map lookups instead of dozens of Intl calls.
 */
const CHUNK_MS = 16 * DAY_MS;
const MAX_CACHED_CHUNKS = 20_000;

interface OffsetChunk {
  /** Offset (ms) at the chunk's first instant. */
  startOffset: number;
  /** Changes inside the chunk: [first instant of the new offset, new offset]. */
  changes: Array<[at: number, offset: number]>;
}

const zones = new Map<string, IANAZone>();
const chunks = new Map<string, OffsetChunk>();

/** The luxon zone for an IANA name; throws on an unknown name (a stored tenant zone is validated). */
function zoneNamed(timeZone: string): IANAZone {
  let zone = zones.get(timeZone);
  if (!zone) {
    if (!IANAZone.isValidZone(timeZone)) throw new Error(`unknown time zone: ${timeZone}`);
    zone = IANAZone.create(timeZone);
    zones.set(timeZone, zone);
  }
  return zone;
}

function offsetChunk(timeZone: string, index: number): OffsetChunk {
  const key = `${timeZone}|${index}`;
  const hit = chunks.get(key);
  if (hit) return hit;
  const zone = zoneNamed(timeZone);
  const offsetMs = (t: number) => Math.round(zone.offset(t) * MINUTE_MS);
  const c0 = index * CHUNK_MS;
  const last = c0 + CHUNK_MS - 1;
  const chunk: OffsetChunk = { startOffset: offsetMs(c0), changes: [] };
  let prevT = c0;
  let prevO = chunk.startOffset;
  while (prevT < last) {
    const t = Math.min(prevT + SAMPLE_STEP_MS, last);
    const o = offsetMs(t);
    // Find every change inside (prevT, t]: normally none, once or twice a year one.
    while (o !== prevO) {
      let a = prevT;
      let b = t;
      while (b - a > 1) {
        const mid = Math.floor((a + b) / 2);
        if (offsetMs(mid) === prevO) a = mid;
        else b = mid;
      }
      prevO = offsetMs(b);
      prevT = b;
      chunk.changes.push([b, prevO]);
    }
    prevT = t;
  }
  if (chunks.size >= MAX_CACHED_CHUNKS) chunks.clear();
  chunks.set(key, chunk);
  return chunk;
}

/** Whether `timeZone` is an IANA zone this runtime knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  return IANAZone.isValidZone(timeZone);
}

/** A zone's offsets over [from, to] (plus margins), so wall <-> instant conversions are arithmetic. */
export class ZoneTimeline {
  /** Segment i starts at starts[i] (the first at -Infinity) and has offsets[i] (ms). */
  private readonly starts: number[] = [];
  private readonly offsets: number[] = [];

  constructor(
    readonly timeZone: string,
    from: number,
    to: number,
  ) {
    const first = Math.floor((from - MARGIN_MS) / CHUNK_MS);
    const last = Math.floor((to + MARGIN_MS) / CHUNK_MS);
    for (let i = first; i <= last; i++) {
      const chunk = offsetChunk(timeZone, i);
      if (i === first) {
        this.starts.push(-Infinity);
        this.offsets.push(chunk.startOffset);
      } else if (chunk.startOffset !== this.offsets[this.offsets.length - 1]) {
        // A change exactly on the chunk boundary.
        this.starts.push(i * CHUNK_MS);
        this.offsets.push(chunk.startOffset);
      }
      for (const [at, offset] of chunk.changes) {
        this.starts.push(at);
        this.offsets.push(offset);
      }
    }
  }

  /** UTC offset (ms) in force at instant `t`. */
  offsetAt(t: number): number {
    for (let i = this.starts.length - 1; i > 0; i--) if (t >= this.starts[i]) return this.offsets[i];
    return this.offsets[0];
  }

  /** The wall value of instant `t`. */
  wallOf(t: number): number {
    return t + this.offsetAt(t);
  }

  /**
   * The instant a wall time names, or null when that time does not exist (spring forward).
   * An ambiguous time (fall back: it happens twice) names its FIRST occurrence.
   */
  firstInstantAt(wall: number): number | null {
    let best: number | null = null;
    for (let i = 0; i < this.starts.length; i++) {
      const u = wall - this.offsets[i];
      const end = i + 1 < this.starts.length ? this.starts[i + 1] : Infinity;
      if (u >= this.starts[i] && u < end && (best === null || u < best)) best = u;
    }
    return best;
  }

  /**
   * Every instant a wall time names, ascending: none when it does not exist (spring
   * forward), two when it happens twice (fall back: 01:30 PDT, then 01:30 PST).
   */
  instantsAt(wall: number): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.starts.length; i++) {
      const u = wall - this.offsets[i];
      const end = i + 1 < this.starts.length ? this.starts[i + 1] : Infinity;
      if (u >= this.starts[i] && u < end) out.push(u);
    }
    return out.sort((a, b) => a - b);
  }

  /** The earliest instant whose wall time is at or after `wall` (start of a local day, even one whose midnight is skipped). */
  firstInstantFrom(wall: number): number {
    let best = Infinity;
    for (let i = 0; i < this.starts.length; i++) {
      const end = i + 1 < this.starts.length ? this.starts[i + 1] : Infinity;
      const u = Math.max(wall - this.offsets[i], this.starts[i]);
      if (u < end && u < best) best = u;
    }
    return best;
  }

  /**
   * Every instant whose wall time is in [wallStart, wallEnd), as sorted half-open spans.
   * Exact on change days: a stretch that skips the spring-forward gap comes out shorter, one
   * that spans the fall-back hour comes out longer (both occurrences of the repeated hour).
   */
  wallSpanToInstants(wallStart: number, wallEnd: number): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    for (let i = 0; i < this.starts.length; i++) {
      const end = i + 1 < this.starts.length ? this.starts[i + 1] : Infinity;
      const s = Math.max(wallStart - this.offsets[i], this.starts[i]);
      const e = Math.min(wallEnd - this.offsets[i], end);
      if (s < e) out.push([s, e]);
    }
    return out;
  }
}

/** Midnight (wall) of the local day containing a wall value. */
export const wallDayOf = (wall: number): number => Math.floor(wall / DAY_MS) * DAY_MS;

const pad = (n: number) => String(n).padStart(2, "0");

/** "YYYY-MM-DD" of a wall value. */
export function wallDateString(wall: number): string {
  const d = new Date(wall);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** "HH:MM" (24-hour) of a wall value. */
export function wallTimeLabel(wall: number): string {
  const d = new Date(wall);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** Wall midnight of a "YYYY-MM-DD" date, or null when it is not a real calendar date. */
export function parseLocalDate(date: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const wall = Date.UTC(y, mo - 1, d);
  const back = new Date(wall);
  // Date.UTC rolls 2026-02-30 over to March: a date that does not survive the round trip is not real.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return wall;
}

/** Minutes after midnight of an "HH:MM" string (the HOURS node's format). */
export function parseClock(hhmm: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (!m) throw new Error(`not a time of day: ${hhmm}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** The weekday key of a wall day, as the HOURS node names them. */
export function weekdayOf(wall: number): "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun" {
  return (["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const)[new Date(wall).getUTCDay()];
}
