import { logger } from "../observability/logger.server";

/**
 * Follow-up work that must not hold up a request (the first sync after a connect, a busy
 * refresh that outlived the booking path's time budget). Failures are logged, never
 * thrown. It is not durable: what it leaves undone stays PENDING in the database and is
 * picked up by the next booking event, "Sync now", or the next connect.
 */
const HOLDER = Symbol.for("servicepro.calendarBackground");
const pending = (): Set<Promise<unknown>> => {
  const g = globalThis as Record<symbol, Set<Promise<unknown>> | undefined>;
  g[HOLDER] ??= new Set();
  return g[HOLDER]!;
};

export function runInBackground(label: string, fn: () => Promise<unknown>): void {
  const p: Promise<unknown> = Promise.resolve()
    .then(fn)
    .catch((err: unknown) => logger.warn({ err, label }, "calendar background work failed"))
    .finally(() => pending().delete(p));
  pending().add(p);
}

/** Waits until every background job started so far (and any they started) has finished. Tests and shutdown. */
export async function settleCalendarBackgroundWork(): Promise<void> {
  while (pending().size) await Promise.allSettled([...pending()]);
}
