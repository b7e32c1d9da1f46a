import { SmsSendError, type SmsPort, type SmsSendOptions } from "./port";
import { smsLength } from "./segments";

/**
 * REAL ADAPTER — texts go out through SignalWire's Relay messaging API
 * (@signalwire/realtime-api `client.messaging.send`). The sending number is the
 * tenant's own (PHONE node), so replies come back to the business.
 */
export interface SignalWireMessagingLike {
  send(params: { from: string; to: string; body: string; context?: string; tags?: string[] }): Promise<unknown>;
}

export interface SignalWireSmsOptions {
  messaging: () => Promise<SignalWireMessagingLike>;
  /** The tenant's SignalWire number (E.164), or null when the business has none set up. */
  fromFor: (tenantId: string) => Promise<string | null>;
  topic: string;
}

export function createSignalWireSms(options: SignalWireSmsOptions): SmsPort {
  return {
    provider: "signalwire",
    async send(to: string, body: string, sendOptions: SmsSendOptions) {
      const from = sendOptions.from ?? (await options.fromFor(sendOptions.tenantId));
      if (!from) throw new SmsSendError("this business has no phone number set up", true);
      let result: unknown;
      try {
        const messaging = await options.messaging();
        result = await messaging.send({ from, to, body, context: options.topic, tags: [`tenant:${sendOptions.tenantId}`] });
      } catch (error) {
        throw new SmsSendError(`SignalWire refused the message: ${describe(error)}`, isPermanent(error));
      }
      const id = messageIdOf(result);
      if (!id) throw new SmsSendError("SignalWire answered without a message id", false);
      return { providerMessageId: id, segments: smsLength(body).segments };
    },
  };
}

/** Relay answers `{ code: "200", message: "…", messageId }` (older builds: `message_id`). */
export function messageIdOf(result: unknown): string | null {
  if (!result || typeof result !== "object") return null;
  const r = result as Record<string, unknown>;
  const id = r.messageId ?? r.message_id ?? r.id;
  return typeof id === "string" && id ? id : null;
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message.slice(0, 200);
  if (error && typeof error === "object") {
    const e = error as Record<string, unknown>;
    return String(e.message ?? e.code ?? "unknown").slice(0, 200);
  }
  return String(error).slice(0, 200);
}

/** A 4xx from Relay (bad number, unverified sender, blocked destination) will not change on retry. */
function isPermanent(error: unknown): boolean {
  const code = error && typeof error === "object" ? String((error as Record<string, unknown>).code ?? "") : "";
  return /^4\d\d$/.test(code) && code !== "429";
}
