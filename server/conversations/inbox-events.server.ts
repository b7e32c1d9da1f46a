import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { TenantDb } from "../db/db.server";
import { logger } from "../observability/logger.server";
import { MESSAGE_CHANNELS } from "./conversations.types";

/**
 * The inbox's realtime feed. An in-process bus (one per process, on globalThis because the
 * server is bundled twice) fed in two ways:
 *  - this process publishes after its own unit of work commits (db.afterCommit);
 *  - other instances' changes arrive through PostgreSQL NOTIFY on INBOX_CHANNEL
 *    (inbox-listener.server.ts), sent inside the same transaction so it is delivered only
 *    at commit. Each notification names its origin so an instance ignores its own.
 * Subscribers (the SSE route) only ever receive their tenant's events.
 */
export const INBOX_CHANNEL = "servicepro_inbox";

export const ZInboxEventSchema = z.object({
  kind: z.enum(["message.stored", "message.updated", "conversation.updated"]),
  tenantId: z.string().min(1),
  conversationId: z.string().min(1),
  messageId: z.string().nullable(),
  channel: z.enum(MESSAGE_CHANNELS).nullable(),
  direction: z.enum(["INBOUND", "OUTBOUND", "INTERNAL"]).nullable(),
  at: z.string(),
});
export type TInboxEvent = z.infer<typeof ZInboxEventSchema>;
/** Sent to every subscriber when events may have been missed (the NOTIFY connection dropped). */
export type TInboxSignal = TInboxEvent | { kind: "resync"; at: string };

type Listener = (event: TInboxSignal) => void;

export interface InboxBus {
  /** Calls `listener` for each event of `tenantId` (and for resync signals); returns the unsubscribe function. */
  subscribe(tenantId: string, listener: Listener): () => void;
  publish(event: TInboxEvent): void;
  resync(): void;
  /** How many subscribers a tenant has (tests, diagnostics). */
  subscriberCount(tenantId?: string): number;
}

function createInboxBus(): InboxBus {
  const byTenant = new Map<string, Set<Listener>>();
  const deliver = (listener: Listener, event: TInboxSignal) => {
    try {
      listener(event);
    } catch (error) {
      logger.warn({ err: error }, "inbox subscriber failed");
    }
  };
  return {
    subscribe(tenantId, listener) {
      const set = byTenant.get(tenantId) ?? new Set<Listener>();
      set.add(listener);
      byTenant.set(tenantId, set);
      return () => {
        set.delete(listener);
        if (set.size === 0 && byTenant.get(tenantId) === set) byTenant.delete(tenantId);
      };
    },
    publish(event) {
      for (const listener of [...(byTenant.get(event.tenantId) ?? [])]) deliver(listener, event);
    },
    resync() {
      const signal = { kind: "resync" as const, at: new Date().toISOString() };
      for (const set of byTenant.values()) for (const listener of [...set]) deliver(listener, signal);
    },
    subscriberCount(tenantId) {
      if (tenantId) return byTenant.get(tenantId)?.size ?? 0;
      return [...byTenant.values()].reduce((n, s) => n + s.size, 0);
    },
  };
}

const BUS = Symbol.for("servicepro.inboxBus");
const ORIGIN = Symbol.for("servicepro.inboxOrigin");
type Holder = Record<symbol, unknown>;

export function inboxBus(): InboxBus {
  const g = globalThis as Holder;
  g[BUS] ??= createInboxBus();
  return g[BUS] as InboxBus;
}

/** This process's id in NOTIFY payloads (so it skips its own notifications). */
export function inboxOrigin(): string {
  const g = globalThis as Holder;
  g[ORIGIN] ??= randomUUID();
  return g[ORIGIN] as string;
}

/** Announces an inbox change from inside a unit of work: this process hears it after commit, other instances at commit. */
export async function announceInboxEvent(
  db: TenantDb,
  event: Omit<TInboxEvent, "tenantId" | "at" | "messageId" | "channel" | "direction"> &
    Partial<Pick<TInboxEvent, "messageId" | "channel" | "direction">>,
): Promise<void> {
  const full: TInboxEvent = {
    messageId: null,
    channel: null,
    direction: null,
    ...event,
    tenantId: db.tenantId,
    at: new Date().toISOString(),
  };
  await db.$executeRaw`SELECT pg_notify(${INBOX_CHANNEL}, ${JSON.stringify({ origin: inboxOrigin(), event: full })})`;
  db.afterCommit(() => inboxBus().publish(full));
}

/** Parses a NOTIFY payload; null for our own notifications and for anything malformed. */
export function parseInboxNotification(payload: string | undefined, origin = inboxOrigin()): TInboxEvent | null {
  try {
    const parsed = z.object({ origin: z.string(), event: ZInboxEventSchema }).safeParse(JSON.parse(payload ?? ""));
    if (!parsed.success || parsed.data.origin === origin) return null;
    return parsed.data.event;
  } catch {
    return null;
  }
}
