import { describe, expect, it } from "vitest";
import { createGoogleCalendar } from "../../../server/integrations/google-calendar/google";
import { CalendarAuthError, CalendarRequestError, CalendarTemporaryError } from "../../../server/integrations/google-calendar/port";
import {
  failGoogle,
  GOOGLE_TEST_CLIENT,
  googleAuthorizationCode,
  googleEvents,
  googleRequestsTo,
  revokeGoogleAccess,
  setGoogleBusy,
} from "../../mocks/google";
import { setupMockServer } from "../../mocks/index";

setupMockServer();

/** The adapter's clock: token expiry is computed from it, so the tests never read the wall clock. */
const NOW = new Date("2030-03-01T12:00:00Z");
const google = (timeoutMs = 5_000) =>
  createGoogleCalendar({ clientId: GOOGLE_TEST_CLIENT.id, clientSecret: GOOGLE_TEST_CLIENT.secret, timeoutMs, now: () => NOW });
const REDIRECT = "https://app.example.com/oauth/google/callback";
const event = (id = "sp0123456789abcdef") => ({
  id,
  summary: "Full detail · Ana",
  description: "",
  start: new Date("2030-03-05T16:00:00Z"),
  end: new Date("2030-03-05T17:00:00Z"),
  timeZone: "America/Chicago",
  status: "confirmed" as const,
  privateProperties: { serviceproBookingId: "b1" },
});

async function signedIn(email = "shop@example.com") {
  const port = google();
  const tokens = await port.exchangeCode(googleAuthorizationCode(email), REDIRECT);
  return { port, tokens };
}

