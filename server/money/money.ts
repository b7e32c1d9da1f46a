/**
 * Money is integer cents everywhere. These turn what a person types into cents and cents
 * into text for their language, without floating-point surprises.
 */
export function formatCents(cents: number, locale: string, currency = "USD"): string {
  return currencyFormat(locale === "es" ? "es-US" : "en-US", currency).format(cents / 100);
}

// Building an Intl.NumberFormat costs far more than formatting with one: a public page lists every price.
const formats = new Map<string, Intl.NumberFormat>();
function currencyFormat(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale}:${currency}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: "currency", currency });
    formats.set(key, f);
  }
  return f;
}

/** The amount as an editable string, e.g. 4900 -> "49.00". */
export function centsToInput(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/**
 * Parses "49", "49.5", "$1,299.00", "49,50" (decimal comma) into cents; null when it isn't
 * an amount. Never goes through a float.
 */
export function parseMoneyToCents(input: string): number | null {
  let s = input
    .trim()
    .replace(/^\$\s*/, "")
    .replace(/\s+/g, "")
    .replace(/(USD|US\$)$/i, "");
  if (!s) return null;
  const negative = s.startsWith("-");
  if (negative) s = s.slice(1);
  const decimalComma = /^\d{1,3}(\.\d{3})*,\d{1,2}$/.test(s) || /^\d+,\d{1,2}$/.test(s);
  if (decimalComma) s = s.replace(/\./g, "").replace(",", ".");
  else if (/^\d{1,3}(,\d{3})+(\.\d{1,2})?$/.test(s)) s = s.replace(/,/g, "");
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  const whole = Number(m[1]);
  const fraction = Number((m[2] ?? "").padEnd(2, "0"));
  if (!Number.isSafeInteger(whole * 100 + fraction)) return null;
  const cents = whole * 100 + fraction;
  return negative ? -cents : cents;
}
