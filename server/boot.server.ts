import path from "node:path";
import { authProvider, type AuthProvider } from "./auth/identity.server";
import { startConfigListener } from "./config/config-listener.server";
import { startInboxListener } from "./conversations/inbox-listener.server";
import { databaseOptionsFromEnv, getDatabase } from "./db/db.server";
import { migrate } from "./db/migrate.server";
import type { DemoLogin } from "./packs/demo/seed-demo.server";
import { seedDemoOnBoot } from "./packs/demo/seed-on-boot.server";
import { env, isInngestCloudConfigured } from "./env.server";
import { startDurableWork } from "./jobs/index.server";
import { functions } from "../inngest/functions";

/**
 * Everything a server process needs before it takes traffic: the database migrated, the
 * demo business on a fresh local install (never in production unless asked for), durable work running, caches listening for changes.
 */
export interface Platform {
  databaseKind: "postgres" | "pglite";
  dataDir?: string;
  jobsMode: "local" | "inngest";
  authProvider: AuthProvider;
  demo: DemoLogin | null;
  readiness(): Promise<{ ok: boolean; checks: Record<string, string> }>;
  stop(): Promise<void>;
}

export async function bootPlatform(options: { log?: (line: string) => void } = {}): Promise<Platform> {
  const log = options.log ?? (() => {});
  const e = env();
  const db = await getDatabase();
  const result = await migrate(db, { log });
  if (result.applied.length) log(`migrations applied: ${result.applied.length}`);

  const demo = await seedDemoOnBoot(e, log);

  const jobs = await startDurableWork({ functions });
  const listener = db.kind === "postgres" && e.DATABASE_URL ? await startConfigListener(e.DATABASE_URL) : null;
  // Other instances' inbox changes reach this one's live streams (one process needs none).
  const inboxListener = db.kind === "postgres" && e.DATABASE_URL ? await startInboxListener(e.DATABASE_URL) : null;
  const options_ = databaseOptionsFromEnv();

  return {
    databaseKind: db.kind,
    dataDir: options_.kind === "pglite" && options_.dataDir ? path.relative(process.cwd(), options_.dataDir) : undefined,
    jobsMode: isInngestCloudConfigured(e) ? "inngest" : "local",
    authProvider: authProvider(),
    demo,
    async readiness() {
      return { ok: true, checks: { jobs: isInngestCloudConfigured(e) ? "inngest" : "local" } };
    },
    async stop() {
      await jobs.stop();
      await listener?.stop();
      await inboxListener?.stop();
      await db.close();
    },
  };
}
