import { z } from "zod";
import type { TenantDb } from "../db/db.server";
import { NotFound } from "../errors/domain-errors";
import { ZLocaleSchema, type TLocale } from "../i18n/localized-text";

/**
 * The catalogue's services: name and description in both languages, duration, price in
 * integer cents. (Options, service areas and deposits arrive with scheduling.)
 */
const ZName = z.string().trim().min(1, { message: "validation.required" }).max(120, { message: "validation.tooLong" });
const ZDescription = z.string().trim().max(2000, { message: "validation.tooLong" });
const ZDuration = z.number().int().min(5, { message: "validation.durationRange" }).max(24 * 60, { message: "validation.durationRange" });
const ZPrice = z.number().int().min(0, { message: "validation.priceRange" }).max(10_000_000, { message: "validation.priceRange" });

export const ZServiceUpsertSchema = z
  .object({
    /** The language the owner is writing in; the other language keeps its text unless given. */
    locale: ZLocaleSchema,
    name: ZName,
    description: ZDescription.optional(),
    durationMinutes: ZDuration,
    priceCents: ZPrice,
    active: z.boolean().optional(),
  })
  .strict();

export type TServiceUpsert = z.infer<typeof ZServiceUpsertSchema>;

export interface ServiceView {
  id: string;
  name: Record<TLocale, string>;
  description: Record<TLocale, string>;
  durationMinutes: number;
  priceCents: number;
  active: boolean;
  sortOrder: number;
}

const asText = (v: unknown): Record<TLocale, string> => {
  const o = (v ?? {}) as Partial<Record<TLocale, string>>;
  return { en: o.en ?? o.es ?? "", es: o.es ?? o.en ?? "" };
};

function toView(s: { id: string; name: unknown; description: unknown; durationMinutes: number; priceCents: number; active: boolean; sortOrder: number }): ServiceView {
  return { id: s.id, name: asText(s.name), description: asText(s.description), durationMinutes: s.durationMinutes, priceCents: s.priceCents, active: s.active, sortOrder: s.sortOrder };
}

export async function listServices(db: TenantDb, options: { includeInactive?: boolean } = {}): Promise<ServiceView[]> {
  const rows = await db.service.findMany({ where: options.includeInactive ? {} : { active: true }, orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }] });
  return rows.map(toView);
}

export async function createService(db: TenantDb, input: TServiceUpsert, actorUserId: string): Promise<ServiceView> {
  const last = await db.service.aggregate({ _max: { sortOrder: true } });
  const text = (v: string) => ({ en: v, es: v });
  const row = await db.service.create({
    data: {
      tenantId: db.tenantId,
      name: text(input.name),
      description: text(input.description ?? ""),
      durationMinutes: input.durationMinutes,
      priceCents: input.priceCents,
      active: input.active ?? true,
      sortOrder: (last._max.sortOrder ?? -1) + 1,
    },
  });
  await db.auditEntry.create({ data: { tenantId: db.tenantId, actorUserId, action: "service.created", targetType: "service", targetId: row.id, data: { priceCents: row.priceCents } } });
  return toView(row);
}

export async function updateService(db: TenantDb, id: string, input: TServiceUpsert, actorUserId: string): Promise<ServiceView> {
  const current = await db.service.findUnique({ where: { id } });
  if (!current) throw NotFound("errors:notFound");
  const name = { ...asText(current.name), [input.locale]: input.name };
  const description = input.description === undefined ? asText(current.description) : { ...asText(current.description), [input.locale]: input.description };
  const row = await db.service.update({
    where: { id },
    data: { name, description, durationMinutes: input.durationMinutes, priceCents: input.priceCents, active: input.active ?? current.active },
  });
  await db.auditEntry.create({
    data: { tenantId: db.tenantId, actorUserId, action: "service.updated", targetType: "service", targetId: id, data: { from: { priceCents: current.priceCents, durationMinutes: current.durationMinutes }, to: { priceCents: row.priceCents, durationMinutes: row.durationMinutes } } },
  });
  return toView(row);
}
