import { describe, expect, it } from "vitest";
import {
  nonceCookie,
  OAUTH_NONCE_COOKIE,
  readNonceCookie,
  readOAuthState,
  signOAuthState,
  type OAuthState,
} from "../../../server/calendar/oauth.server";

const NOW = new Date("2030-03-01T12:00:00Z");
const nowSeconds = Math.floor(NOW.getTime() / 1000);
const state = (overrides: Partial<OAuthState> = {}): OAuthState => ({
  v: 1,
  tid: "tenant-1",
  uid: "user-1",
  sid: null,
  n: "nonce-abc",
  exp: nowSeconds + 600,
  ...overrides,
});

describe("OAuth state", () => {
  it("round-trips a signed state", () => {
    const original = state();
    expect(readOAuthState(signOAuthState(original), NOW)).toEqual(original);
  });

  it("refuses a changed payload, a changed or missing signature, extra parts and garbage", () => {
    const token = signOAuthState(state());
    const [body, sig] = token.split(".");
    const forged = Buffer.from(JSON.stringify(state({ tid: "tenant-2" }))).toString("base64url");
    expect(readOAuthState(token, NOW)).not.toBeNull();
    expect(readOAuthState(`${forged}.${sig}`, NOW)).toBeNull();
    // Change the first character: the last one of base64url carries unused bits, so swapping it may decode to the same bytes.
    const changed = `${sig[0] === "A" ? "B" : "A"}${sig.slice(1)}`;
    expect(readOAuthState(`${body}.${changed}`, NOW)).toBeNull();
    expect(readOAuthState(body, NOW)).toBeNull();
    expect(readOAuthState(`${token}.x`, NOW)).toBeNull();
    expect(readOAuthState("%%%", NOW)).toBeNull();
  });

  it("expires", () => {
    const token = signOAuthState(state({ exp: nowSeconds + 60 }));
    expect(readOAuthState(token, NOW)).not.toBeNull();
    expect(readOAuthState(token, new Date(NOW.getTime() + 59_000))).not.toBeNull();
    expect(readOAuthState(token, new Date(NOW.getTime() + 61_000))).toBeNull();
  });

  it("puts the nonce in an HttpOnly, SameSite=Lax cookie scoped to the OAuth paths, and reads it back", () => {
    const header = nonceCookie("abc123");
    expect(header).toMatch(new RegExp(`^${OAUTH_NONCE_COOKIE}=abc123; Path=/oauth/google; HttpOnly; SameSite=Lax; Max-Age=600`));
    expect(readNonceCookie(`a=1; ${OAUTH_NONCE_COOKIE}=abc123; b=2`)).toBe("abc123");
    expect(readNonceCookie("a=1")).toBeNull();
    expect(nonceCookie("")).toContain("Max-Age=0");
  });
});
