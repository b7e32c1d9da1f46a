/* eslint-disable no-control-regex, no-misleading-character-class -- this file finds control characters, joiners and selectors one code unit at a time, on purpose */
/**
 * The one normaliser for text people type: what every shared text schema (./text.ts) and
 * every character counter in the UI agree on. Pure, so the browser imports it too.
 */

/**
 * C0 controls except tab, line feed and carriage return (judged as line breaks), DEL, C1
 * controls, lone surrogates (PostgreSQL refuses them in JSON) and noncharacters. Code units,
 * not code points, so a lone surrogate is seen.
 */
const CONTROL =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Characters that show nothing on their own: whitespace (NBSP, ideographic space...),
 * zero-width and joiner characters, bidi marks and controls, variation selectors, tags.
 * A value made only of these is empty.
 */
const INVISIBLE =
  /[\s\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u2800\u3164\uFE00-\uFE0F\uFEFF\uFFA0]|\uDB40[\uDC00-\uDDEF]/g;

/** What may be trimmed from both ends: whitespace, zero-width spaces and joiners, marks, BOM (not variation selectors: they style an emoji). */
const EDGE = /^[\s\u00AD\u200B-\u200F\u2060-\u2064\uFEFF]+|[\s\u00AD\u200B-\u200F\u2060-\u2064\uFEFF]+$/g;

/** Bidi embedding, override and isolate controls: in a name they can make it read backwards (U+202A–U+202E, U+2066–U+2069). */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

export interface CleanTextOptions {
  /** Line breaks and tabs are kept (notes, messages); otherwise they are refused inside the text. */
  multiline?: boolean;
  /** Names: bidi override and isolate characters are removed. */
  stripBidi?: boolean;
}

export type CleanTextResult = { ok: true; value: string } | { ok: false; problem: "controlCharacters" | "singleLine" };

/**
 * NFC, line endings as "\n", trimmed (including zero-width characters at the ends); a value
 * of only invisible characters becomes "". Control characters are a problem, never silently
 * kept; line breaks and tabs inside a single-line value are a problem too.
 */
export function cleanText(raw: string, options: CleanTextOptions = {}): CleanTextResult {
  if (CONTROL.test(raw)) return { ok: false, problem: "controlCharacters" };
  let value = raw.normalize("NFC").replace(/\r\n?|[\u2028\u2029]/g, "\n");
  if (options.stripBidi) value = value.replace(BIDI_CONTROLS, "");
  value = value.replace(EDGE, "");
  if (value.replace(INVISIBLE, "") === "") return { ok: true, value: "" };
  if (!options.multiline && /[\n\t]/.test(value)) return { ok: false, problem: "singleLine" };
  return { ok: true, value };
}

/** Length as a person counts it: code points, so an emoji or an accented letter is one (after NFC). */
export function textLength(value: string): number {
  let n = 0;
  for (const _ of value.normalize("NFC")) n++;
  return n;
}

/**
 * A search term from a URL (?q=): control characters become spaces and the term is kept to
 * `max` characters, so a hand-made link searches instead of failing. The search box shows
 * the same limit with its counter.
 */
export function searchTerm(raw: string | null | undefined, max: number): string {
  const spaced = (raw ?? "").replace(new RegExp(CONTROL.source, "g"), " ");
  const cleaned = cleanText(spaced, { stripBidi: true });
  const value = cleaned.ok ? cleaned.value.replace(/\s+/g, " ") : "";
  return Array.from(value).slice(0, max).join("").trim();
}
