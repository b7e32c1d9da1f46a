import { describe, expect, test } from "vitest";
import { normalizePhone } from "../../../server/customers/phone";
import { normalizeTags } from "../../../server/customers/tags";
import { CLEANMACHINE_DEMO } from "../../../server/packs/demo/cleanmachine";

/**
 * The demo seed writes customer rows directly, past the domain's normalisation. Stored tags
 * must already be in their one spelling, or the tag filter (which normalises what is picked)
 * finds nobody: "VIP" in the data and "vip" from the filter are different array elements.
 */
describe("demo customers", () => {
  test.each(CLEANMACHINE_DEMO.customers.map((c) => [c.name, c] as const))("%s is stored as the app would store it", (_name, c) => {
    expect(c.tags).toEqual(normalizeTags(c.tags));
    expect(c.phone).toBe(normalizePhone(c.phone));
  });
});
