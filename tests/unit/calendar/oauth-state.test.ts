import { describe, expect, it } from "vitest";
import {
  nonceCookie,
  OAUTH_NONCE_COOKIE,
  readNonceCookie,
  readOAuthState,
  signOAuthState,
  type OAuthState,
} from "../../../server/calendar/oauth.server";

const state = (overrides: Partial<OAuthState> = {}): OAuthState => ({
  v: 1,
  tid: "tenant-1",
  uid: "user-1",
  sid: null,
  n: "nonce-abc",
  exp: Math.floor(Date.now() / 1000) + 600,
  ...overrides,
});

describe("OAuth state", () => {
  it("round-trips a signed state", () => {
    const original = state();
    expect(readOAuthState(signOAuthState(original))).toEqual(original);
  });

  it("refuses a changed payload, a changed or missing signature, extra parts and garbage", () => {
    const token = signOAuthState(state());
    const [body, sig] = token.split(".");
    const forged = Buffer.from(JSON.stringify(state({ tid: "tenant-2" }))).toString("base64url");
    expect(readOAuthState(`${forged}.${sig}`)).toBeNull();
    // Change the first character: the last one of base64url carries unused bits, so swapping it may decode to the same bytes.
    const changed = `${sig[0] === "A" ? "B" : "A"}${sig.slice(1)}`;
    expect(readOAuthState(`${body}.${changed}`)).toBeNull();
    expect(readOAuthState(body)).toBeNull();
    expect(readOAuthState(`${token}.x`)).toBeNull();
    expect(readOAuthState("%%%")).toBeNull();
  });

  it("expires", () => {
    const token = signOAuthState(state({ exp: Math.floor(Date.now() / 1000) + 60 }));
    expect(readOAuthState(token)).not.toBeNull();
    expect(readOAuthState(token, new Date(Date.now() + 120_000))).toBeNull();
  });

  it("puts the nonce in an HttpOnly, SameSite=Lax cookie scoped to the OAuth paths, and reads it back", () => {
    const header = nonceCookie("abc123");
    expect(header).toMatch(new RegExp(`^${OAUTH_NONCE_COOKIE}=abc123; Path=/oauth/google; HttpOnly; SameSite=Lax; Max-Age=600`));
    expect(readNonceCookie(`a=1; ${OAUTH_NONCE_COOKIE}=abc123; b=2`)).toBe("abc123");
    expect(readNonceCookie("a=1")).toBeNull();
    expect(nonceCookie("")).toContain("Max-Age=0");
  });
});
