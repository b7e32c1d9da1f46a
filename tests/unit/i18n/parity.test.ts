import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { NAMESPACES, resources } from "../../../locales";

/** Spanish is never second-class: the same keys, the same placeholders, no empty strings. */
type Tree = { [k: string]: string | Tree };
const flatten = (o: Tree, pre = ""): Array<[string, string]> =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === "string" ? [[pre + k, v] as [string, string]] : flatten(v, `${pre}${k}.`)));
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]).sort();
// i18next plural suffixes may differ between languages (Spanish also has _many).
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, "");

describe("translations", () => {
  it("every namespace file is registered in locales/index.ts", () => {
    for (const lng of ["en", "es"]) {
      const files = readdirSync(path.resolve("locales", lng))
        .filter((f) => f.endsWith(".json"))
        .map((f) => f.replace(/\.json$/, ""));
      expect(files.sort()).toEqual([...NAMESPACES].sort());
    }
  });

  for (const ns of NAMESPACES) {
    it(`${ns}: English and Spanish have the same keys and placeholders`, () => {
      const en = new Map(flatten(resources.en[ns] as Tree));
      const es = new Map(flatten(resources.es[ns] as Tree));
      expect([...es.keys()].map(base).sort()).toEqual([...en.keys()].map(base).sort());
      for (const [key, text] of en) {
        const other = es.get(key);
        expect(text.trim(), `en ${ns}:${key} is empty`).not.toBe("");
        expect(other?.trim(), `es ${ns}:${key} is empty`).not.toBe("");
        expect(placeholders(other ?? ""), `placeholders of ${ns}:${key}`).toEqual(placeholders(text));
      }
    });
  }

  it("the JSON files parse", () => {
    for (const lng of ["en", "es"]) {
      for (const f of readdirSync(path.resolve("locales", lng)).filter((x) => x.endsWith(".json"))) {
        const raw = readFileSync(path.resolve("locales", lng, f), "utf8");
        expect(() => JSON.parse(raw)).not.toThrow();
      }
    }
  });
});
