/**
 * Customer tags ("vip", "monthly plan"): free words a business files customers under.
 * One spelling per tag, so filters find every customer that carries it.
 */
export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 32;

/** One tag as people mean it: NFC, trimmed, no leading "#", single spaces, lower case. */
export function normalizeTag(raw: string): string {
  return raw
    .normalize("NFC")
    .replace(/^[\s#]+/, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLocaleLowerCase("en-US");
}

/** Tags as typed (a list, or one comma-separated string) -> normalised, empty ones dropped, duplicates removed, first spelling's order kept. */
export function normalizeTags(raw: readonly string[] | string): string[] {
  const parts = typeof raw === "string" ? raw.split(/[,\n]/) : raw.flatMap((t) => t.split(/[,\n]/));
  const out: string[] = [];
  for (const part of parts) {
    const tag = normalizeTag(part);
    if (tag && !out.includes(tag)) out.push(tag);
  }
  return out;
}
