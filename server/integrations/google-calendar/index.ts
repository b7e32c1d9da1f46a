import { env, type TEnv } from "../../env.server";
import { createGoogleCalendar } from "./google";
import { localCalendar } from "./local";
import type { CalendarPort } from "./port";

export * from "./port";

/** Both GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET set: the real adapter; else the local one. */
export const isGoogleCalendarConfigured = (e: TEnv = env()) => Boolean(e.GOOGLE_CLIENT_ID && e.GOOGLE_CLIENT_SECRET);

const OVERRIDE = Symbol.for("servicepro.calendarPort");
type Holder = Record<symbol, CalendarPort | undefined>;

/** The calendar adapter for this process, chosen from the environment (tests may install one). */
export function calendarPort(): CalendarPort {
  const installed = (globalThis as Holder)[OVERRIDE];
  if (installed) return installed;
  const e = env();
  if (!isGoogleCalendarConfigured(e)) return localCalendar;
  return createGoogleCalendar({ clientId: e.GOOGLE_CLIENT_ID!, clientSecret: e.GOOGLE_CLIENT_SECRET! });
}

/** Tests use a Google adapter with a short timeout (or put the environment's choice back with undefined). */
export function installCalendarPort(port: CalendarPort | undefined): void {
  (globalThis as Holder)[OVERRIDE] = port;
}

/** "google" when owners can connect a Google Calendar; "local" when everything stays in ServicePro. */
export function calendarMode(): "google" | "local" {
  return calendarPort().configured ? "google" : "local";
}
