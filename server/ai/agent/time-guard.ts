/**
 * The agent may only state clock times that a tool returned, the customer said, or it said
 * before: "10:30 AM", "3:00 p.m.", "14:00". Times are compared as minutes of the day; a
 * time without AM/PM matches either half of the day. ISO instants in tool results (UTC)
 * are not times anyone reads, so they do not count.
 */
const CLOCK = /(?<![\d:])(\d{1,2}):([0-5]\d)(?![\d:])\s*(a\.?\s?m\.?|p\.?\s?m\.?)?/gi;
const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?/g;

/** Minutes of the day each clock time in the text may mean (two for a bare "9:00"). */
export function clockTimesIn(text: string): number[][] {
  const found: number[][] = [];
  for (const m of text.replace(ISO_INSTANT, " ").matchAll(CLOCK)) {
    const h = Number(m[1]);
    const min = Number(m[2]);
    if (h > 23) continue;
    const half = m[3]?.toLowerCase().replace(/[^ap]/g, "");
    if (half && h >= 1 && h <= 12) found.push([((h % 12) + (half === "p" ? 12 : 0)) * 60 + min]);
    else if (!half && h >= 1 && h <= 12) found.push([(h % 12) * 60 + min, ((h % 12) + 12) * 60 + min]);
    else found.push([h * 60 + min]);
  }
  return found;
}

/** Every clock time (minutes of day) in a tool result's strings. */
export function clockTimesInResult(value: unknown, into: Set<number> = new Set()): Set<number> {
  if (typeof value === "string") for (const options of clockTimesIn(value)) for (const t of options) into.add(t);
  else if (Array.isArray(value)) for (const v of value) clockTimesInResult(v, into);
  else if (value && typeof value === "object") for (const v of Object.values(value)) clockTimesInResult(v, into);
  return into;
}

/** The clock times in `reply` that match nothing verified (empty = the reply may go out). */
export function unverifiedTimes(reply: string, verified: ReadonlySet<number>): string[] {
  const bad: string[] = [];
  for (const options of clockTimesIn(reply))
    if (!options.some((t) => verified.has(t)))
      bad.push(`${String(Math.floor(options[0] / 60)).padStart(2, "0")}:${String(options[0] % 60).padStart(2, "0")}`);
  return bad;
}
