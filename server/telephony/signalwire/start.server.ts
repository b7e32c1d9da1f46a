import { fork, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import type { TEnv } from "../../env.server";
import { isSignalWireConfigured } from "../../env.server";
import { installSmsPort } from "../../integrations/sms";
import { logger } from "../../observability/logger.server";
import { carrierCallFlow } from "../calls/call-flow.server";
import { closeSignalWireClient, signalWireClient, signalWireSmsPort } from "./client.server";
import { startTelephonyWorker, type RelayClientLike } from "./worker.server";

/**
 * Telephony at start-up, only when SignalWire keys are set (otherwise the product runs on
 * the local SMS adapter and the dashboard's simulator):
 *  - every process sends texts through SignalWire (the SMS port);
 *  - the telephony worker (Relay listeners for calls and texts) runs as its own process
 *    (build/telephony-worker.js) on a PostgreSQL server, restarted if it dies; on the
 *    embedded database, which one process owns, it runs inside the web process.
 */
export interface TelephonyHandle {
  mode: "off" | "in-process" | "worker-process";
  stop(): Promise<void>;
}

export function installSignalWireSms(e: TEnv): boolean {
  if (!isSignalWireConfigured(e)) return false;
  installSmsPort(signalWireSmsPort());
  return true;
}

/** The worker's own body: connect to Relay and listen until stopped. */
export async function runTelephonyWorker(e: TEnv): Promise<{ stop(): Promise<void> }> {
  installSignalWireSms(e);
  const client = (await signalWireClient()) as unknown as RelayClientLike;
  const worker = await startTelephonyWorker(client, { topic: e.SIGNALWIRE_TOPIC, flow: carrierCallFlow("signalwire") });
  return {
    async stop() {
      await worker.stop();
      await closeSignalWireClient();
    },
  };
}

export async function startTelephony(e: TEnv, databaseKind: "postgres" | "pglite"): Promise<TelephonyHandle> {
  if (!installSignalWireSms(e)) return { mode: "off", stop: async () => {} };
  const script = path.resolve("build/telephony-worker.js");
  if (databaseKind === "pglite" || !existsSync(script)) {
    const worker = await runTelephonyWorker(e);
    return { mode: "in-process", stop: () => worker.stop() };
  }
  let child: ChildProcess | null = null;
  let stopping = false;
  let restarts = 0;
  const spawn = () => {
    child = fork(script, [], { stdio: "inherit", env: process.env });
    child.on("exit", (code) => {
      if (stopping) return;
      restarts += 1;
      const delay = Math.min(30_000, 1000 * 2 ** Math.min(restarts, 5));
      logger.error({ code, restartInMs: delay }, "telephony worker exited; restarting");
      setTimeout(spawn, delay).unref();
    });
  };
  spawn();
  return {
    mode: "worker-process",
    async stop() {
      stopping = true;
      const running = child as ChildProcess | null;
      if (!running || running.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        running.once("exit", () => resolve());
        running.kill("SIGTERM");
        setTimeout(() => {
          running.kill("SIGKILL");
          resolve();
        }, 10_000).unref();
      });
    },
  };
}
