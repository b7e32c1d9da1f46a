import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "../../../server/security/safe-redirect";

describe("safeRedirectPath", () => {
  it.each([
    "/dashboard",
    "/dashboard/customers?q=ana&tag=vip#top",
    "/s/clean-machine/book?service=full%20detail",
    "/invite/abc_DEF-123",
    "/dashboard/customers?q=a%2Fb",
    "/",
  ])("keeps the same-origin path %j", (to) => {
    expect(safeRedirectPath(to, "/fallback")).toBe(to);
  });

  it.each([
    ["protocol-relative", "//evil.com"],
    ["protocol-relative with path", "//evil.com/dashboard"],
    ["backslash host", "/\\evil.com"],
    ["double backslash", "\\\\evil.com"],
    ["backslash later", "/dashboard\\..\\..\\evil"],
    ["scheme", "https://evil.com"],
    ["scheme-relative-looking", "https:evil.com"],
    ["javascript", "javascript:alert(1)"],
    ["data", "data:text/html,<script>alert(1)</script>"],
    ["relative path", "dashboard"],
    ["empty", ""],
    ["newline", "/\nfoo"],
    ["newline host trick", "/\n/evil.com"],
    ["carriage return", "/foo\rSet-Cookie:x"],
    ["tab host trick", "/\t/evil.com"],
    ["NUL", "/dash\u0000board"],
    ["C1 control", "/dash\u0085board"],
    ["encoded slashes", "%2F%2Fevil.com"],
    ["encoded second slash", "/%2Fevil.com"],
    ["encoded backslash", "/%5Cevil.com"],
    ["encoded CRLF", "/%0d%0aSet-Cookie:x"],
    ["encoded tab", "/%09/evil.com"],
    ["double-encoded CRLF", "/%250d%250aSet-Cookie:x"],
    ["double-encoded slashes", "/%252F%252Fevil.com"],
    ["malformed encoding", "/%E0%A4%A"],
    ["leading space", " /dashboard"],
    ["very long", `/${"a".repeat(3000)}`],
  ])("refuses %s", (_label, to) => {
    expect(safeRedirectPath(to, "/fallback")).toBe("/fallback");
  });

  it.each([null, undefined, 42, {}, ["/dashboard"]])("refuses a non-string (%j)", (to) => {
    expect(safeRedirectPath(to)).toBe("/dashboard");
  });
});
