import { DateTime } from "luxon";

/** Days the booking page's date strip shows at a time. */
export const WINDOW_DAYS = 14;

/**
 * Whether the date strip may page past the window starting at `from` ("YYYY-MM-DD"): up to
 * the booking horizon's last date, as the slots query reports it. While that is unknown
 * (first load) paging stays possible; the server never offers a time past the horizon.
 */
export function hasLaterWindow(from: string, lastDate: string | null | undefined): boolean {
  if (!lastDate) return true;
  const next = DateTime.fromISO(from, { zone: "UTC" }).plus({ days: WINDOW_DAYS }).toISODate();
  return next !== null && next <= lastDate;
}
