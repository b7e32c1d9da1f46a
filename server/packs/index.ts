import { autoDetailingPack } from "./data/auto-detailing";
import { houseCleaningPack } from "./data/house-cleaning";
import { hvacPack } from "./data/hvac";
import { lawnCarePack } from "./data/lawn-care";
import { petGroomingPack } from "./data/pet-grooming";
import { ZIndustryPackSchema, type TIndustryPack } from "./schema";

export type { TIndustryPack, TPackService } from "./schema";

/** Every pack key, in the order the onboarding picker shows them. Usable with z.enum. */
export const PACK_KEYS = ["auto-detailing", "house-cleaning", "lawn-care", "hvac", "pet-grooming"] as const;
export type TPackKey = (typeof PACK_KEYS)[number];
/** A registered pack: a TIndustryPack whose key is known to be one of PACK_KEYS. */
export type TRegisteredPack = TIndustryPack & { key: TPackKey };

const SOURCES: Record<TPackKey, TIndustryPack> = {
  "auto-detailing": autoDetailingPack,
  "house-cleaning": houseCleaningPack,
  "lawn-care": lawnCarePack,
  hvac: hvacPack,
  "pet-grooming": petGroomingPack,
};

/** Parsed once at module load, so a broken pack fails fast instead of at a tenant's first request. */
export const INDUSTRY_PACKS: readonly TRegisteredPack[] = Object.freeze(
  PACK_KEYS.map((key): TRegisteredPack => {
    const pack = ZIndustryPackSchema.parse(SOURCES[key]);
    if (pack.key !== key) throw new Error(`Industry pack registered as "${key}" declares key "${pack.key}"`);
    return { ...pack, key };
  }),
);

const BY_KEY = new Map<string, TRegisteredPack>(INDUSTRY_PACKS.map((p) => [p.key, p]));

export function isPackKey(key: unknown): key is TPackKey {
  return typeof key === "string" && (PACK_KEYS as readonly string[]).includes(key);
}

export function listPacks(): readonly TRegisteredPack[] {
  return INDUSTRY_PACKS;
}

export function findPack(key: string | null | undefined): TRegisteredPack | undefined {
  return key ? BY_KEY.get(key) : undefined;
}

export function getPack(key: string): TRegisteredPack {
  const pack = findPack(key);
  if (!pack) throw new Error(`Unknown industry pack "${key}". Known packs: ${PACK_KEYS.join(", ")}`);
  return pack;
}
