import { isIP } from "node:net";
import { z } from "zod";

/**
 * Environment, validated once at boot. Every variable is optional in development so
 * `npm start` works on a fresh laptop with no keys; production refuses to boot without
 * the secrets it needs, with a message naming each one.
 */
const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());

/** Names Express (proxy-addr) knows for address ranges, besides IPv4/IPv6 addresses and CIDRs. */
const PROXY_RANGE_NAMES = new Set(["loopback", "linklocal", "uniquelocal"]);
const isProxyAddress = (v: string) => {
  if (PROXY_RANGE_NAMES.has(v)) return true;
  const [address, bits, ...rest] = v.split("/");
  const family = isIP(address ?? "");
  if (!family || rest.length) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d{1,3}$/.test(bits) && n <= (family === 4 ? 32 : 128);
};

/**
 * TRUST_PROXY, read like Express's "trust proxy": "true"/"false", a hop count ("1": one
 * load balancer in front), or a comma list of proxy addresses, CIDRs and range names.
 * Unset or "false": X-Forwarded-For is ignored and the socket's address is the client.
 */
export const ZTrustProxySchema = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .optional()
    .transform((raw, ctx): boolean | number | string[] => {
      const v = raw?.trim().toLowerCase();
      if (v === undefined || v === "false" || v === "0") return false;
      if (v === "true") return true;
      if (/^\d+$/.test(v)) return Number(v);
      const list = v
        .split(",")
        .map((e) => e.trim())
        .filter(Boolean);
      const bad = list.filter((e) => !isProxyAddress(e));
      if (bad.length || !list.length) {
        ctx.addIssue({
          code: "custom",
          message: `TRUST_PROXY must be true, false, a hop count or a list of addresses/CIDRs (loopback, linklocal, uniquelocal allowed); not ${bad.join(", ") || "empty"}`,
        });
        return z.NEVER;
      }
      return list;
    }),
);

