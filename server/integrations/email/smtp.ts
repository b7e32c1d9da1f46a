import nodemailer from "nodemailer";
import type { EmailPort } from "./port";

export interface SmtpSettings {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  password: string | null;
}

/** Real delivery through an SMTP server (the tenant's own, or the platform's SMTP_URL). */
export function createSmtpEmail(settings: SmtpSettings | string): EmailPort {
  const transport =
    typeof settings === "string"
      ? nodemailer.createTransport(settings)
      : nodemailer.createTransport({
          host: settings.host,
          port: settings.port,
          secure: settings.secure,
          auth: settings.user ? { user: settings.user, pass: settings.password ?? "" } : undefined,
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 20_000,
        });
  return {
    provider: "smtp",
    async send(email) {
      const info = await transport.sendMail({
        from: email.from,
        to: email.to,
        replyTo: email.replyTo ?? undefined,
        subject: email.subject,
        text: email.text,
        html: email.html,
      });
      return { providerMessageId: typeof info.messageId === "string" ? info.messageId : null };
    },
  };
}
