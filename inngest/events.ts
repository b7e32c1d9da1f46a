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
    node: z.enum(["PHONE", "EMAIL", "AI", "BILLING", "SITE", "HOURS", "LOYALTY"]),
    version: z.number().int(),
    changedByUserId: z.string().nullable(),
  }),
});

export const tenantStatusChanged = eventType("tenant/status-changed", {
  schema: z.object({ tenantId: z.string(), status: z.enum(["ACTIVE", "SUSPENDED"]), reason: z.string().nullable() }),
});

/** Every event type, by name (the outbox validates payloads against these). */
export const EVENT_TYPES = {
  [tenantCreated.name]: tenantCreated,
  [memberInvited.name]: memberInvited,
  [memberJoined.name]: memberJoined,
  [configChanged.name]: configChanged,
  [tenantStatusChanged.name]: tenantStatusChanged,
} as const;

export type TEventName = keyof typeof EVENT_TYPES;
export type TEventData<N extends TEventName> = z.infer<(typeof EVENT_TYPES)[N]["schema"]>;
