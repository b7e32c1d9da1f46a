import { describe, expect, it } from "vitest";
import { writeConfig } from "../../../server/config/config-service.server";
import { withTenant } from "../../../server/db/db.server";
import { getPublicSite } from "../../../server/site/public-site.server";
import { createTestTenant } from "../../helpers/factories";

/**
 * Points do not exist until the loyalty module is live: a public page must not promise
 * them, even when the owner turned rewards on and the pack lists the rewards block.
 */
describe("public page and loyalty", () => {
  it("shows no rewards block and no points promise while loyalty is not live", async () => {
    const t = await createTestTenant({ packKey: "hvac" });
    await withTenant(t.id, (db) => writeConfig(db, "LOYALTY", { enabled: true, pointsPerDollar: 3 }, t.owner.id));
    for (const locale of ["en", "es"] as const) {
      const site = await getPublicSite(t.slug, locale);
      expect(site, locale).not.toBeNull();
      expect(site!.loyalty, `${locale}: rewards data`).toBeNull();
      expect(site!.blocks, `${locale}: blocks`).not.toContain("loyalty");
      // The reward itself ("A free AC or furnace tune-up") is nowhere in what the page renders from.
      const text = JSON.stringify(site);
      expect(text).not.toMatch(locale === "en" ? /tune-up gratis|free AC or furnace/i : /mantenimiento de aire o calefacción gratis/i);
    }
  });
});
