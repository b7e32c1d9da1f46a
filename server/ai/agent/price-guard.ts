import { parseMoneyToCents } from "../../money/money";

/**
 * The agent may only state prices a tool returned. These find money amounts in text
 * ("$49", "$1,249.50", "49 dólares", "US$ 49,00") and the amounts a tool result holds
 * (fields ending in "Cents" and formatted amounts in strings).
 */
const AMOUNT = /(?:US\$|\$)\s?(\d[\d.,]*\d|\d)|(\d[\d.,]*\d|\d)\s?(?:US\$|\$|USD|d[oó]lares|dollars|bucks)/gi;

/** Every amount in the text, in cents. */
export function moneyAmountsIn(text: string): number[] {
  const found: number[] = [];
  for (const m of text.matchAll(AMOUNT)) {
    const cents = parseMoneyToCents((m[1] ?? m[2]).replace(/[.,]$/, ""));
    if (cents !== null) found.push(cents);
  }
  return found;
}

/** Every amount (cents) inside a tool result: "...Cents" numbers and amounts written in strings. */
export function moneyAmountsInResult(value: unknown, into: Set<number> = new Set()): Set<number> {
  if (typeof value === "string") for (const c of moneyAmountsIn(value)) into.add(c);
  else if (Array.isArray(value)) for (const v of value) moneyAmountsInResult(v, into);
  else if (value && typeof value === "object") {
    for (const [key, v] of Object.entries(value)) {
      if (typeof v === "number" && /Cents$/.test(key)) into.add(Math.abs(v));
      else moneyAmountsInResult(v, into);
    }
  }
  return into;
}

/** The amounts in `reply` that are not among the verified ones (empty = the reply may go out). */
export function unverifiedAmounts(reply: string, verified: ReadonlySet<number>): number[] {
  return moneyAmountsIn(reply).filter((c) => !verified.has(c));
}
