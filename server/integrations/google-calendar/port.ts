/**
 * An outside calendar (Google Calendar). Adapters: the REST API over fetch (google.ts),
 * and the local adapter (local.ts) used when the server has no Google OAuth client: it
 * offers no connection, reads no busy times and keeps every booking inside ServicePro.
 *
 * Every failure is one of three typed errors, so callers decide without parsing text:
 *  - CalendarAuthError: the grant is revoked or expired (reconnect needed; never retried);
 *  - CalendarTemporaryError: timeout, network, 429 or 5xx (retry with backoff);
 *  - CalendarRequestError: Google refused the request itself (no access, calendar gone).
 */
export interface CalendarTokens {
  accessToken: string;
  /** When the access token stops working. */
  expiresAt: Date;
  /** Only on the first exchange (and when Google rotates it). */
  refreshToken: string | null;
  scope: string | null;
}

export interface ExternalCalendar {
  id: string;
  summary: string;
  primary: boolean;
  /** "owner" | "writer" | "reader" | "freeBusyReader". */
  accessRole: string;
}

export interface BusyInterval {
  start: Date;
  end: Date;
}

/** What ServicePro writes for one booking. `id` is deterministic, so a retry never duplicates. */
export interface CalendarEventInput {
  id: string;
  summary: string;
  description: string;
  start: Date;
  end: Date;
  timeZone: string;
  /** "tentative" for a request the owner has not confirmed yet. */
  status: "confirmed" | "tentative";
  /** Marks the event as ours (bookingId, tenantId). */
  privateProperties: Record<string, string>;
}

export interface CalendarPort {
  /** "google" or "local" — the UI says which one is running. */
  readonly provider: "google" | "local";
  /** False for the local adapter: connecting is not offered. */
  readonly configured: boolean;
  /** Where to send the owner to grant access (offline access, consent prompt). */
  authorizeUrl(state: string, redirectUri: string): string;
  exchangeCode(code: string, redirectUri: string): Promise<CalendarTokens>;
  refresh(refreshToken: string): Promise<CalendarTokens>;
  /** Best effort: tells Google to forget the grant (on disconnect). */
  revoke(token: string): Promise<void>;
  listCalendars(accessToken: string): Promise<ExternalCalendar[]>;
  freeBusy(accessToken: string, calendarId: string, from: Date, to: Date): Promise<BusyInterval[]>;
  /** Creates or updates the event with `event.id`. `exists` says which to try first. */
  upsertEvent(accessToken: string, calendarId: string, event: CalendarEventInput, options?: { exists?: boolean }): Promise<{ id: string }>;
  /** Deletes the event; one that is already gone counts as deleted. */
  deleteEvent(accessToken: string, calendarId: string, eventId: string): Promise<void>;
}

/** Stable reasons, stored in calendar_connections.last_error and shown in plain words (calendar:problems.*). */
export type TCalendarProblem =
  "revoked" | "timeout" | "rateLimited" | "unavailable" | "network" | "forbidden" | "calendarNotFound" | "rejected" | "notConfigured";

export class CalendarError extends Error {
  constructor(
    public readonly problem: TCalendarProblem,
    message: string,
    public readonly status: number | null = null,
  ) {
    super(message);
  }
}

/** The grant is revoked or expired: only the owner reconnecting helps. */
export class CalendarAuthError extends CalendarError {
  constructor(message: string, status: number | null = null) {
    super("revoked", message, status);
    this.name = "CalendarAuthError";
  }
}

/** Google is slow, down, or rate limiting: try again later. */
export class CalendarTemporaryError extends CalendarError {
  constructor(problem: "timeout" | "rateLimited" | "unavailable" | "network", message: string, status: number | null = null) {
    super(problem, message, status);
    this.name = "CalendarTemporaryError";
  }
}

/** Google refused this request (no write access, calendar deleted, invalid data): retrying the same request will not help. */
export class CalendarRequestError extends CalendarError {
  constructor(problem: "forbidden" | "calendarNotFound" | "rejected" | "notConfigured", message: string, status: number | null = null) {
    super(problem, message, status);
    this.name = "CalendarRequestError";
  }
}

export const isCalendarError = (e: unknown): e is CalendarError => e instanceof CalendarError;