describe("Google Calendar adapter", () => {
  it("builds the consent URL (offline access, consent prompt, our scopes, state)", () => {
    const url = new URL(google().authorizeUrl("the-state", REDIRECT));
    expect(url.host).toBe("accounts.google.com");
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: GOOGLE_TEST_CLIENT.id,
      redirect_uri: REDIRECT,
      response_type: "code",
      access_type: "offline",
      prompt: "consent",
      state: "the-state",
    });
  });

  it("exchanges a code, refreshes, lists calendars and reads busy times", async () => {
    const { port, tokens } = await signedIn();
    expect(tokens.refreshToken).toBeTruthy();
    expect(tokens.expiresAt).toEqual(new Date(NOW.getTime() + 3599 * 1000)); // Google's expires_in: 3599 s
    const refreshed = await port.refresh(tokens.refreshToken!);
    expect(refreshed.accessToken).not.toBe(tokens.accessToken);
    expect(refreshed.refreshToken).toBeNull();
    const calendars = await port.listCalendars(tokens.accessToken);
    expect(calendars.find((c) => c.primary)).toMatchObject({ id: "shop@example.com", accessRole: "owner" });
    setGoogleBusy("shop@example.com", [{ start: "2030-03-05T10:00:00Z", end: "2030-03-05T11:00:00Z" }]);
    const busy = await port.freeBusy(
      tokens.accessToken,
      "shop@example.com",
      new Date("2030-03-05T00:00:00Z"),
      new Date("2030-03-06T00:00:00Z"),
    );
    expect(busy).toEqual([{ start: new Date("2030-03-05T10:00:00Z"), end: new Date("2030-03-05T11:00:00Z") }]);
  });

  it("maps invalid_grant and 401 to 'revoked'", async () => {
    const { port, tokens } = await signedIn();
    revokeGoogleAccess("shop@example.com");
    await expect(port.refresh(tokens.refreshToken!)).rejects.toBeInstanceOf(CalendarAuthError);
    await expect(port.listCalendars(tokens.accessToken)).rejects.toMatchObject({
      name: "CalendarAuthError",
      problem: "revoked",
      status: 401,
    });
    await expect(port.exchangeCode("4/used-or-invented", REDIRECT)).rejects.toBeInstanceOf(CalendarAuthError);
  });

  it("maps 429, 5xx, rate-limit 403s and timeouts to 'temporary'; other 4xx to request errors", async () => {
    const { port, tokens } = await signedIn();
    const busy = () =>
      port.freeBusy(tokens.accessToken, "shop@example.com", new Date("2030-03-05T00:00:00Z"), new Date("2030-03-06T00:00:00Z"));
    failGoogle("freeBusy", { status: 429 });
    await expect(busy()).rejects.toMatchObject({ name: "CalendarTemporaryError", problem: "rateLimited" });
    failGoogle("freeBusy", {
      status: 403,
      body: { error: { code: 403, message: "Rate Limit Exceeded", errors: [{ reason: "userRateLimitExceeded" }] } },
    });
    await expect(busy()).rejects.toMatchObject({ name: "CalendarTemporaryError", problem: "rateLimited" });
    failGoogle("freeBusy", { status: 500 });
    await expect(busy()).rejects.toMatchObject({ name: "CalendarTemporaryError", problem: "unavailable", status: 500 });
    failGoogle("freeBusy", { status: 403, body: { error: { code: 403, message: "Forbidden", errors: [{ reason: "forbidden" }] } } });
    await expect(busy()).rejects.toMatchObject({ name: "CalendarRequestError", problem: "forbidden" });
    failGoogle("token", { status: 503 });
    await expect(port.refresh(tokens.refreshToken!)).rejects.toBeInstanceOf(CalendarTemporaryError);
    await expect(
      port.freeBusy(tokens.accessToken, "someone-else@example.com", NOW, new Date(NOW.getTime() + 3_600_000)),
    ).rejects.toMatchObject({ problem: "calendarNotFound" });

    // The answer comes after 600 ms; a 100 ms budget gives up first (the error kind says so, no stopwatch needed).
    const slow = google(100);
    failGoogle("freeBusy", { delayMs: 600 });
    await expect(slow.freeBusy(tokens.accessToken, "shop@example.com", NOW, new Date(NOW.getTime() + 3_600_000))).rejects.toMatchObject({
      name: "CalendarTemporaryError",
      problem: "timeout",
    });
  });

  it("a wrong OAuth client is a request error (configuration), not 'revoked'", async () => {
    const wrong = createGoogleCalendar({ clientId: "other", clientSecret: "nope" });
    await expect(wrong.exchangeCode(googleAuthorizationCode("shop@example.com"), REDIRECT)).rejects.toBeInstanceOf(CalendarRequestError);
  });

  it("upserts by id: insert, then 'already exists' becomes an update; an update of a missing event inserts it; deleting twice is fine", async () => {
    const { port, tokens } = await signedIn();
    await port.upsertEvent(tokens.accessToken, "shop@example.com", event());
    // The answer to an earlier insert was lost: inserting again hits 409 and updates instead.
    await port.upsertEvent(tokens.accessToken, "shop@example.com", { ...event(), summary: "Moved" });
    expect(googleEvents("shop@example.com")).toEqual([expect.objectContaining({ id: event().id, summary: "Moved" })]);
    expect(googleRequestsTo("events.insert")).toHaveLength(2);
    expect(googleRequestsTo("events.patch")).toHaveLength(1);

    // Deleted by hand in Google (which keeps it as "cancelled"): the update brings it back.
    await port.deleteEvent(tokens.accessToken, "shop@example.com", event().id);
    await port.deleteEvent(tokens.accessToken, "shop@example.com", event().id);
    expect(googleEvents("shop@example.com")).toHaveLength(0);
    await port.upsertEvent(tokens.accessToken, "shop@example.com", event(), { exists: true });
    expect(googleEvents("shop@example.com")).toEqual([expect.objectContaining({ id: event().id, status: "confirmed" })]);

    await port.upsertEvent(tokens.accessToken, "shop@example.com", event("sp999999999"), { exists: true });
    expect(googleEvents("shop@example.com")).toHaveLength(2);
  });
});
