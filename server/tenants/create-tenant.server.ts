import { z } from "zod";
import { ZWeeklyHoursSchema } from "../config/schemas";
import { writeConfig } from "../config/config-service.server";
import { withGlobal, withNewTenant, type GlobalDb } from "../db/db.server";
import { Conflict, Invalid } from "../errors/domain-errors";
import { emitEvent } from "../events/outbox.server";
import { ZLocaleSchema, type TLocale } from "../i18n/localized-text";
import { ZTimeZoneSchema } from "../i18n/time-zones";
import { getPack, PACK_KEYS } from "../packs";
import { setLastTenant } from "../users/users.server";
import { isValidSlug, slugify } from "./slug";
import { zName, zPattern, zText } from "../validation/text";
import { TEXT_LIMITS } from "../validation/limits";

/** What the onboarding wizard submits. Services arrive pre-filled from the pack, as edited. */
export const ZOnboardingServiceSchema = z
  .object({
    packServiceKey: zPattern(/^[a-z0-9-]{1,64}$/).nullable(),
    name: zName({ min: 1, max: TEXT_LIMITS.serviceName }),
    durationMinutes: z
      .number()
      .int()
      .min(5, { message: "validation.durationRange" })
      .max(24 * 60, { message: "validation.durationRange" }),
    priceCents: z.number().int().min(0, { message: "validation.priceRange" }).max(10_000_000, { message: "validation.priceRange" }),
  })
  .strict();

export const ZOnboardingSchema = z
  .object({
    businessName: zName({
      min: 2,
      max: TEXT_LIMITS.businessName,
      tooShort: "validation.businessNameLength",
      tooLong: "validation.businessNameLength",
    }),
    packKey: z.enum(PACK_KEYS),
    timeZone: ZTimeZoneSchema,
    locale: ZLocaleSchema,
    hours: ZWeeklyHoursSchema,
    services: z.array(ZOnboardingServiceSchema).min(1, { message: "validation.atLeastOneService" }).max(50),
    slug: zText({ max: 63 })
      .transform((v) => v.toLowerCase())
      .optional(),
  })
  .strict();

export type TOnboardingInput = z.infer<typeof ZOnboardingSchema>;

export interface CreatedTenant {
  id: string;
  slug: string;
  name: string;
}

/**
 * Onboards a business: the tenant, its owner membership, its services, its hours and the
 * `tenant/created` event, all in one transaction. The public page is live once it commits.
 */
export async function createTenant(input: TOnboardingInput, owner: { id: string }): Promise<CreatedTenant> {
  const pack = getPack(input.packKey);
  if (input.slug !== undefined && !isValidSlug(input.slug))
    throw Invalid("errors:tenant.slugInvalid", { slug: "errors:tenant.slugInvalid" });
  const packServices = new Map(pack.services.map((s) => [s.key, s]));
  const tenant = await withNewTenant(
    async (g) =>
      g.tenant.create({
        data: {
          slug: input.slug ? await requireFreeSlug(g, input.slug) : await availableSlug(g, slugify(input.businessName)),
          name: input.businessName,
          industryPackKey: pack.key,
          timeZone: input.timeZone,
          defaultLocale: input.locale,
        },
      }),
    async (db) => {
      const created = await db.tenant.findUniqueOrThrow({ where: { id: db.tenantId }, select: { id: true, slug: true, name: true } });
      const membership = await db.membership.create({ data: { tenantId: db.tenantId, userId: owner.id, role: "OWNER" } });
      // The owner does the jobs until there is a team: one bookable staff member from day one.
      const ownerName = await db.user.findUnique({ where: { id: owner.id }, select: { name: true } });
      await db.staff.create({ data: { tenantId: db.tenantId, membershipId: membership.id, name: ownerName?.name ?? input.businessName } });
      await db.service.createMany({
        data: input.services.map((s, i) => {
          const fromPack = s.packServiceKey ? packServices.get(s.packServiceKey) : undefined;
          const otherLocale: TLocale = input.locale === "en" ? "es" : "en";
          // An unedited pack name keeps both translations; an edited one is the owner's words in both.
          const name =
            fromPack && fromPack.name[input.locale] === s.name ? fromPack.name : { [input.locale]: s.name, [otherLocale]: s.name };
          return {
            tenantId: db.tenantId,
            packServiceKey: fromPack?.key ?? null,
            name,
            description: fromPack?.description ?? { en: "", es: "" },
            durationMinutes: s.durationMinutes,
            priceCents: s.priceCents,
            sortOrder: i,
          };
        }),
      });
      await writeConfig(db, "HOURS", { weekly: input.hours }, owner.id);
      await writeConfig(db, "EMAIL", { fromName: input.businessName }, owner.id);
      await db.auditEntry.create({
        data: {
          tenantId: db.tenantId,
          actorUserId: owner.id,
          action: "tenant.created",
          targetType: "tenant",
          targetId: db.tenantId,
          data: { pack: pack.key },
        },
      });
      await emitEvent(db, "tenant/created", {
        tenantId: db.tenantId,
        slug: created.slug,
        name: created.name,
        ownerUserId: owner.id,
        locale: input.locale,
      });
      return created;
    },
    { userId: owner.id },
  );
  await setLastTenant(owner.id, tenant.id);
  return tenant;
}

async function requireFreeSlug(db: GlobalDb, slug: string): Promise<string> {
  const taken = await db.tenant.findUnique({ where: { slug }, select: { id: true } });
  if (taken) throw Conflict("errors:tenant.slugTaken", { slug }, { slug: "errors:tenant.slugTaken" });
  return slug;
}

async function availableSlug(db: GlobalDb, wanted: string): Promise<string> {
  const base = isValidSlug(wanted) ? wanted : slugify(`${wanted}-co`);
  const taken = new Set((await db.tenant.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((t) => t.slug));
  if (!taken.has(base) && isValidSlug(base)) return base;
  for (let i = 2; i < 1000; i++) {
    const candidate = `${base}-${i}`;
    if (!taken.has(candidate)) return candidate;
  }
  return `${base}-${Date.now().toString(36)}`;
}

/** Whether a slug is free (the wizard shows it live). */
export async function isSlugAvailable(slug: string): Promise<boolean> {
  if (!isValidSlug(slug)) return false;
  return withGlobal(async (g) => !(await g.tenant.findUnique({ where: { slug }, select: { id: true } })));
}
