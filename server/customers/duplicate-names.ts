/**
 * "Is this the same person?" for names typed by different people on different days:
 * accents, case, word order, a second surname, an initial, a typo. Pure and unit-tested.
 */

/** Lower-case words of a name without accents; words without letters (a phone used as a name) are ignored. */
export function nameWords(name: string): string[] {
  return name
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => /\p{L}/u.test(w));
}

/** Edit distance where swapping two neighbouring letters counts once ("Jhon"/"John"): optimal string alignment. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** True when two names very probably belong to the same person. */
export function namesLookAlike(a: string, b: string): boolean {
  const A = nameWords(a);
  const B = nameWords(b);
  if (!A.length || !B.length) return false;
  const sa = A.join(" ");
  const sb = B.join(" ");
  if (sa === sb) return true;
  // Word order: "Gómez Alejandra" / "Alejandra Gómez".
  if ([...A].sort().join(" ") === [...B].sort().join(" ")) return true;
  // A middle name or second surname on one side only, with at least two words shared.
  const [short, long] = A.length <= B.length ? [A, B] : [B, A];
  if (short.length >= 2 && short.every((w) => long.includes(w))) return true;
  // An initial: "J. Smith" / "John Smith".
  if (A.length === B.length && A.length >= 2 && A.slice(1).join(" ") === B.slice(1).join(" ")) {
    const [x, y] = [A[0], B[0]];
    if ((x.length === 1 && y.startsWith(x)) || (y.length === 1 && x.startsWith(y))) return true;
  }
  // Typos and short forms: "Dave Thompson" / "David Thompson", "Jhon Smith" / "John Smith".
  const longest = Math.max(sa.length, sb.length);
  return longest >= 6 && editDistance(sa, sb) <= Math.max(1, Math.floor(longest * 0.15));
}
