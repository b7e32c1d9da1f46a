import { DateTime, IANAZone } from "luxon";
import { normaliseState, stateForPhone, zoneForPhone, zoneForState } from "./us-area-codes";

/**
 * Quiet hours for automated texts, in the RECIPIENT's local time. Pure (the clock is an input).
 *
 * Baseline: 08:00-21:00, the federal TCPA window (47 CFR 64.1200(c)(1): no telephone
 * solicitation before 8 a.m. or after 9 p.m. at the called party's location; texts are
 * "calls" under the TCPA).
 *
 * Stricter states (state "mini-TCPA" telephone-solicitation laws). These laws govern
 * solicitations; applying them to every automated text is a deliberate over-approximation
 * (the cost is a delayed text, never a fine). Sources: the statutes named below, and for
 * the rows marked [guide] the Drop Cowboy "State Calling Restrictions Guide" (Nov 2025),
 * statute not re-checked here — verify before relying on them in a dispute. State holidays
 * (AL, LA, MS, RI…) are not modelled.
 *   FL 08:00-20:00   Fla. Stat. §501.059(8)(a) (Florida Telephone Solicitation Act, 2021)
 *   OK 08:00-20:00   Okla. Stat. tit. 15 §775C.4 (Oklahoma Telephone Solicitation Act, 2022)
 *   MD 08:00-20:00   Md. Code, Com. Law §14-4503 (Stop the Spam Calls Act, 2023)
 *   WA 08:00-20:00   RCW 80.36.390
 *   TX 09:00-21:00, Sunday 12:00-21:00   Tex. Bus. & Com. Code §301.051
 *   MA, NJ 08:00-20:00; CT, NV 09:00-20:00; MI, MN, NM 09:00-21:00; KY 10:00-21:00   [guide]
 *   AL, LA, MS 08:00-20:00 and none on Sunday   [guide]
 *   RI 09:00-18:00, Saturday 10:00-17:00, none on Sunday   [guide]
 *
 * Where: the state of the customer's address when known, else the number's area code; the
 * zone is that state's main zone (a few area codes carry their own), else the business's.
 * When both an address and an area code name a state, both states' windows apply (a
 * Florida law reaches Florida area codes wherever the person lives).
 */
export interface TQuietHoursInput {
  phone: string;
  addressState?: string | null;
  /** The business's zone: the fallback when neither the address nor the number says where the customer is. */
  tenantTimeZone: string;
  now: Date;
}

export interface TQuietHoursResult {
  blocked: boolean;
  /** The recipient's zone the window was applied in. */
  timeZone: string;
  /** Today's allowed window in that zone ("00:00"-"00:00": no automated texts today). */
  window: { start: string; end: string };
  /** `now` when not blocked, else the next opening of the window. */
  nextAllowedAt: Date;
}

type Window = { start: string; end: string } | null;
interface StateRule {
  weekday: Window;
  saturday?: Window;
  sunday?: Window;
}

export const FEDERAL_WINDOW = { start: "08:00", end: "21:00" } as const;

const w = (start: string, end: string): Window => ({ start, end });
const STATE_RULES: Record<string, StateRule> = {
  FL: { weekday: w("08:00", "20:00") },
  OK: { weekday: w("08:00", "20:00") },
  MD: { weekday: w("08:00", "20:00") },
  WA: { weekday: w("08:00", "20:00") },
  MA: { weekday: w("08:00", "20:00") },
  NJ: { weekday: w("08:00", "20:00") },
  CT: { weekday: w("09:00", "20:00") },
  NV: { weekday: w("09:00", "20:00") },
  MI: { weekday: w("09:00", "21:00") },
  MN: { weekday: w("09:00", "21:00") },
  NM: { weekday: w("09:00", "21:00") },
  KY: { weekday: w("10:00", "21:00") },
  TX: { weekday: w("09:00", "21:00"), sunday: w("12:00", "21:00") },
  AL: { weekday: w("08:00", "20:00"), sunday: null },
  LA: { weekday: w("08:00", "20:00"), sunday: null },
  MS: { weekday: w("08:00", "20:00"), sunday: null },
  RI: { weekday: w("09:00", "18:00"), saturday: w("10:00", "17:00"), sunday: null },
};

const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(":").map(Number);
  return h! * 60 + m!;
};

/** The allowed window on a weekday (luxon: 1 = Monday … 7 = Sunday) under every rule that applies; null: closed. */
function windowOn(states: string[], weekday: number): Window {
  let start = FEDERAL_WINDOW.start as string;
  let end = FEDERAL_WINDOW.end as string;
  for (const state of states) {
    const rule = STATE_RULES[state];
    if (!rule) continue;
    const day = weekday === 7 && "sunday" in rule ? rule.sunday : weekday === 6 && "saturday" in rule ? rule.saturday : rule.weekday;
    if (!day) return null;
    if (minutes(day.start) > minutes(start)) start = day.start;
    if (minutes(day.end) < minutes(end)) end = day.end;
  }
  return minutes(start) < minutes(end) ? { start, end } : null;
}

const at = (day: DateTime, hhmm: string) => {
  const [hour, minute] = hhmm.split(":").map(Number);
  return day.set({ hour, minute, second: 0, millisecond: 0 });
};

/** Whether an automated text to this number may go out `now`, and when it may if not. */
export function quietHoursBlock(input: TQuietHoursInput): TQuietHoursResult {
  const addressState = normaliseState(input.addressState);
  const phoneState = stateForPhone(input.phone);
  const states = [...new Set([addressState, phoneState].filter((s): s is string => Boolean(s)))];
  const candidate = (addressState && zoneForState(addressState)) || zoneForPhone(input.phone) || input.tenantTimeZone;
  const timeZone = IANAZone.isValidZone(candidate) ? candidate : IANAZone.isValidZone(input.tenantTimeZone) ? input.tenantTimeZone : "UTC";

  const local = DateTime.fromJSDate(input.now, { zone: timeZone });
  const today = windowOn(states, local.weekday);
  const window = today ?? { start: "00:00", end: "00:00" };
  if (today && local >= at(local, today.start) && local < at(local, today.end)) {
    return { blocked: false, timeZone, window, nextAllowedAt: input.now };
  }
  // The next opening: later today, or the first open day after (at most a week ahead).
  for (let offset = 0; offset <= 7; offset += 1) {
    const day = local.startOf("day").plus({ days: offset });
    const open = windowOn(states, day.weekday);
    if (!open) continue;
    const opening = at(day, open.start);
    if (opening > local) return { blocked: true, timeZone, window, nextAllowedAt: opening.toJSDate() };
  }
  /* c8 ignore next */
  throw new Error("quietHoursBlock: no opening within a week");
}
