import type { TenantDb } from "../db/db.server";
import { EVENT_TYPES, type TEventData, type TEventName } from "../../inngest/events";

/**
 * Records a domain event in the outbox, inside the caller's transaction: the event exists
 * if and only if the change that caused it was committed. Delivery happens afterwards
 * (server/jobs/outbox-relay.server.ts).
 */
export async function emitEvent<N extends TEventName>(db: TenantDb, name: N, data: TEventData<N>): Promise<string> {
  const parsed = EVENT_TYPES[name].schema.parse(data);
  if ("tenantId" in parsed && parsed.tenantId !== db.tenantId) {
    throw new Error(`emitEvent: event ${name} names tenant ${parsed.tenantId} inside tenant ${db.tenantId}`);
  }
  const row = await db.outboxEvent.create({ data: { tenantId: db.tenantId, name, data: parsed }, select: { id: true } });
  wakeRelayAfterCommit(db);
  return row.id;
}

/** Wakes this process's relay once the caller's unit of work commits (new or revived events). */
export function wakeRelayAfterCommit(db: TenantDb): void {
  db.afterCommit(() => committedListener()?.());
}

// The server bundles this module twice (Remix build and server entry), so the listener
// lives on globalThis rather than in a module variable.
const LISTENER = Symbol.for("servicepro.outboxCommitted");
const committedListener = () => (globalThis as Record<symbol, (() => void) | undefined>)[LISTENER];

/** Called after any unit of work that emitted events commits (the relay delivers at once instead of at its next poll). */
export function onOutboxCommitted(listener: (() => void) | undefined): void {
  (globalThis as Record<symbol, (() => void) | undefined>)[LISTENER] = listener;
}
