import { z } from "zod";
import { writeConfig } from "../config/config-service.server";
import type { TenantDb } from "../db/db.server";
import { deleteIntegrationSecret, putIntegrationSecret } from "../integrations/secrets.server";
import { zPattern, zText } from "../validation/text";
import { TEXT_LIMITS } from "../validation/limits";

/** Anything but control characters (a password is kept exactly as typed). */
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const PRINTABLE = /^[^\u0000-\u001F\u007F]*$/;

/** A tenant's own SMTP server: settings in the EMAIL node, the password encrypted in integration_secrets. */
export const ZSmtpSettingsSchema = z
  .object({
    host: zText({ min: 1, max: TEXT_LIMITS.smtpField }).pipe(zPattern(/^[a-zA-Z0-9.-]+$/, { message: "validation.hostname" })),
    port: z.number().int().min(1).max(65535),
    secure: z.boolean(),
    user: zText({ max: TEXT_LIMITS.smtpField }),
    /** Empty or absent keeps the stored password. Kept as typed (spaces may be part of it); control characters refused. */
    password: zPattern(PRINTABLE, {
      message: "validation.controlCharacters",
      max: 500,
      tooLong: "validation.tooLongChars",
    }).optional(),
  })
  .strict();

export async function setSmtpSettings(db: TenantDb, input: z.infer<typeof ZSmtpSettingsSchema>, actorUserId: string): Promise<void> {
  const { password, ...rest } = input;
  const existing = await db.integrationSecret.findUnique({
    where: { tenantId_provider: { tenantId: db.tenantId, provider: "smtp" } },
    select: { id: true },
  });
  if (password) await putIntegrationSecret(db, "smtp", password);
  await writeConfig(db, "EMAIL", { smtp: { ...rest, hasPassword: Boolean(password) || Boolean(existing) } }, actorUserId);
}

export async function clearSmtpSettings(db: TenantDb, actorUserId: string): Promise<void> {
  await deleteIntegrationSecret(db, "smtp");
  await writeConfig(db, "EMAIL", { smtp: null }, actorUserId);
}

export async function listSentEmail(db: TenantDb, options: { limit: number; cursor?: string }) {
  const rows = await db.emailMessage.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.limit + 1,
    ...(options.cursor ? { cursor: { id: options.cursor }, skip: 1 } : {}),
    select: { id: true, toAddress: true, subject: true, kind: true, status: true, provider: true, error: true, createdAt: true },
  });
  const page = rows.slice(0, options.limit);
  return { emails: page, nextCursor: rows.length > options.limit ? (page.at(-1)?.id ?? null) : null };
}
