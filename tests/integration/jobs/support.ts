import { randomUUID } from "node:crypto";
import { withGlobal, withTenant } from "../../../server/db/db.server";
import { createRunsForEvent, type AnyInngestFunction } from "../../../server/jobs/local-runner.server";

/** Helpers shared by the jobs integration tests (not a test file itself). */

export const uid = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

export async function createTenant(prefix = "jobs"): Promise<string> {
  const slug = uid(prefix);
  const tenant = await withGlobal((g) =>
    g.tenant.create({
      data: { slug, name: `Jobs ${slug}`, industryPackKey: "auto-detailing", timeZone: "America/Chicago", defaultLocale: "en" },
    }),
  );
  return tenant.id;
}

/** A clock the test moves by hand (sleeps and backoffs pass without waiting). */
export function manualClock(start = new Date()) {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    advance(ms: number) {
      t += ms;
    },
    set(date: Date) {
      t = date.getTime();
    },
  };
}

/** Starts runs for an event directly (what the relay does for an outbox row). */
export async function enqueue(
  functions: readonly AnyInngestFunction[],
  name: string,
  data: Record<string, unknown> = {},
  id = randomUUID(),
) {
  await withGlobal((g) => createRunsForEvent(g, functions, { id, name, data, ts: Date.now() }));
  return id;
}

export async function runFor(functionId: string, eventId: string) {
  const run = await withGlobal((g) =>
    g.jobRun.findUnique({
      where: { functionId_eventId: { functionId, eventId } },
      include: { steps: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] } },
    }),
  );
  if (!run) throw new Error(`no run of ${functionId} for event ${eventId}`);
  return run;
}

export async function auditActions(tenantId: string): Promise<string[]> {
  const rows = await withTenant(tenantId, (db) => db.auditEntry.findMany({ orderBy: { createdAt: "asc" }, select: { action: true } }));
  return rows.map((r) => r.action);
}

export const count = (list: string[], value: string) => list.filter((v) => v === value).length;
