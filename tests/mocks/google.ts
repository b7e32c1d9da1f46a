import { randomBytes } from "node:crypto";
import { delay, http, HttpResponse } from "msw";

/**
 * Google's OAuth token endpoint (oauth2.googleapis.com) and Calendar API v3
 * (www.googleapis.com/calendar/v3) as msw handlers, with just enough state to behave like
 * Google: single-use authorization codes, refresh tokens that can be revoked, access tokens
 * checked on every call, one primary calendar per account with busy times and events
 * (ids unique per calendar: inserting a known id is 409, as in Google).
 *
 * Tests inject trouble per route: `failGoogle("events.insert", { status: 500, times: 1 })`,
 * or a delay beyond the adapter's timeout. Every request is recorded; state is cleared
 * after each test (tests/mocks/index.ts).
 */
export const GOOGLE_TEST_CLIENT = { id: "test-client.apps.googleusercontent.com", secret: "test-client-secret" };
const TOKEN_URL = "https://oauth2.googleapis.com/token";
const API = "https://www.googleapis.com/calendar/v3";

export type TGoogleRoute = "token" | "calendarList" | "freeBusy" | "events.insert" | "events.patch" | "events.delete";

export interface GoogleEvent {
  id: string;
  summary?: string;
  description?: string;
  start: { dateTime: string; timeZone?: string };
  end: { dateTime: string; timeZone?: string };
  status?: string;
  extendedProperties?: { private?: Record<string, string> };
}

export interface RecordedGoogleRequest {
  route: TGoogleRoute;
  method: string;
  path: string;
  /** The calendar the request was about (API routes). */
  calendarId?: string;
  eventId?: string;
  /** grant_type (token route). */
  grantType?: string;
}

interface Fault {
  status?: number;
  body?: unknown;
  delayMs?: number;
  times: number;
}

interface Account {
  email: string;
  revoked: boolean;
  busy: Array<{ start: string; end: string }>;
  events: Map<string, GoogleEvent>;
}

const accounts = new Map<string, Account>();
const codes = new Map<string, string>();
const refreshTokens = new Map<string, string>();
const accessTokens = new Map<string, { email: string; expiresAt: number }>();
const faults = new Map<TGoogleRoute, Fault[]>();
/** Every request the code under test sent to Google, in order. */
export const googleRequests: RecordedGoogleRequest[] = [];

const token = (prefix: string) => `${prefix}.${randomBytes(12).toString("base64url")}`;

function account(email: string): Account {
  let a = accounts.get(email);
  if (!a) {
    a = { email, revoked: false, busy: [], events: new Map() };
    accounts.set(email, a);
  }
  return a;
}

/** A one-time authorization code for `email`, as Google would put in the callback URL. */
export function googleAuthorizationCode(email: string): string {
  account(email).revoked = false;
  const code = token("4/code");
  codes.set(code, email);
  return code;
}

/** The user removes ServicePro's access in their Google account (or the grant expires). */
export function revokeGoogleAccess(email: string): void {
  account(email).revoked = true;
}

/** Busy times of the account's primary calendar (ISO instants). */
export function setGoogleBusy(email: string, busy: Array<{ start: string; end: string }>): void {
  account(email).busy = busy;
}

/** The events in the account's primary calendar (deleted ones only when asked: Google keeps them as "cancelled"). */
export function googleEvents(email: string, options: { includeDeleted?: boolean } = {}): GoogleEvent[] {
  return [...account(email).events.values()].filter((e) => options.includeDeleted || e.status !== "cancelled");
}

/** The next `times` requests to `route` fail with `status` (and/or are delayed by `delayMs`). */
export function failGoogle(route: TGoogleRoute, fault: Omit<Fault, "times"> & { times?: number }): void {
  const list = faults.get(route) ?? [];
  list.push({ ...fault, times: fault.times ?? 1 });
  faults.set(route, list);
}

