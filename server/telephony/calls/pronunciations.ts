/** One entry of the PHONE node's pronunciation dictionary. */
export interface TPronunciation {
  written: string;
  spoken: string;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * What the voice should say for `text`: every whole-word, case-insensitive occurrence of a
 * `written` form replaced by its `spoken` form, in one pass (a replacement is never
 * replaced again; the longest entry wins where two overlap).
 */
export function applyPronunciations(text: string, dictionary: readonly TPronunciation[]): string {
  const entries = dictionary.filter((d) => d.written.trim());
  if (entries.length === 0 || !text) return text;
  const byWritten = new Map(entries.map((d) => [d.written.trim().toLocaleLowerCase(), d.spoken]));
  const alternatives = [...byWritten.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  // Letters and digits of any script count as word characters ("Ñandú", "5th").
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives.join("|")})(?![\\p{L}\\p{N}_])`, "giu");
  return text.replace(pattern, (match) => byWritten.get(match.toLocaleLowerCase()) ?? match);
}
