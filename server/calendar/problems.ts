import type { TCalendarProblem } from "../integrations/google-calendar/port";

/**
 * calendar_connections.last_error holds a stable problem code, never Google's raw text
 * (which is English, technical and may echo request data); the dashboard and the alert
 * emails turn the code into plain words (calendar:problems.*). Details go to the log.
 */
const PROBLEMS: readonly TCalendarProblem[] = [
  "revoked",
  "timeout",
  "rateLimited",
  "unavailable",
  "network",
  "forbidden",
  "calendarNotFound",
  "rejected",
  "notConfigured",
];

export function isCalendarProblem(code: string | null | undefined): code is TCalendarProblem {
  return typeof code === "string" && (PROBLEMS as readonly string[]).includes(code);
}

/** The translation key (calendar namespace) of a stored problem code. */
export function problemKey(code: string | null | undefined): string {
  return isCalendarProblem(code) ? `problems.${code}` : "problems.unknown";
}