const ZEnvSchema = z
  .object({
    /** React/Remix build mode only (`npm start` sets production: the optimised build). Says nothing about the deployment. */
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    /**
     * What kind of deployment this is (ADR 0011). `production` = a real deployment: real keys required,
     * no local sign-in, no demo seed, secure cookies. `local` (default) = a laptop, CI or the bench, even
     * when it serves the production build.
     */
    APP_ENV: z.preprocess(emptyToUndefined, z.enum(["local", "production"]).default("local")),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    APP_URL: z.preprocess(emptyToUndefined, z.url().optional()),
    /** Root domain under which tenants get <slug>.<APP_DOMAIN>. */
    APP_DOMAIN: z.preprocess(emptyToUndefined, z.string().default("localhost")),
    DATABASE_URL: z.preprocess(emptyToUndefined, z.string().startsWith("postgres").optional()),
    DATA_DIR: z.preprocess(emptyToUndefined, z.string().default(".data")),
    SESSION_SECRET: optionalString,
    ENCRYPTION_KEY: optionalString,
    CLERK_PUBLISHABLE_KEY: optionalString,
    CLERK_SECRET_KEY: optionalString,
    CLERK_JWT_KEY: optionalString,
    INNGEST_EVENT_KEY: optionalString,
    INNGEST_SIGNING_KEY: optionalString,
    INNGEST_BASE_URL: optionalString,
    TRUST_PROXY: ZTrustProxySchema,
    /** Public (signed-out) API calls allowed per minute from one client address, and to one business from everyone. */
    PUBLIC_RATE_LIMIT_PER_CLIENT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).default(120)),
    PUBLIC_RATE_LIMIT_PER_TENANT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).default(1200)),
    REDIS_URL: z.preprocess(emptyToUndefined, z.string().startsWith("redis").optional()),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    PLATFORM_ADMIN_EMAILS: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .optional()
        .transform((v) =>
          v
            ? v
                .split(",")
                .map((e) => e.trim().toLowerCase())
                .filter(Boolean)
            : [],
        ),
    ),
    /**
     * Seed the demo business and its logins at boot: `1`/`true` yes, `0`/`false` no. Unset = yes on a
     * local install, never in a production deployment (APP_ENV=production), where it must be asked for.
     */
    SEED_DEMO: z.preprocess(
      emptyToUndefined,
      z
        .enum(["true", "1", "yes", "false", "0", "no"], { message: "SEED_DEMO must be 1/true/yes or 0/false/no" })
        .optional()
        .transform((v) => (v === undefined ? undefined : ["true", "1", "yes"].includes(v))),
    ),
    /** The platform's SMTP server (smtp://user:pass@host:587) for tenants without their own; unset = dev mailbox. */
    SMTP_URL: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^smtps?:\/\//)
        .optional(),
    ),
    /** Sender address for platform email (the tenant's name is shown as the sender name). */
    EMAIL_FROM: z.preprocess(emptyToUndefined, z.email().optional()),
    /** Google OAuth client (web application) for Google Calendar; both unset = bookings stay in ServicePro. */
    GOOGLE_CLIENT_ID: optionalString,
    GOOGLE_CLIENT_SECRET: optionalString,
    /** SignalWire project and token (Relay): both set = the telephony worker runs and texts go out through SignalWire. */
    SIGNALWIRE_PROJECT_ID: optionalString,
    SIGNALWIRE_API_TOKEN: optionalString,
    /** Relay host override (tests point it at a local fake relay). */
    SIGNALWIRE_HOST: optionalString,
    /** The Relay topic (context) the business numbers are configured to deliver to. */
    SIGNALWIRE_TOPIC: z.preprocess(emptyToUndefined, z.string().default("servicepro")),
    /** OpenAI key for the AI agent, voicemail transcription and call summaries; unset = the offline (template) assistant. */
    OPENAI_API_KEY: optionalString,
    OPENAI_MODEL: z.preprocess(emptyToUndefined, z.string().default("gpt-4o-mini")),
    OPENAI_TRANSCRIBE_MODEL: z.preprocess(emptyToUndefined, z.string().default("whisper-1")),
  })
  .superRefine((env, ctx) => {
    if (env.APP_ENV !== "production") return;
    const required: Array<[keyof typeof env, string]> = [
      ["SESSION_SECRET", "signs session and CSRF cookies"],
      ["ENCRYPTION_KEY", "encrypts integration secrets at rest (32 bytes, base64)"],
      ["DATABASE_URL", "the PostgreSQL server; the embedded database is for development"],
      ["APP_URL", "the public base URL used in links and OAuth callbacks"],
    ];
    for (const [key, why] of required) {
      if (!env[key]) ctx.addIssue({ code: "custom", path: [key], message: `${key} is required in production: ${why}` });
    }
    if (!env.CLERK_SECRET_KEY || !env.CLERK_PUBLISHABLE_KEY) {
      ctx.addIssue({
        code: "custom",
        path: ["CLERK_SECRET_KEY"],
        message: "CLERK_SECRET_KEY and CLERK_PUBLISHABLE_KEY are required in production: the local sign-in never runs there",
      });
    }
  });

export type TEnv = z.infer<typeof ZEnvSchema>;

export class EnvError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): TEnv {
  const result = ZEnvSchema.safeParse(source);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)));
  }
  return result.data;
}

let cached: TEnv | undefined;

/** The validated environment of this process (parsed on first use). */
export function env(): TEnv {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Tests change process.env between cases; they call this to re-read it. */
export function resetEnvCache(): void {
  cached = undefined;
}

/** A real deployment (APP_ENV=production): strict checks, no development fallbacks. NODE_ENV does not decide this. */
export const isProductionDeployment = (e: Pick<TEnv, "APP_ENV"> = env()) => e.APP_ENV === "production";

export const isClerkConfigured = (e: TEnv = env()) => Boolean(e.CLERK_SECRET_KEY && e.CLERK_PUBLISHABLE_KEY);
export const isInngestCloudConfigured = (e: TEnv = env()) => Boolean(e.INNGEST_EVENT_KEY && e.INNGEST_SIGNING_KEY);
export const isSignalWireConfigured = (e: TEnv = env()) => Boolean(e.SIGNALWIRE_PROJECT_ID && e.SIGNALWIRE_API_TOKEN);
export const isOpenAiConfigured = (e: TEnv = env()) => Boolean(e.OPENAI_API_KEY);
