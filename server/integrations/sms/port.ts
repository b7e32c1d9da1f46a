/**
 * Sending one text message. Adapters: the local offline adapter (local.ts) today; the
 * SignalWire adapter arrives with the telephony issue (see index.ts for the seam).
 *
 * Consent and quiet hours are NOT the port's job: callers decide whether a text may go
 * (server/conversations/sms-policy.ts) and the port only carries it.
 */
export interface SmsSendOptions {
  /** The sending number (E.164); the adapter's default number for the tenant when omitted. */
  from?: string;
  /** Whose message this is (adapters pick the tenant's number and account by it). */
  tenantId: string;
}

export interface SmsSendResult {
  /** The carrier's id for the message; stored with it so delivery receipts find it again. */
  providerMessageId: string;
  /** How many SMS segments the carrier will bill (GSM-7: 160/153 characters, UCS-2: 70/67). */
  segments: number;
}

export interface SmsPort {
  /** Stored as Message.provider ("local", "signalwire"). */
  readonly provider: string;
  /** Sends `body` to `to` (E.164). Throws SmsSendError when the carrier refuses or cannot be reached. */
  send(to: string, body: string, options: SmsSendOptions): Promise<SmsSendResult>;
}

/** The carrier refused the message (`permanent`) or could not be reached (retry later). */
export class SmsSendError extends Error {
  constructor(
    message: string,
    public readonly permanent: boolean,
  ) {
    super(message);
    this.name = "SmsSendError";
  }
}
