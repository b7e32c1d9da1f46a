import { z } from "zod";
import type { TenantDb } from "../db/db.server";
import { Invalid, NotFound } from "../errors/domain-errors";
import { ZLocaleSchema, type TLocale } from "../i18n/localized-text";
import { ZDepositRuleSchema, ZOptionGroupsSchema, type TDepositRule, type TOptionGroup } from "./options";
import { zId, zName, zText } from "../validation/text";
import { TEXT_LIMITS } from "../validation/limits";
import { WORKING_STAFF } from "../scheduling/working-staff.server";

/**
 * The catalogue's services: name and description in both languages, duration, price in
 * integer cents; options that change price or time, a deposit rule, and who can do it
 * (staff ids; empty = everyone).
 */
const ZName = zName({ min: 1, max: TEXT_LIMITS.serviceName });
const ZDescription = zText({ max: TEXT_LIMITS.serviceDescription, multiline: true });
const ZDuration = z
  .number()
  .int()
  .min(5, { message: "validation.durationRange" })
  .max(24 * 60, { message: "validation.durationRange" });
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
    /** Omitted = keep what is saved. */
    optionGroups: ZOptionGroupsSchema.optional(),
    depositRule: ZDepositRuleSchema.optional(),
    staffIds: z.array(zId()).max(100).optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    const groupKeys = new Set(s.optionGroups?.map((g) => g.key) ?? []);
    if (s.optionGroups && groupKeys.size !== s.optionGroups.length)
      ctx.addIssue({ code: "custom", path: ["optionGroups"], message: "validation.duplicateKey" });
  });

export type TServiceUpsert = z.infer<typeof ZServiceUpsertSchema>;

export interface ServiceView {
  id: string;
  name: Record<TLocale, string>;
  description: Record<TLocale, string>;
  durationMinutes: number;
  priceCents: number;
  active: boolean;
  sortOrder: number;
  optionGroups: TOptionGroup[];
  depositRule: TDepositRule;
  staffIds: string[];
}

/** An active member of staff the owner can pick for "who can do it". */
export interface StaffChoice {
  id: string;
  name: string;
  /** The member's colour on the schedule. */
  color: string;
}

const asText = (v: unknown): Record<TLocale, string> => {
  const o = (v ?? {}) as Partial<Record<TLocale, string>>;
  return { en: o.en ?? o.es ?? "", es: o.es ?? o.en ?? "" };
};

type ServiceRow = {
  id: string;
  name: unknown;
  description: unknown;
  durationMinutes: number;
  priceCents: number;
  active: boolean;
  sortOrder: number;
  optionGroups: unknown;
  depositRule: unknown;
  staffIds: string[];
};

function toView(s: ServiceRow): ServiceView {
  // Rows written before options existed (or by hand) read as "no options, no deposit".
  const groups = ZOptionGroupsSchema.safeParse(s.optionGroups ?? []);
  const deposit = ZDepositRuleSchema.safeParse(s.depositRule ?? { type: "none" });
  return {
    id: s.id,
    name: asText(s.name),
    description: asText(s.description),
    durationMinutes: s.durationMinutes,
    priceCents: s.priceCents,
    active: s.active,
    sortOrder: s.sortOrder,
    optionGroups: groups.success ? groups.data : [],
    depositRule: deposit.success ? deposit.data : { type: "none" },
    staffIds: s.staffIds,
  };
}

/** The tenant's active staff in display order: the "who can do it" checklist and the schedule's columns. */
export function listStaffChoices(db: TenantDb): Promise<StaffChoice[]> {
  return db.staff.findMany({
    where: WORKING_STAFF,
    orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }],
    select: { id: true, name: true, color: true },
  });
}

/**
 * Checks what zod cannot: a fixed deposit within the price, staff ids of this tenant's
 * active staff (RLS hides other tenants' rows, so theirs read as unknown).
 */
async function checkRules(db: TenantDb, input: TServiceUpsert): Promise<void> {
  const fields: Record<string, string> = {};
  if (input.depositRule?.type === "fixed" && input.depositRule.amountCents > input.priceCents)
    fields["depositRule.amountCents"] = "dashboard:services.errors.depositOverPrice";
  const staffIds = [...new Set(input.staffIds ?? [])];
  if (staffIds.length > 0) {
    const found = await db.staff.count({ where: { id: { in: staffIds }, ...WORKING_STAFF } });
    if (found !== staffIds.length) fields.staffIds = "dashboard:services.errors.unknownStaff";
  }
  if (Object.keys(fields).length > 0) throw Invalid("errors:invalidInput", fields);
}

const extras = (input: TServiceUpsert) => ({
  ...(input.optionGroups === undefined ? {} : { optionGroups: input.optionGroups }),
  ...(input.depositRule === undefined ? {} : { depositRule: input.depositRule }),
  ...(input.staffIds === undefined ? {} : { staffIds: [...new Set(input.staffIds)] }),
});

const auditedFields = (s: ServiceRow) => {
  const v = toView(s);
  return {
    priceCents: v.priceCents,
    durationMinutes: v.durationMinutes,
    optionGroups: v.optionGroups,
    depositRule: v.depositRule,
    staffIds: v.staffIds,
  };
};

export async function listServices(db: TenantDb, options: { includeInactive?: boolean } = {}): Promise<ServiceView[]> {
  const rows = await db.service.findMany({
    where: options.includeInactive ? {} : { active: true },
    orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }],
  });
  return rows.map(toView);
}

export async function createService(db: TenantDb, input: TServiceUpsert, actorUserId: string): Promise<ServiceView> {
  await checkRules(db, input);
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
      ...extras(input),
    },
  });
  await db.auditEntry.create({
    data: {
      tenantId: db.tenantId,
      actorUserId,
      action: "service.created",
      targetType: "service",
      targetId: row.id,
      data: auditedFields(row),
    },
  });
  return toView(row);
}

export async function updateService(db: TenantDb, id: string, input: TServiceUpsert, actorUserId: string): Promise<ServiceView> {
  const current = await db.service.findUnique({ where: { id } });
  if (!current) throw NotFound("errors:notFound");
  await checkRules(db, input);
  const name = { ...asText(current.name), [input.locale]: input.name };
  const description =
    input.description === undefined ? asText(current.description) : { ...asText(current.description), [input.locale]: input.description };
  const row = await db.service.update({
    where: { id },
    data: {
      name,
      description,
      durationMinutes: input.durationMinutes,
      priceCents: input.priceCents,
      active: input.active ?? current.active,
      ...extras(input),
    },
  });
  await db.auditEntry.create({
    data: {
      tenantId: db.tenantId,
      actorUserId,
      action: "service.updated",
      targetType: "service",
      targetId: id,
      data: { from: auditedFields(current), to: auditedFields(row) },
    },
  });
  return toView(row);
}