export function googleRequestsTo(route: TGoogleRoute, filter: Partial<RecordedGoogleRequest> = {}): RecordedGoogleRequest[] {
  return googleRequests.filter(
    (r) => r.route === route && Object.entries(filter).every(([k, v]) => r[k as keyof RecordedGoogleRequest] === v),
  );
}

/** Google is healthy again: every injected fault is dropped. */
export function resetGoogleFaults(): void {
  faults.clear();
}

export function resetGoogleMock(): void {
  accounts.clear();
  codes.clear();
  refreshTokens.clear();
  accessTokens.clear();
  faults.clear();
  googleRequests.length = 0;
}

const apiError = (status: number, reason: string, message: string) =>
  HttpResponse.json({ error: { code: status, message, errors: [{ domain: "global", reason, message }] } }, { status });

/** Applies an injected fault, if one is due for this route: a response to return, or null to go on. */
async function injected(route: TGoogleRoute): Promise<Response | null> {
  const list = faults.get(route);
  const fault = list?.[0];
  if (!fault) return null;
  fault.times -= 1;
  if (fault.times <= 0) list!.shift();
  if (fault.delayMs) await delay(fault.delayMs);
  if (!fault.status) return null;
  return HttpResponse.json(
    fault.body ?? { error: { code: fault.status, message: "injected failure", errors: [{ reason: "backendError" }] } },
    { status: fault.status },
  );
}

/** The account behind the request's bearer token, or a 401 like Google's. */
function authorize(request: Request): Account | Response {
  const bearer = request.headers.get("authorization")?.replace(/^Bearer /, "") ?? "";
  const entry = accessTokens.get(bearer);
  if (!entry || entry.expiresAt < Date.now() || account(entry.email).revoked) return apiError(401, "authError", "Invalid Credentials");
  return account(entry.email);
}

function issueAccessToken(email: string) {
  const accessToken = token("ya29");
  accessTokens.set(accessToken, { email, expiresAt: Date.now() + 3_600_000 });
  return accessToken;
}

const decode = (v: unknown) => decodeURIComponent(String(v));

