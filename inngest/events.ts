import { eventType } from "inngest";
import { z } from "zod";

/**
 * Typed events. Domain code never sends these directly: it writes them to the outbox in
 * the same transaction as the change (server/events/outbox.server.ts), and the relay
 * delivers them to Inngest or to the local runner.
 */
export const tenantCreated = eventType("tenant/created", {
  schema: z.object({
    tenantId: z.string(),
    slug: z.string(),
    name: z.string(),
    ownerUserId: z.string(),
    locale: z.enum(["en", "es"]),
  }),
});

export const memberInvited = eventType("member/invited", {
  schema: z.object({ tenantId: z.string(), invitationId: z.string(), email: z.string(), role: z.enum(["OWNER", "MANAGER", "STAFF"]) }),
});

export const memberJoined = eventType("member/joined", {
  schema: z.object({ tenantId: z.string(), userId: z.string(), role: z.enum(["OWNER", "MANAGER", "STAFF"]) }),
});

export const configChanged = eventType("config/changed", {
  schema: z.object({
    tenantId: z.string(),
    node: z.enum(["PHONE", "EMAIL", "AI", "BILLING", "SITE", "HOURS", "LOYALTY", "BOOKING"]),
    version: z.number().int(),
    changedByUserId: z.string().nullable(),
  }),
});

export const tenantStatusChanged = eventType("tenant/status-changed", {
  schema: z.object({ tenantId: z.string(), status: z.enum(["ACTIVE", "SUSPENDED"]), reason: z.string().nullable() }),
});

/** A custom domain proved ownership and now serves the tenant's site. */
export const domainVerified = eventType("domain/verified", {
  schema: z.object({ tenantId: z.string(), domainId: z.string(), hostname: z.string() }),
});

const ZBookingRef = z.object({
  tenantId: z.string(),
  bookingId: z.string(),
  /** The booking's version after the change: consumers ignore work for an older version. */
  version: z.number().int(),
  startsAt: z.string(),
  customerId: z.string().nullable(),
});

/** A booking became CONFIRMED (or REQUESTED when the owner confirms by hand). */
export const bookingCreated = eventType("booking/created", {
  schema: ZBookingRef.extend({ status: z.enum(["REQUESTED", "CONFIRMED"]), source: z.enum(["PUBLIC", "DASHBOARD", "AGENT"]) }),
});
export const bookingConfirmed = eventType("booking/confirmed", { schema: ZBookingRef });
export const bookingRescheduled = eventType("booking/rescheduled", {
  schema: ZBookingRef.extend({ previousStartsAt: z.string(), by: z.enum(["CUSTOMER", "MEMBER", "SYSTEM"]).optional() }),
});
export const bookingCancelled = eventType("booking/cancelled", {
  schema: ZBookingRef.extend({ by: z.enum(["CUSTOMER", "MEMBER", "SYSTEM"]), reason: z.string().nullable() }),
});
export const bookingStatusChanged = eventType("booking/status-changed", {
  schema: ZBookingRef.extend({ from: z.string(), to: z.enum(["IN_PROGRESS", "COMPLETED", "NO_SHOW"]) }),
});

/** A message was stored in a conversation (any channel, any direction). */
export const messageStored = eventType("message/stored", {
  schema: z.object({
    tenantId: z.string(),
    conversationId: z.string(),
    messageId: z.string(),
    customerId: z.string(),
    channel: z.enum(["SMS", "CALL", "VOICEMAIL", "EMAIL", "WEBCHAT", "NOTE"]),
    direction: z.enum(["INBOUND", "OUTBOUND", "INTERNAL"]),
  }),
});

export const CALL_OUTCOMES = ["HUMAN", "AI", "VOICEMAIL", "MISSED", "ABANDONED"] as const;

/** A call finished (real or simulated): missed-call text-back and "always text and notify" start here. */
export const callEnded = eventType("call/ended", {
  schema: z.object({
    tenantId: z.string(),
    callId: z.string(),
    outcome: z.enum(CALL_OUTCOMES),
    /** The caller (E.164) and their customer record, when known. */
    from: z.string(),
    customerId: z.string().nullable(),
    language: z.enum(["en", "es"]),
    simulated: z.boolean(),
  }),
});

/** A caller left a voicemail: stored as a VOICEMAIL message; transcription and summary follow. */
export const voicemailRecorded = eventType("voicemail/recorded", {
  schema: z.object({
    tenantId: z.string(),
    callId: z.string(),
    messageId: z.string(),
    conversationId: z.string(),
    language: z.enum(["en", "es"]),
    /** Where the carrier keeps the audio (null in the simulator: the words are in the message's metadata). */
    recordingUrl: z.string().nullable(),
    durationSeconds: z.number().int().min(0),
  }),
});

/** A customer with a booking coming up opted out with CANCEL (or CANCELAR): texts stopped, the booking still on; the owner is told. */
export const complianceCancelWord = eventType("compliance/cancel-word", {
  schema: z.object({ tenantId: z.string(), messageId: z.string(), customerId: z.string(), bookingId: z.string() }),
});

/** Every event type, by name (the outbox validates payloads against these). */
export const EVENT_TYPES = {
  [tenantCreated.name]: tenantCreated,
  [memberInvited.name]: memberInvited,
  [memberJoined.name]: memberJoined,
  [configChanged.name]: configChanged,
  [tenantStatusChanged.name]: tenantStatusChanged,
  [domainVerified.name]: domainVerified,
  [bookingCreated.name]: bookingCreated,
  [bookingConfirmed.name]: bookingConfirmed,
  [bookingRescheduled.name]: bookingRescheduled,
  [bookingCancelled.name]: bookingCancelled,
  [bookingStatusChanged.name]: bookingStatusChanged,
  [messageStored.name]: messageStored,
  [callEnded.name]: callEnded,
  [voicemailRecorded.name]: voicemailRecorded,
  [complianceCancelWord.name]: complianceCancelWord,
} as const;

export type TEventName = keyof typeof EVENT_TYPES;
export type TEventData<N extends TEventName> = z.infer<(typeof EVENT_TYPES)[N]["schema"]>;
