import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "#server/auth/password.server";

describe("password hashing (scrypt)", () => {
  it("verifies the right password and rejects a wrong one", async () => {
    const stored = await hashPassword("correct horse battery");
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(stored).not.toContain("correct horse");
    expect(await verifyPassword("correct horse battery", stored)).toBe(true);
    expect(await verifyPassword("correct horse batterY", stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
  });

  it("salts every hash, so the same password never hashes the same twice", async () => {
    const [a, b] = await Promise.all([hashPassword("same password"), hashPassword("same password")]);
    expect(a).not.toBe(b);
    expect(a.split("$")[4]).not.toBe(b.split("$")[4]);
    expect(await verifyPassword("same password", a)).toBe(true);
    expect(await verifyPassword("same password", b)).toBe(true);
  });

  it("treats Unicode look-alike spellings of a password as the same (NFKC)", async () => {
    const stored = await hashPassword("ﬁesta-contraseña");
    expect(await verifyPassword("fiesta-contraseña", stored)).toBe(true);
    expect(await verifyPassword("fiesta-contrasen\u0303a", stored)).toBe(true);
  });

  it("rejects a missing or malformed stored hash instead of throwing", async () => {
    for (const stored of [null, undefined, "", "bcrypt$2b$10$abc", "scrypt$32768$8$1$", "plain text"]) {
      expect(await verifyPassword("anything", stored)).toBe(false);
    }
  });
});
