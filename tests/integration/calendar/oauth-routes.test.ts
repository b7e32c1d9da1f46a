import { describe, expect, it } from "vitest";
import { action as startAction, loader as startLoader } from "../../../app/routes/oauth.google.start";
import { loader as callbackLoader } from "../../../app/routes/oauth.google.callback";
import { sessionStorage } from "../../../server/auth/session.server";
import { OAUTH_NONCE_COOKIE } from "../../../server/calendar/oauth.server";
import { withTenant } from "../../../server/db/db.server";
import { createTestTenant } from "../../helpers/factories";
import { googleAuthorizationCode, googleRequestsTo } from "../../mocks/google";
import { setupMockServer } from "../../mocks/index";
import { withGoogleCredentials } from "./support";

setupMockServer();
withGoogleCredentials();

/** The browser's side of the flow: the session cookie, the nonce cookie the start route sets, Google's redirect back. */
async function sessionCookie(userId: string) {
  const session = await sessionStorage().getSession();
  session.set("userId", userId);
  return (await sessionStorage().commitSession(session)).split(";")[0]!;
}

const args = (request: Request) => ({ request, params: {}, context: {} });

async function start(cookie: string, staffId = "") {
  const body = new URLSearchParams({ staffId });
  const res = (await startAction(
    args(
      new Request("http://localhost/oauth/google/start", {
        method: "POST",
        body,
        headers: { Cookie: cookie, "content-type": "application/x-www-form-urlencoded" },
      }),
    ),
  )) as Response;
  return res;
}

async function callback(cookie: string, query: string): Promise<Response> {
  try {
    return (await callbackLoader(
      args(new Request(`http://localhost/oauth/google/callback?${query}`, { headers: { Cookie: cookie } })),
    )) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

describe("OAuth routes (browser flow)", () => {
  it("start sets an HttpOnly nonce cookie and redirects to Google; the callback with that cookie connects and clears it", async () => {
    const t = await createTestTenant();
    const session = await sessionCookie(t.owner.id);
    const res = await start(session);
    expect(res.status).toBe(302);
    const google = new URL(res.headers.get("Location")!);
    expect(google.host).toBe("accounts.google.com");
    const setCookie = res.headers.get("Set-Cookie")!;
    expect(setCookie).toMatch(/HttpOnly; SameSite=Lax/);
    const nonce = setCookie.split(";")[0]!;
    expect(nonce.startsWith(`${OAUTH_NONCE_COOKIE}=`)).toBe(true);

    const query = new URLSearchParams({
      code: googleAuthorizationCode("shop@example.com"),
      state: google.searchParams.get("state")!,
    }).toString();
    const back = await callback(`${session}; ${nonce}`, query);
    expect(back.status).toBe(302);
    expect(back.headers.get("Location")).toBe("/dashboard/calendar?notice=connected");
    expect(back.headers.get("Set-Cookie")).toContain("Max-Age=0");
    expect(await withTenant(t.id, (db) => db.calendarConnection.count())).toBe(1);
  });

  it("a callback without the nonce cookie (a link opened in another browser, or forged) is refused before talking to Google", async () => {
    const t = await createTestTenant();
    const session = await sessionCookie(t.owner.id);
    const google = new URL((await start(session)).headers.get("Location")!);
    const query = new URLSearchParams({
      code: googleAuthorizationCode("shop@example.com"),
      state: google.searchParams.get("state")!,
    }).toString();
    const back = await callback(session, query);
    expect(back.headers.get("Location")).toBe("/dashboard/calendar?error=badState");
    expect(googleRequestsTo("token")).toHaveLength(0);
    expect(await withTenant(t.id, (db) => db.calendarConnection.count())).toBe(0);
  });

  it("the owner pressing Cancel at Google changes nothing; a GET to start starts nothing; signed-out users go to sign-in", async () => {
    const t = await createTestTenant();
    const session = await sessionCookie(t.owner.id);
    expect((await callback(session, "error=access_denied&state=x")).headers.get("Location")).toBe("/dashboard/calendar?notice=cancelled");
    expect((await callback(session, "state=x")).headers.get("Location")).toBe("/dashboard/calendar?error=missingCode");
    expect(((await startLoader()) as Response).headers.get("Location")).toBe("/dashboard/calendar");
    const signedOut = await callback("", "code=abc&state=x");
    expect(signedOut.headers.get("Location")).toMatch(/^\/sign-in\?redirectTo=/);
  });
});
