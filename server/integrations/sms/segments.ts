import { SegmentedMessage } from "sms-segments-calculator";

/**
 * SMS segment arithmetic (what carriers bill), shared by the adapters, the usage ledger and
 * the reply box's counter. The splitting itself is Twilio's maintained calculator
 * (sms-segments-calculator): it knows that a GSM-7 extension character (€, [, ~…) is two
 * septets that never straddle two segments, and that an emoji (a UTF-16 surrogate pair) is
 * never cut in half, so a boundary can cost one more segment than length / 153 says.
 * tests/unit/sms/segments.test.ts pins those boundaries.
 */
export interface SmsLength {
  encoding: "GSM-7" | "UCS-2";
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) of the text itself, without segment headers. */
  units: number;
  /** Segments billed; 0 for an empty text (nothing is sent). */
  segments: number;
}

export function smsLength(body: string): SmsLength {
  if (body === "") return { encoding: "GSM-7", units: 0, segments: 0 };
  const message = new SegmentedMessage(body, "auto");
  const encoding = message.encodingName;
  const bitsPerUnit = encoding === "GSM-7" ? 7 : 16;
  return { encoding, units: Math.round(message.messageSize / bitsPerUnit), segments: message.segmentsCount };
}
