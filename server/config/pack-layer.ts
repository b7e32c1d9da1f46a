import type { TIndustryPack } from "../packs/schema";
import type { TConfigLayer } from "./schemas";

/** The middle config layer: what an industry pack sets for its trade. */
export function packConfigLayer(pack: TIndustryPack | undefined): TConfigLayer {
  if (!pack) return {};
  return {
    HOURS: pack.config.HOURS,
    AI: pack.config.AI,
    SITE: pack.config.SITE,
    LOYALTY: { ...pack.config.LOYALTY, enabled: true },
  };
}
