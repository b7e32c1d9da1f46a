import { closeDatabase, getDatabase } from "./db/db.server";
import { env, EnvError } from "./env.server";
import { logger } from "./observability/logger.server";
import { runTelephonyWorker } from "./telephony/signalwire/start.server";

/**
 * The telephony worker process (bundled to build/telephony-worker.js), started by the web
 * process when SignalWire keys are set: Relay listeners for inbound calls and texts. It
 * shares the PostgreSQL server with the web tier; texts it stores reach the durable
 * functions through the outbox.
 */
async function main() {
  let config;
  try {
    config = env();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(`\n${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  if (!config.DATABASE_URL) {
    console.error(
      "The telephony worker needs DATABASE_URL (a PostgreSQL server); on the embedded database it runs inside the web process.",
    );
    process.exit(1);
  }
  await getDatabase();
  const worker = await runTelephonyWorker(config);
  const shutdown = async (signal: string) => {
    logger.info({ signal }, "telephony worker stopping");
    await worker.stop();
    await closeDatabase();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error) => {
  logger.error({ err: (error as Error).message }, "telephony worker failed to start");
  process.exit(1);
});