export const googleHandlers = [
  http.post(TOKEN_URL, async ({ request }) => {
    const form = new URLSearchParams(await request.text());
    const grantType = form.get("grant_type") ?? "";
    googleRequests.push({ route: "token", method: "POST", path: "/token", grantType });
    const fault = await injected("token");
    if (fault) return fault;
    if (form.get("client_id") !== GOOGLE_TEST_CLIENT.id || form.get("client_secret") !== GOOGLE_TEST_CLIENT.secret) {
      return HttpResponse.json({ error: "invalid_client", error_description: "The OAuth client was not found." }, { status: 401 });
    }
    const invalidGrant = () =>
      HttpResponse.json({ error: "invalid_grant", error_description: "Token has been expired or revoked." }, { status: 400 });
    if (grantType === "authorization_code") {
      const email = codes.get(form.get("code") ?? "");
      if (!email || !form.get("redirect_uri")) return invalidGrant();
      codes.delete(form.get("code")!); // single use
      const refreshToken = token("1//refresh");
      refreshTokens.set(refreshToken, email);
      return HttpResponse.json({
        access_token: issueAccessToken(email),
        expires_in: 3599,
        refresh_token: refreshToken,
        scope: "https://www.googleapis.com/auth/calendar.events",
        token_type: "Bearer",
      });
    }
    if (grantType === "refresh_token") {
      const email = refreshTokens.get(form.get("refresh_token") ?? "");
      if (!email || account(email).revoked) return invalidGrant();
      return HttpResponse.json({
        access_token: issueAccessToken(email),
        expires_in: 3599,
        scope: "https://www.googleapis.com/auth/calendar.events",
        token_type: "Bearer",
      });
    }
    return HttpResponse.json({ error: "unsupported_grant_type" }, { status: 400 });
  }),

  http.get(`${API}/users/me/calendarList`, async ({ request }) => {
    googleRequests.push({ route: "calendarList", method: "GET", path: "/users/me/calendarList" });
    const fault = await injected("calendarList");
    if (fault) return fault;
    const who = authorize(request);
    if (who instanceof Response) return who;
    return HttpResponse.json({
      items: [
        { id: who.email, summary: who.email, primary: true, accessRole: "owner" },
        { id: "en.usa#holiday@group.v.calendar.google.com", summary: "Holidays", accessRole: "reader" },
      ],
    });
  }),

  http.post(`${API}/freeBusy`, async ({ request }) => {
    const body = (await request.json()) as { timeMin: string; timeMax: string; items: Array<{ id: string }> };
    googleRequests.push({ route: "freeBusy", method: "POST", path: "/freeBusy", calendarId: body.items?.[0]?.id });
    const fault = await injected("freeBusy");
    if (fault) return fault;
    const who = authorize(request);
    if (who instanceof Response) return who;
    const min = Date.parse(body.timeMin);
    const max = Date.parse(body.timeMax);
    const calendars = Object.fromEntries(
      body.items.map(({ id }) => {
        if (id !== who.email) return [id, { busy: [], errors: [{ domain: "global", reason: "notFound" }] }];
        // Like Google: intervals overlapping the range, clipped to it.
        const busy = who.busy
          .filter((b) => Date.parse(b.end) > min && Date.parse(b.start) < max)
          .map((b) => ({
            start: new Date(Math.max(min, Date.parse(b.start))).toISOString(),
            end: new Date(Math.min(max, Date.parse(b.end))).toISOString(),
          }));
        return [id, { busy }];
      }),
    );
    return HttpResponse.json({ kind: "calendar#freeBusy", timeMin: body.timeMin, timeMax: body.timeMax, calendars });
  }),

  http.post(`${API}/calendars/:calendarId/events`, async ({ request, params }) => {
    const calendarId = decode(params.calendarId);
    const event = (await request.json()) as GoogleEvent;
    googleRequests.push({ route: "events.insert", method: "POST", path: new URL(request.url).pathname, calendarId, eventId: event.id });
    const fault = await injected("events.insert");
    if (fault) return fault;
    const who = authorize(request);
    if (who instanceof Response) return who;
    if (calendarId !== who.email) return apiError(404, "notFound", "Not Found");
    if (who.events.has(event.id)) return apiError(409, "duplicate", "The requested identifier already exists.");
    who.events.set(event.id, { ...event, status: event.status ?? "confirmed" });
    return HttpResponse.json(who.events.get(event.id));
  }),

  http.patch(`${API}/calendars/:calendarId/events/:eventId`, async ({ request, params }) => {
    const calendarId = decode(params.calendarId);
    const eventId = decode(params.eventId);
    const patch = (await request.json()) as Partial<GoogleEvent>;
    googleRequests.push({ route: "events.patch", method: "PATCH", path: new URL(request.url).pathname, calendarId, eventId });
    const fault = await injected("events.patch");
    if (fault) return fault;
    const who = authorize(request);
    if (who instanceof Response) return who;
    const existing = calendarId === who.email ? who.events.get(eventId) : undefined;
    if (!existing) return apiError(404, "notFound", "Not Found");
    const updated = { ...existing, ...patch, id: eventId };
    who.events.set(eventId, updated);
    return HttpResponse.json(updated);
  }),

  http.delete(`${API}/calendars/:calendarId/events/:eventId`, async ({ request, params }) => {
    const calendarId = decode(params.calendarId);
    const eventId = decode(params.eventId);
    googleRequests.push({ route: "events.delete", method: "DELETE", path: new URL(request.url).pathname, calendarId, eventId });
    const fault = await injected("events.delete");
    if (fault) return fault;
    const who = authorize(request);
    if (who instanceof Response) return who;
    const existing = calendarId === who.email ? who.events.get(eventId) : undefined;
    if (!existing) return apiError(404, "notFound", "Not Found");
    if (existing.status === "cancelled") return apiError(410, "deleted", "Resource has been deleted");
    // Like Google: a deleted event keeps its id (status "cancelled"); inserting that id again is a 409.
    who.events.set(eventId, { ...existing, status: "cancelled" });
    return new HttpResponse(null, { status: 204 });
  }),
];
