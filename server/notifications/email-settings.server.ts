import { z } from "zod";
import { writeConfig } from "../config/config-service.server";
import type { TenantDb } from "../db/db.server";
import { deleteIntegrationSecret, putIntegrationSecret } from "../integrations/secrets.server";

/** A tenant's own SMTP server: settings in the EMAIL node, the password encrypted in integration_secrets. */
export const ZSmtpSettingsSchema = z
  .object({
    host: z
      .string()
      .trim()
      .min(1, { message: "validation.required" })
      .max(255)
      .regex(/^[a-zA-Z0-9.-]+$/, { message: "validation.hostname" }),
    port: z.number().int().min(1).max(65535),
    secure: z.boolean(),
    user: z.string().trim().max(255),
    /** Empty or absent keeps the stored password. */
    password: z.string().max(500).optional(),
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
