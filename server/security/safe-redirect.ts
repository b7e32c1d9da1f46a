/**
 * Where a form may send the browser afterwards (`redirectTo` after sign-in, sign-up and a
 * language switch): only a path on this site. Pure, so the browser (Clerk's widgets) uses
 * the same rule as the server.
 */
const BASE = "http://same-origin.invalid";
const MAX_LENGTH = 2048;
// Browsers drop tabs and line breaks inside URLs ("/\t/evil.com" becomes "//evil.com"), and a
// raw line break in a Location header is a 500: any control character refuses the target.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const FORBIDDEN = /[\u0000-\u001F\u007F-\u009F\\]/;

/** The forms of `to` a browser or a server along the way might see: as given, then percent-decoded (twice, for double encoding). */
function spellings(to: string): string[] | null {
  const out = [to];
  let current = to;
  for (let i = 0; i < 2; i++) {
    try {
      const decoded = decodeURIComponent(current);
      if (decoded === current) break;
      out.push(decoded);
      current = decoded;
    } catch {
      return null;
    }
  }
  return out;
}

/**
 * `to` when it is a same-origin path ("/dashboard/customers?q=ana#top"), else `fallback`.
 * Refused: anything not starting with one "/", "//host" and "/\host", a scheme, backslashes,
 * tabs, line breaks and other control characters (raw or percent-encoded).
 */
export function safeRedirectPath(to: unknown, fallback = "/dashboard"): string {
  if (typeof to !== "string" || to.length === 0 || to.length > MAX_LENGTH) return fallback;
  const forms = spellings(to);
  if (!forms) return fallback;
  for (const form of forms) {
    if (FORBIDDEN.test(form)) return fallback;
    if (!form.startsWith("/") || form.startsWith("//")) return fallback;
  }
  let url: URL;
  try {
    url = new URL(to, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  return to;
}
