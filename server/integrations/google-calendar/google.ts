import {
  CalendarAuthError,
  CalendarRequestError,
  CalendarTemporaryError,
  type BusyInterval,
  type CalendarEventInput,
  type CalendarPort,
  type CalendarTokens,
  type ExternalCalendar,
} from "./port";

/**
 * Google Calendar over its REST API with plain fetch (no SDK). The endpoints are fixed
 * Google hosts, never tenant input, so no outbound-URL check is needed; calendar and
 * event ids are path-encoded. Every request has a timeout (AbortSignal.timeout), and
 * every failure becomes one of the port's typed errors.
 */
export const GOOGLE_AUTHORIZE_URL = "https://accounts.google.com/o/oauth2/v2/auth";
export const GOOGLE_TOKEN_URL = "https://oauth2.googleapis.com/token";
export const GOOGLE_REVOKE_URL = "https://oauth2.googleapis.com/revoke";
export const GOOGLE_CALENDAR_API = "https://www.googleapis.com/calendar/v3";

/** Read busy times and calendars, write events. Nothing else. */
export const GOOGLE_CALENDAR_SCOPES = [
  "https://www.googleapis.com/auth/calendar.readonly",
  "https://www.googleapis.com/auth/calendar.events",
];

export interface GoogleCalendarOptions {
  clientId: string;
  clientSecret: string;
  /** Per request. Default 5 s: a slow Google must never hold a booking up for long. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  now?: () => Date;
}

/** Google's 403 reasons that mean "slow down", not "forbidden". */
const RATE_LIMIT_REASONS = new Set(["rateLimitExceeded", "userRateLimitExceeded", "quotaExceeded", "dailyLimitExceeded"]);

interface GoogleErrorBody {
  error?: string | { code?: number; message?: string; errors?: Array<{ reason?: string; message?: string }>; status?: string };
  error_description?: string;
}

export function createGoogleCalendar(options: GoogleCalendarOptions): CalendarPort {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const now = options.now ?? (() => new Date());

  async function send(url: string, init: RequestInit, what: string): Promise<Response> {
    try {
      return await doFetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      const name = (error as Error)?.name;
      if (name === "TimeoutError" || name === "AbortError")
        throw new CalendarTemporaryError("timeout", `${what}: Google did not answer within ${timeoutMs} ms`);
      throw new CalendarTemporaryError("network", `${what}: ${(error as Error)?.message ?? String(error)}`);
    }
  }

  async function readJson<T>(res: Response, what: string): Promise<T> {
    try {
      return (await res.json()) as T;
    } catch (error) {
      // A body cut short by the timeout is still a timeout.
      if ((error as Error)?.name === "TimeoutError" || (error as Error)?.name === "AbortError")
        throw new CalendarTemporaryError("timeout", `${what}: the answer did not arrive within ${timeoutMs} ms`);
      throw new CalendarTemporaryError("unavailable", `${what}: unreadable answer (HTTP ${res.status})`, res.status);
    }
  }

  /** Maps a non-2xx answer of the Calendar API to a typed error. */
  async function apiError(res: Response, what: string): Promise<Error> {
    const body = (await res.json().catch(() => ({}))) as GoogleErrorBody;
    const detail = typeof body.error === "object" ? body.error : undefined;
    const reasons = (detail?.errors ?? []).map((e) => e.reason ?? "");
    const message = `${what}: HTTP ${res.status} ${detail?.message ?? (typeof body.error === "string" ? body.error : "")}`.trim();
    if (res.status === 401) return new CalendarAuthError(message, 401);
    if (res.status === 429 || (res.status === 403 && reasons.some((r) => RATE_LIMIT_REASONS.has(r))))
      return new CalendarTemporaryError("rateLimited", message, res.status);
    if (res.status >= 500 || res.status === 408) return new CalendarTemporaryError("unavailable", message, res.status);
    if (res.status === 403) return new CalendarRequestError("forbidden", message, 403);
    if (res.status === 404) return new CalendarRequestError("calendarNotFound", message, 404);
    return new CalendarRequestError("rejected", message, res.status);
  }

  /** The token endpoint speaks OAuth errors: invalid_grant = revoked or expired. */
  async function tokenRequest(params: Record<string, string>, what: string): Promise<CalendarTokens> {
    const res = await send(
      GOOGLE_TOKEN_URL,
      {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
        body: new URLSearchParams({ client_id: options.clientId, client_secret: options.clientSecret, ...params }),
      },
      what,
    );
    if (!res.ok) {
      const body = (await res.json().catch(() => ({}))) as GoogleErrorBody;
      const code = typeof body.error === "string" ? body.error : "";
      const message = `${what}: HTTP ${res.status} ${code} ${body.error_description ?? ""}`.trim();
      if (code === "invalid_grant") throw new CalendarAuthError(message, res.status);
      if (res.status === 429) throw new CalendarTemporaryError("rateLimited", message, res.status);
      if (res.status >= 500) throw new CalendarTemporaryError("unavailable", message, res.status);
      // invalid_client, unauthorized_client, redirect_uri_mismatch...: the server's OAuth client is wrong.
      throw new CalendarRequestError("rejected", message, res.status);
    }
    const body = await readJson<{ access_token?: string; expires_in?: number; refresh_token?: string; scope?: string }>(res, what);
    if (!body.access_token) throw new CalendarRequestError("rejected", `${what}: no access token in the answer`);
    return {
      accessToken: body.access_token,
      expiresAt: new Date(now().getTime() + (body.expires_in ?? 3600) * 1000),
      refreshToken: body.refresh_token ?? null,
      scope: body.scope ?? null,
    };
  }

  const auth = (accessToken: string) => ({ authorization: `Bearer ${accessToken}`, accept: "application/json" });
  const eventsUrl = (calendarId: string) => `${GOOGLE_CALENDAR_API}/calendars/${encodeURIComponent(calendarId)}/events`;

  function eventBody(event: CalendarEventInput) {
    return {
      summary: event.summary,
      description: event.description,
      start: { dateTime: event.start.toISOString(), timeZone: event.timeZone },
      end: { dateTime: event.end.toISOString(), timeZone: event.timeZone },
      status: event.status,
      transparency: "opaque",
      // Our own events must not come back to us as "busy" from somewhere else: they are marked.
      extendedProperties: { private: event.privateProperties },
      reminders: { useDefault: true },
    };
  }

  async function patchEvent(accessToken: string, calendarId: string, event: CalendarEventInput): Promise<Response> {
    return send(
      `${eventsUrl(calendarId)}/${encodeURIComponent(event.id)}?sendUpdates=none`,
      { method: "PATCH", headers: { ...auth(accessToken), "content-type": "application/json" }, body: JSON.stringify(eventBody(event)) },
      "update event",
    );
  }

  async function insertEvent(accessToken: string, calendarId: string, event: CalendarEventInput): Promise<Response> {
    return send(
      `${eventsUrl(calendarId)}?sendUpdates=none`,
      {
        method: "POST",
        headers: { ...auth(accessToken), "content-type": "application/json" },
        body: JSON.stringify({ id: event.id, ...eventBody(event) }),
      },
      "create event",
    );
  }

  return {
    provider: "google",
    configured: true,

    authorizeUrl(state, redirectUri) {
      const url = new URL(GOOGLE_AUTHORIZE_URL);
      url.search = new URLSearchParams({
        client_id: options.clientId,
        redirect_uri: redirectUri,
        response_type: "code",
        scope: GOOGLE_CALENDAR_SCOPES.join(" "),
        // offline + consent: Google returns a refresh token every time, also on a reconnect.
        access_type: "offline",
        prompt: "consent",
        include_granted_scopes: "true",
        state,
      }).toString();
      return url.toString();
    },

    exchangeCode(code, redirectUri) {
      return tokenRequest({ grant_type: "authorization_code", code, redirect_uri: redirectUri }, "exchange code");
    },

    refresh(refreshToken) {
      return tokenRequest({ grant_type: "refresh_token", refresh_token: refreshToken }, "refresh token");
    },

    async revoke(token) {
      const res = await send(
        GOOGLE_REVOKE_URL,
        { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ token }) },
        "revoke",
      );
      // 400 = already invalid: as good as revoked.
      if (!res.ok && res.status !== 400) throw await apiError(res, "revoke");
    },

