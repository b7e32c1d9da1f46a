/** Sending one email. Adapters: SMTP through nodemailer (smtp.ts), or the local dev mailbox (local.ts). */
export interface OutgoingEmail {
  from: string;
  to: string;
  replyTo?: string | null;
  subject: string;
  text: string;
  html: string;
}

export interface EmailPort {
  /** "smtp" or "local" — stored with every message so the dev mailbox can say what really happened. */
  readonly provider: string;
  send(email: OutgoingEmail): Promise<{ providerMessageId: string | null }>;
}
