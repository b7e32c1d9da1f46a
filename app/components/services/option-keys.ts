/**
 * Keys for option groups and choices: a slug of the English name, unique among its
 * siblings. Saved keys are kept so a rename does not break selections already made.
 */
export function slugKey(name: string, taken: ReadonlySet<string>): string {
  const base =
    name
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 34)
      .replace(/-+$/, "") || "option";
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
  return key;
}

/** Fills in missing keys (from the English name), keeping given ones, all unique. */
export function assignKeys<T extends { key: string | null; nameEn: string }>(items: readonly T[]): Array<T & { key: string }> {
  const taken = new Set<string>();
  const kept = items.map((item) => {
    if (item.key && !taken.has(item.key)) {
      taken.add(item.key);
      return item.key;
    }
    return null;
  });
  return items.map((item, i) => {
    const key = kept[i] ?? slugKey(item.nameEn, taken);
    taken.add(key);
    return { ...item, key };
  });
}
