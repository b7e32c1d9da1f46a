import { AsyncLocalStorage } from "node:async_hooks";

/** Per-request facts every log line and audit entry carries. */
export interface RequestContext {
  requestId: string;
  tenantId?: string;
  userId?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithRequestContext<T>(ctx: RequestContext, fn: () => T): T {
  return storage.run(ctx, fn);
}

export function requestContext(): RequestContext | undefined {
  return storage.getStore();
}

/** Adds facts learnt while handling the request (the tenant once resolved, the user once signed in). */
export function annotateRequest(facts: Partial<Omit<RequestContext, "requestId">>): void {
  const ctx = storage.getStore();
  if (ctx) Object.assign(ctx, facts);
}
