/**
 * Turns what a person typed into a PostgreSQL tsquery for the `simple` configuration of
 * `messages_search_idx`: every word is a prefix (`lav` finds "lavado"), all words must
 * match, and accents are optional both ways.
 *
 * Why variants instead of unaccent: the index is `to_tsvector('simple', …)`, which keeps
 * accents, and unaccent() cannot sit in an index expression. People rarely type accents on
 * a phone, and Spanish writes at most one acute accent per word (plus ñ/ü), so each word
 * becomes a small OR of spellings: "cancelacion" also looks for "cancelación", "nino" for
 * "niño", and "rápido" for "rapido". The index still answers every variant.
 */
const MAX_WORDS = 5;
const MAX_WORD_LENGTH = 40;
const MAX_VARIANTS = 48;

const ACCENTED: Record<string, string[]> = { a: ["á"], e: ["é"], i: ["í"], o: ["ó"], u: ["ú", "ü"] };

/** Lower-case words of letters and digits (anything else separates words and never reaches the tsquery). */
export function searchWords(q: string): string[] {
  const words = q
    .normalize("NFC")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((w) => w.slice(0, MAX_WORD_LENGTH));
  const meaningful = words.filter((w) => w.length > 1);
  return [...new Set(meaningful.length ? meaningful : words)].slice(0, MAX_WORDS);
}

/** A word without its accents (ñ becomes n too). */
export function foldAccents(word: string): string {
  return word
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .normalize("NFC");
}

/** The spellings of one word to look for: as typed, unaccented, and with one accent and/or one ñ. */
export function spellingVariants(word: string): string[] {
  const folded = foldAccents(word);
  const out = new Set<string>([word, folded]);
  const chars = [...folded];
  const accentSpots: Array<[number, string]> = [];
  const eñeSpots: number[] = [];
  chars.forEach((ch, i) => {
    for (const accented of ACCENTED[ch] ?? []) accentSpots.push([i, accented]);
    if (ch === "n") eñeSpots.push(i);
  });
  const withChanges = (changes: Array<[number, string]>) => {
    const copy = [...chars];
    for (const [i, ch] of changes) copy[i] = ch;
    return copy.join("");
  };
  for (const spot of accentSpots) out.add(withChanges([spot]));
  for (const n of eñeSpots) {
    out.add(withChanges([[n, "ñ"]]));
    for (const spot of accentSpots) out.add(withChanges([[n, "ñ"], spot]));
  }
  return [...out].slice(0, MAX_VARIANTS);
}

/** The tsquery text (for to_tsquery('simple', …)), or null when nothing searchable was typed. */
export function prefixTsQuery(q: string): string | null {
  const words = searchWords(q);
  if (!words.length) return null;
  return words
    .map(
      (w) =>
        `(${spellingVariants(w)
          .map((v) => `${v}:*`)
          .join(" | ")})`,
    )
    .join(" & ");
}
