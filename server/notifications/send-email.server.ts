import { readConfig } from "../config/config-service.server";
import { withTenant } from "../db/db.server";
import { env } from "../env.server";
import { createSmtpEmail } from "../integrations/email/smtp";
import { localEmail } from "../integrations/email/local";
import type { EmailPort } from "../integrations/email/port";
import { getIntegrationSecret } from "../integrations/secrets.server";
import { logger } from "../observability/logger.server";

/**
 * Sends one email for a tenant and records it in email_messages (the dev mailbox when no
 * SMTP is configured). The tenant's own SMTP settings win; else the platform's SMTP_URL;
 * else the local adapter. The network call happens outside any transaction.
 */
export interface TenantEmail {
  to: string;
  kind: string;
  subject: string;
  text: string;
  html: string;
}

export interface SentEmail {
  id: string;
  status: "SENT" | "STORED" | "FAILED";
  provider: string;
}

type Override = (tenantId: string) => EmailPort | null;
const OVERRIDE = Symbol.for("servicepro.emailOverride");

/** Tests route a tenant's email to an adapter of their choosing. */
export function overrideEmailAdapter(fn: Override | undefined): void {
  (globalThis as Record<symbol, Override | undefined>)[OVERRIDE] = fn;
}

async function adapterFor(tenantId: string): Promise<{ port: EmailPort; fromName: string; replyTo: string | null }> {
  const { email, tenantName, password } = await withTenant(tenantId, async (db) => {
    const [email, tenant] = await Promise.all([
      readConfig(db, "EMAIL"),
      db.tenant.findUniqueOrThrow({ where: { id: db.tenantId }, select: { name: true } }),
    ]);
    const password = email.smtp?.hasPassword ? await getIntegrationSecret(db, "smtp") : null;
    return { email, tenantName: tenant.name, password };
  });
  const fromName = email.fromName || tenantName;
  const override = (globalThis as Record<symbol, Override | undefined>)[OVERRIDE]?.(tenantId);
  if (override) return { port: override, fromName, replyTo: email.replyTo };
  if (email.smtp) return { port: createSmtpEmail({ ...email.smtp, password }), fromName, replyTo: email.replyTo };
  const platform = env().SMTP_URL;
  return { port: platform ? createSmtpEmail(platform) : localEmail, fromName, replyTo: email.replyTo };
}

export async function sendTenantEmail(tenantId: string, message: TenantEmail): Promise<SentEmail> {
  const { port, fromName, replyTo } = await adapterFor(tenantId);
  const fromAddress = env().EMAIL_FROM ?? `no-reply@${env().APP_DOMAIN === "localhost" ? "servicepro.local" : env().APP_DOMAIN}`;
  const from = `"${fromName.replace(/["\\\r\n]/g, "")}" <${fromAddress}>`;
  let status: SentEmail["status"] = port.provider === "local" ? "STORED" : "SENT";
  let providerMessageId: string | null = null;
  let error: string | null = null;
  try {
    ({ providerMessageId } = await port.send({
      from,
      to: message.to,
      replyTo,
      subject: message.subject,
      text: message.text,
      html: message.html,
    }));
  } catch (e) {
    status = "FAILED";
    error = (e as Error).message.slice(0, 500);
    logger.warn({ kind: message.kind, provider: port.provider, err: error }, "email send failed");
  }
  const row = await withTenant(tenantId, (db) =>
    db.emailMessage.create({
      data: {
        tenantId,
        toAddress: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        kind: message.kind,
        status,
        provider: port.provider,
        providerMessageId,
        error,
      },
      select: { id: true },
    }),
  );
  if (status === "FAILED") throw new EmailDeliveryError(error ?? "email delivery failed", row.id);
  return { id: row.id, status, provider: port.provider };
}

/** Delivery failed (recorded); durable callers retry. */
export class EmailDeliveryError extends Error {
  constructor(
    message: string,
    public readonly emailMessageId: string,
  ) {
    super(message);
    this.name = "EmailDeliveryError";
  }
}
