/**
 * Interval arithmetic on half-open spans [start, end) of epoch milliseconds. Plain number
 * pairs rather than Date objects: the slot engine runs these over a month of ten calendars
 * on every page view of the booking widget.
 */
export type Span = [start: number, end: number];

/** Sorted, with overlapping and touching spans joined; empty spans dropped. Does not modify its input. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((s) => s[1] > s[0]).sort((a, b) => a[0] - b[0]);
  const out: Span[] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) {
      if (e > last[1]) last[1] = e;
    } else {
      out.push([s, e]);
    }
  }
  return out;
}

/** `from` minus `cut`; both must be merged (sorted, disjoint). Linear sweep. */
export function subtractSpans(from: readonly Span[], cut: readonly Span[]): Span[] {
  const out: Span[] = [];
  let j = 0;
  for (const [s0, e] of from) {
    let s = s0;
    while (j < cut.length && cut[j][1] <= s) j++;
    let k = j;
    while (s < e && k < cut.length && cut[k][0] < e) {
      if (cut[k][0] > s) out.push([s, cut[k][0]]);
      s = Math.max(s, cut[k][1]);
      k++;
    }
    if (s < e) out.push([s, e]);
  }
  return out;
}

/** The first index whose value is >= x in a sorted array. */
export function lowerBound(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
