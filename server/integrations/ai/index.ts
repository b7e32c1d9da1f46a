import { env } from "../../env.server";
import { createLocalAi } from "./local";
import { createOpenAiPort } from "./openai";
import type { AiPort } from "./port";

export * from "./port";
export { createLocalAi, heuristicSummary } from "./local";
export { createOpenAiPort, type OpenAiPortOptions } from "./openai";

/**
 * The AI adapter of this process: OpenAI when OPENAI_API_KEY is set, else the offline one.
 * Held on globalThis (the server is bundled twice); tests install their own.
 */
const INSTALLED = Symbol.for("servicepro.aiPort");
const DEFAULT = Symbol.for("servicepro.aiPort.default");
type Holder = Record<symbol, AiPort | undefined>;

/** How long one model call may take before it counts as unavailable. */
const OPENAI_TIMEOUT_MS = 30_000;

export function aiPort(): AiPort {
  const g = globalThis as Holder;
  const installed = g[INSTALLED];
  if (installed) return installed;
  g[DEFAULT] ??= aiPortFromEnv();
  return g[DEFAULT];
}

/** The adapter the environment asks for (not cached). */
export function aiPortFromEnv(): AiPort {
  const e = env();
  if (!e.OPENAI_API_KEY) return createLocalAi();
  return createOpenAiPort({
    apiKey: e.OPENAI_API_KEY,
    model: e.OPENAI_MODEL,
    transcribeModel: e.OPENAI_TRANSCRIBE_MODEL,
    // The job step retries on AiUnavailableError; in tests the mock decides every answer.
    maxRetries: e.NODE_ENV === "test" ? 0 : 2,
    timeoutMs: OPENAI_TIMEOUT_MS,
  });
}

/** Tests install an adapter of their choosing (undefined puts the environment's default back). */
export function installAiPort(port: AiPort | undefined): void {
  const g = globalThis as Holder;
  g[INSTALLED] = port;
  g[DEFAULT] = undefined;
}
