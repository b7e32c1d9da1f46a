import { randomInt, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { action as setLocaleAction } from "../../../app/routes/set-locale";
import { action as signInAction, loader as signInLoader } from "../../../app/routes/sign-in";
import { action as signUpAction } from "../../../app/routes/sign-up";
import { signUpLocal } from "../../../server/auth/local-auth.server";
import { sessionStorage } from "../../../server/auth/session.server";
import { resetEnvCache } from "../../../server/env.server";

/**
 * redirectTo through the real route handlers: a hostile target is a 302 to the default,
 * never off our origin and never a 500 (a thrown error here is what Remix answers with 500).
 */
const HOSTILE = [
  "/\nfoo",
  "/\r\nSet-Cookie: x=1",
  "//evil.com",
  "/\\evil.com",
  "https://evil.com",
  "%2F%2Fevil.com",
  "/%2F%2Fevil.com",
  "/%0d%0aSet-Cookie:x",
  "/\t/evil.com",
  "javascript:alert(1)",
];
const PASSWORD = "correct horse battery";
const ip = () => `198.51.${randomInt(0, 255)}.${randomInt(1, 254)}-${randomUUID().slice(0, 6)}`;
const args = (request: Request) => ({ request, params: {}, context: {} });

function form(fields: Record<string, string>, headers: Record<string, string> = {}) {
  return {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "content-type": "application/x-www-form-urlencoded", "x-sp-client-ip": ip(), ...headers },
  };
}

/** What Remix would send: a thrown Response is the answer; any other throw is a 500. */
async function answer(run: () => Promise<unknown>): Promise<Response> {
  try {
    return (await run()) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    return new Response(String(thrown), { status: 500 });
  }
}

let email = "";
beforeAll(async () => {
  for (const k of ["CLERK_SECRET_KEY", "CLERK_PUBLISHABLE_KEY"]) delete process.env[k];
  resetEnvCache();
  email = `redirects-${randomUUID().slice(0, 8)}@local.example`;
  await signUpLocal({ name: "Redirect Tester", email, password: PASSWORD }, ip());
});

describe("redirectTo stays on our origin", () => {
  it.each(HOSTILE)("sign-in with redirectTo %j goes to the dashboard", async (target) => {
    const res = await answer(() =>
      signInAction(args(new Request("http://localhost/sign-in", form({ email, password: PASSWORD, redirectTo: target })))),
    );
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/dashboard");
    expect(res.headers.get("Set-Cookie")).toMatch(/__session|session/);
  });

  it("sign-in keeps a same-origin path", async () => {
    const res = await answer(() =>
      signInAction(
        args(new Request("http://localhost/sign-in", form({ email, password: PASSWORD, redirectTo: "/dashboard/customers?q=ana" }))),
      ),
    );
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/dashboard/customers?q=ana");
  });

  it.each(HOSTILE)("sign-up with redirectTo %j goes to onboarding", async (target) => {
    const fresh = `redirects-${randomUUID().slice(0, 8)}@local.example`;
    const res = await answer(() =>
      signUpAction(
        args(new Request("http://localhost/sign-up", form({ name: "New Owner", email: fresh, password: PASSWORD, redirectTo: target }))),
      ),
    );
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/onboarding");
  });

  it.each(HOSTILE)("set-locale with redirectTo %j goes home", async (target) => {
    const res = await answer(() =>
      setLocaleAction(args(new Request("http://localhost/set-locale", form({ lng: "es", redirectTo: target })))),
    );
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/");
  });

  it("set-locale keeps a same-origin path", async () => {
    const res = await answer(() =>
      setLocaleAction(args(new Request("http://localhost/set-locale", form({ lng: "es", redirectTo: "/s/demo?x=1" })))),
    );
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/s/demo?x=1");
  });

  it.each(HOSTILE)("the signed-in sign-in page with ?redirectTo=%j goes to the dashboard", async (target) => {
    const session = await sessionStorage().getSession();
    const { getUserByEmail } = await import("../../../server/users/users.server");
    session.set("userId", (await getUserByEmail(email))!.id);
    const cookie = (await sessionStorage().commitSession(session)).split(";")[0]!;
    const url = `http://localhost/sign-in?redirectTo=${encodeURIComponent(target)}`;
    const res = await answer(() => signInLoader(args(new Request(url, { headers: { cookie } }))));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/dashboard");
  });
});
