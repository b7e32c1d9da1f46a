import { describe, expect, it } from "vitest";
import { z } from "zod";
import { appRouter } from "../../../server/trpc/router.server";
import { zId, zName, zText } from "../../../server/validation/text";
import { unsharedStringFields } from "../../helpers/string-fields";

type ProcedureLike = { _def: { inputs: z.ZodType[] } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, ProcedureLike>);

describe("every tRPC input string goes through the shared text schemas", () => {
  it("the walker finds plain strings and accepts shared ones (so the check below can fail)", () => {
    const schema = z.object({
      ok: zText({ max: 10 }).optional(),
      name: zName({ max: 10 }).transform((v) => v || null),
      id: zId(),
      bad: z.string().max(10),
      nested: z.array(z.object({ email: z.email() })),
      keyed: z.record(z.string(), zText({ max: 5 })),
      raw: z.preprocess((v) => v, z.string()),
    });
    expect(unsharedStringFields(schema)).toEqual(["$.bad", "$.nested[].email", "$.keyed{key}", "$.raw"]);
  });

  it("has procedures to check", () => {
    expect(procedures.length).toBeGreaterThan(50);
  });

  it("no procedure input has a string field that skips server/validation/text.ts", () => {
    const offenders = procedures.flatMap(([path, procedure]) =>
      procedure._def.inputs.flatMap((input) => unsharedStringFields(input, path)),
    );
    expect(offenders).toEqual([]);
  });
});
