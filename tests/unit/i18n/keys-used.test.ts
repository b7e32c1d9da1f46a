import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { NAMESPACES, resources } from "../../../locales";

/**
 * Every "<namespace>:<key>" literal in the code (t("inbox:nav"), error keys thrown by the
 * server such as "errors:booking.slotTaken") names a string that exists in English and in
 * Spanish. A key without a translation would show the raw key to the user.
 */
type Tree = { [k: string]: string | Tree };

function exists(tree: Tree, key: string): boolean {
  let cur: string | Tree | undefined = tree;
  const parts = key.split(".");
  for (const [i, part] of parts.entries()) {
    if (typeof cur !== "object" || cur === null) return false;
    if (part in cur) {
      cur = cur[part];
      continue;
    }
    // i18next plurals: "count" is found as "count_one"/"count_other".
    return i === parts.length - 1 && `${part}_other` in cur;
  }
  return true;
}

function sourceFiles(): string[] {
  const out = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "server", "app", "inngest"], {
    encoding: "utf8",
  });
  return out.split("\n").filter((f) => /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f));
}

describe("translation keys used in the code", () => {
  const pattern = new RegExp(`["'\`](${NAMESPACES.join("|")}):([A-Za-z0-9_]+(?:\\.[A-Za-z0-9_]+)*)["'\`]`, "g");

  it("finds keys to check (the scan itself works)", () => {
    const sample = `t("inbox:nav"); throw Conflict("errors:booking.slotTaken"); const x = "not:a.key";`;
    expect([...sample.matchAll(pattern)].map((m) => `${m[1]}:${m[2]}`)).toEqual(["inbox:nav", "errors:booking.slotTaken"]);
    expect(exists({ a: { b: "x" } } as Tree, "a.b")).toBe(true);
    expect(exists({ a: { b: "x" } } as Tree, "a.c")).toBe(false);
    expect(exists({ a: { n_one: "1", n_other: "2" } } as Tree, "a.n")).toBe(true);
  });

  it("every literal key exists in English and Spanish", () => {
    const missing: string[] = [];
    for (const file of sourceFiles()) {
      for (const m of readFileSync(file, "utf8").matchAll(pattern)) {
        const [ns, key] = [m[1] as (typeof NAMESPACES)[number], m[2]];
        for (const lng of ["en", "es"] as const) {
          if (!exists(resources[lng][ns] as unknown as Tree, key)) missing.push(`${lng} ${ns}:${key} (${file})`);
        }
      }
    }
    expect([...new Set(missing)].sort()).toEqual([]);
  });
});
