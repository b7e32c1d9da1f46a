/**
 * Interval arithmetic for busy times (half-open [start, end), instants). Pure, so the
 * rules are unit-tested without a database.
 */
export interface Interval {
  start: Date;
  end: Date;
}

/** Sorted, with overlapping and touching intervals joined. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start.getTime() - b.start.getTime());
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.start <= last.end) {
      if (i.end > last.end) last.end = new Date(i.end);
    } else {
      out.push({ start: new Date(i.start), end: new Date(i.end) });
    }
  }
  return out;
}

/**
 * `busy` minus `remove`. Used to drop ServicePro's own events from Google's busy times:
 * those hours are already blocked by the bookings themselves, and keeping them would
 * block a booking from moving within its own time (or keep a cancelled one's slot shut).
 */
export function subtractIntervals(busy: readonly Interval[], remove: readonly Interval[]): Interval[] {
  const cuts = mergeIntervals(remove);
  const out: Interval[] = [];
  for (const b of mergeIntervals(busy)) {
    let pieces: Interval[] = [b];
    for (const c of cuts) {
      if (c.end <= b.start || c.start >= b.end) continue;
      pieces = pieces.flatMap((p) => {
        if (c.end <= p.start || c.start >= p.end) return [p];
        const left = c.start > p.start ? [{ start: p.start, end: c.start }] : [];
        const right = c.end < p.end ? [{ start: c.end, end: p.end }] : [];
        return [...left, ...right];
      });
    }
    out.push(...pieces);
  }
  return out;
}

/** [from, to) cut into consecutive pieces of at most `maxDays` (Google limits one freeBusy query's range). */
export function chunkWindow(from: Date, to: Date, maxDays: number): Interval[] {
  const step = maxDays * 24 * 60 * 60 * 1000;
  const out: Interval[] = [];
  for (let t = from.getTime(); t < to.getTime(); t += step)
    out.push({ start: new Date(t), end: new Date(Math.min(t + step, to.getTime())) });
  return out;
}

/** A stable id for a busy interval (freeBusy gives none): unique per connection. */
export const busyBlockId = (i: Interval) => `fb:${i.start.toISOString()}/${i.end.toISOString()}`;
