import type { z } from "zod";
import { isSharedStringSchema } from "../../server/validation/text";

/** String formats whose own anchored pattern already refuses every control character. */
const SAFE_FORMATS = new Set(["datetime", "date", "time", "uuid", "duration"]);

type AnyDef = { type: string; [key: string]: unknown };
const defOf = (schema: unknown): AnyDef => (schema as { _zod: { def: AnyDef } })._zod.def;

/**
 * Paths of the string fields in a zod schema that a person's input reaches without going
 * through server/validation/text.ts (a plain z.string(), z.email(), z.any()...).
 */
export function unsharedStringFields(schema: z.ZodType, root = "$"): string[] {
  const found: string[] = [];
  const seen = new Set<unknown>();
  const visit = (s: unknown, path: string): void => {
    if (isSharedStringSchema(s)) return;
    const def = defOf(s);
    switch (def.type) {
      case "string":
        if (!SAFE_FORMATS.has(def.format as string)) found.push(path);
        return;
      case "any":
      case "unknown":
      case "template_literal":
        found.push(`${path} (${def.type})`);
        return;
      case "object": {
        for (const [key, child] of Object.entries(def.shape as Record<string, unknown>)) visit(child, `${path}.${key}`);
        if (def.catchall && defOf(def.catchall).type !== "never") visit(def.catchall, `${path}.*`);
        return;
      }
      case "optional":
      case "nullable":
      case "default":
      case "prefault":
      case "nonoptional":
      case "readonly":
      case "catch":
      case "success":
        return visit(def.innerType, path);
      case "pipe": {
        // The output side only sees what the input side produced, unless that is raw (z.preprocess).
        visit(def.in, path);
        const inType = defOf(def.in).type;
        if (inType === "transform" || inType === "unknown" || inType === "any") visit(def.out, path);
        return;
      }
      case "array":
        return visit(def.element, `${path}[]`);
      case "set":
        return visit(def.valueType, `${path}[]`);
      case "union":
        (def.options as unknown[]).forEach((option, i) => visit(option, `${path}|${i}`));
        return;
      case "intersection":
        visit(def.left, path);
        visit(def.right, path);
        return;
      case "record":
      case "map":
        visit(def.keyType, `${path}{key}`);
        visit(def.valueType, `${path}{value}`);
        return;
      case "tuple":
        (def.items as unknown[]).forEach((item, i) => visit(item, `${path}[${i}]`));
        if (def.rest) visit(def.rest, `${path}[...]`);
        return;
      case "lazy":
        // Recursive schemas come back through a getter: look at each one once.
        if (seen.has(s)) return;
        seen.add(s);
        return visit((def.getter as () => unknown)(), path);
      default:
        // number, boolean, enum, literal, date, transform, never...: no text.
        return;
    }
  };
  visit(schema, root);
  return found;
}
