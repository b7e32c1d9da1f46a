import { randomUUID } from "node:crypto";
import { SmsSendError, type SmsPort, type SmsSendOptions } from "./port";
import { smsLength } from "./segments";

/**
 * OFFLINE ADAPTER — nothing leaves the machine. Every "sent" text is kept in memory (the
 * last 500, for tests and local demos) and gets the id `local-<uuid>`, so a stored message
 * always says it was never carried by a real carrier.
 */
export interface LocalSmsRecord {
  providerMessageId: string;
  to: string;
  body: string;
  from: string | null;
  tenantId: string;
  segments: number;
  at: Date;
}

export interface LocalSmsPort extends SmsPort {
  /** Texts "sent" through this adapter, oldest first. */
  sent(): LocalSmsRecord[];
  clear(): void;
  /** Makes the next sends to `to` fail (tests of the FAILED path). */
  failNextTo(to: string, permanent?: boolean): void;
}

const KEEP = 500;

export function createLocalSms(): LocalSmsPort {
  const records: LocalSmsRecord[] = [];
  const failing = new Map<string, boolean>();
  return {
    provider: "local",
    async send(to: string, body: string, options: SmsSendOptions) {
      if (failing.has(to)) {
        const permanent = failing.get(to)!;
        failing.delete(to);
        throw new SmsSendError(`local SMS adapter: simulated failure to ${to}`, permanent);
      }
      const record: LocalSmsRecord = {
        providerMessageId: `local-${randomUUID()}`,
        to,
        body,
        from: options.from ?? null,
        tenantId: options.tenantId,
        segments: smsLength(body).segments,
        at: new Date(),
      };
      records.push(record);
      if (records.length > KEEP) records.splice(0, records.length - KEEP);
      return { providerMessageId: record.providerMessageId, segments: record.segments };
    },
    sent: () => [...records],
    clear: () => void records.splice(0),
    failNextTo(to, permanent = true) {
      failing.set(to, permanent);
    },
  };
}
