import pino from "pino";
import { requestContext } from "./request-context.server";

/**
 * Structured JSON logs. Every line carries the request id and tenant id when there is a
 * request in flight. Secrets are redacted by key name wherever they appear.
 */
const SECRET_KEYS = [
  "password",
  "passwordHash",
  "token",
  "secret",
  "apiKey",
  "ciphertext",
  "authorization",
  "cookie",
  "set-cookie",
  "refreshToken",
  "accessToken",
];
// pino's redaction matches exact paths: cover the key at the top level and up to three levels deep.
const REDACT = SECRET_KEYS.flatMap((k) => {
  const key = /^[A-Za-z_$][\w$]*$/.test(k) ? k : `["${k}"]`;
  const join = (prefix: string) => (key.startsWith("[") ? `${prefix}${key}` : `${prefix}.${key}`);
  return [key, join("*"), join("*.*"), join("*.*.*")];
});

function level(): pino.LevelWithSilent {
  const v = process.env.LOG_LEVEL;
  return v === "fatal" || v === "error" || v === "warn" || v === "info" || v === "debug" || v === "trace" || v === "silent" ? v : "info";
}

export const logger = pino({
  level: level(),
  base: { service: "servicepro" },
  redact: { paths: REDACT, censor: "[redacted]" },
  timestamp: pino.stdTimeFunctions.isoTime,
  mixin() {
    const ctx = requestContext();
    return ctx ? { requestId: ctx.requestId, tenantId: ctx.tenantId, userId: ctx.userId } : {};
  },
});

export type Logger = typeof logger;