    async listCalendars(accessToken) {
      const res = await send(
        `${GOOGLE_CALENDAR_API}/users/me/calendarList?minAccessRole=writer&maxResults=250`,
        { headers: auth(accessToken) },
        "list calendars",
      );
      if (!res.ok) throw await apiError(res, "list calendars");
      const body = await readJson<{
        items?: Array<{ id: string; summary?: string; summaryOverride?: string; primary?: boolean; accessRole?: string }>;
      }>(res, "list calendars");
      return (body.items ?? []).map<ExternalCalendar>((c) => ({
        id: c.id,
        summary: c.summaryOverride ?? c.summary ?? c.id,
        primary: Boolean(c.primary),
        accessRole: c.accessRole ?? "reader",
      }));
    },

    async freeBusy(accessToken, calendarId, from, to) {
      const res = await send(
        `${GOOGLE_CALENDAR_API}/freeBusy`,
        {
          method: "POST",
          headers: { ...auth(accessToken), "content-type": "application/json" },
          body: JSON.stringify({ timeMin: from.toISOString(), timeMax: to.toISOString(), items: [{ id: calendarId }] }),
        },
        "read busy times",
      );
      if (!res.ok) throw await apiError(res, "read busy times");
      const body = await readJson<{
        calendars?: Record<string, { busy?: Array<{ start: string; end: string }>; errors?: Array<{ reason?: string }> }>;
      }>(res, "read busy times");
      const entry = body.calendars?.[calendarId];
      // Errors come per calendar inside a 200.
      const reason = entry?.errors?.[0]?.reason;
      if (!entry || reason) {
        if (reason === "notFound" || !entry)
          throw new CalendarRequestError(
            "calendarNotFound",
            `read busy times: calendar ${calendarId} ${reason ?? "missing from the answer"}`,
          );
        if (reason === "internalError" || reason === "backendError")
          throw new CalendarTemporaryError("unavailable", `read busy times: ${reason}`);
        throw new CalendarRequestError("rejected", `read busy times: ${reason}`);
      }
      return (entry.busy ?? [])
        .map<BusyInterval>((b) => ({ start: new Date(b.start), end: new Date(b.end) }))
        .filter((b) => !Number.isNaN(b.start.getTime()) && !Number.isNaN(b.end.getTime()) && b.end > b.start);
    },

    async upsertEvent(accessToken, calendarId, event, upsertOptions = {}) {
      // Known event: update it; gone (deleted by hand) -> create it again. Unknown: create it;
      // "already exists" (an earlier attempt got through but its answer was lost) -> update it.
      if (upsertOptions.exists) {
        const patched = await patchEvent(accessToken, calendarId, event);
        if (patched.ok) return { id: event.id };
        if (patched.status !== 404 && patched.status !== 410) throw await apiError(patched, "update event");
      }
      const inserted = await insertEvent(accessToken, calendarId, event);
      if (inserted.ok) return { id: event.id };
      if (inserted.status !== 409) throw await apiError(inserted, "create event");
      const patched = await patchEvent(accessToken, calendarId, event);
      if (patched.ok) return { id: event.id };
      throw await apiError(patched, "update event");
    },

    async deleteEvent(accessToken, calendarId, eventId) {
      const res = await send(
        `${eventsUrl(calendarId)}/${encodeURIComponent(eventId)}?sendUpdates=none`,
        { method: "DELETE", headers: auth(accessToken) },
        "delete event",
      );
      if (res.ok || res.status === 404 || res.status === 410) return;
      throw await apiError(res, "delete event");
    },
  };
}
