import { afterEach, describe, expect, it } from "vitest";
import { createManageToken, manageUrl, verifyManageToken } from "../../../server/booking/manage-link.server";
import { resetEnvCache } from "../../../server/env.server";
import { isDomainError } from "../../../server/errors/domain-errors";

const ref = { bookingId: "6b3f1f1e-2c4d-4e5f-8a9b-0c1d2e3f4a5b", tenantId: "0f9e8d7c-6b5a-4c3d-9e2f-1a0b9c8d7e6f" };
const NOW = new Date("2030-06-01T12:00:00Z");

function errorKey(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (isDomainError(error)) return `${error.kind}:${error.key}`;
    throw error;
  }
  return "no error";
}

describe("manage links", () => {
  afterEach(() => {
    delete process.env.SESSION_SECRET;
    resetEnvCache();
  });

  it("round-trips the booking and tenant, valid for 90 days", () => {
    const token = createManageToken(ref, { now: NOW });
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    const claims = verifyManageToken(token, { now: NOW });
    expect(claims).toEqual({ ...ref, expiresAt: new Date(NOW.getTime() + 90 * 86_400_000) });
    expect(verifyManageToken(token, { now: new Date(NOW.getTime() + 89 * 86_400_000) }).bookingId).toBe(ref.bookingId);
  });

  it("expired: Forbidden errors:booking.linkExpired", () => {
    const token = createManageToken(ref, { now: NOW, ttlDays: 1 });
    expect(errorKey(() => verifyManageToken(token, { now: new Date(NOW.getTime() + 86_400_000) }))).toBe(
      "Forbidden:errors:booking.linkExpired",
    );
  });

  it("tampered payload, signature, or shape: Forbidden errors:booking.linkInvalid", () => {
    const token = createManageToken(ref, { now: NOW });
    const [payload, signature] = token.split(".");
    const otherBooking = Buffer.from(
      Buffer.from(payload, "base64url").toString("utf8").replace(ref.bookingId, "someone-elses-booking"),
    ).toString("base64url");
    // The first character carries 6 whole bits of the MAC (the last one carries padding bits too).
    const flipped = (signature.startsWith("A") ? "B" : "A") + signature.slice(1);
    for (const bad of [
      `${otherBooking}.${signature}`,
      `${payload}.${flipped}`,
      `${payload}.`,
      payload,
      "",
      "a.b.c",
      `${payload}.${signature}=`,
      "x".repeat(600),
    ]) {
      expect(errorKey(() => verifyManageToken(bad, { now: NOW }))).toBe("Forbidden:errors:booking.linkInvalid");
    }
    // A token signed for another tenant is a different, equally valid token: the router
    // compares claims.tenantId with the site's tenant (tested in the integration suite).
    expect(verifyManageToken(createManageToken({ ...ref, tenantId: "another" }, { now: NOW }), { now: NOW }).tenantId).toBe("another");
  });

  it("is keyed by SESSION_SECRET: a token from another key is invalid", () => {
    const devToken = createManageToken(ref, { now: NOW });
    process.env.SESSION_SECRET = "a-production-secret-that-is-long-enough";
    resetEnvCache();
    expect(errorKey(() => verifyManageToken(devToken, { now: NOW }))).toBe("Forbidden:errors:booking.linkInvalid");
    expect(verifyManageToken(createManageToken(ref, { now: NOW }), { now: NOW }).bookingId).toBe(ref.bookingId);
  });

  it("does not sign the version: one link for the booking's whole life", () => {
    // Same inputs, same token: nothing about the booking's current state is inside.
    expect(createManageToken(ref, { now: NOW })).toBe(createManageToken(ref, { now: NOW }));
  });

  it("builds the public URL under the business's site", () => {
    expect(manageUrl("shiny-cars", "abc.def")).toMatch(/\/s\/shiny-cars\/booking\/manage\/abc\.def$/);
  });
});
