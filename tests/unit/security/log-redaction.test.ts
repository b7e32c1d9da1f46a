import { execFile } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

/**
 * The real logger (server/observability/logger.server.ts) in a child process, so the
 * test sees exactly the JSON lines production writes to stdout.
 */
const run = promisify(execFile);
const LOGGER_URL = pathToFileURL(path.resolve(__dirname, "../../../server/observability/logger.server.ts")).href;

const SECRETS = {
  password: "hunter2-password-value",
  token: "tok_live_5e3f9a",
  cookie: "__session=eyJhbGciOiJSUzI1NiJ9.cookie-value",
  authorization: "Bearer sk_live_authorization_value",
  apiKey: "sk_live_nested_api_key",
  secret: "whsec_nested_secret",
};

async function logLine(entry: Record<string, unknown>): Promise<{ raw: string; line: Record<string, unknown> }> {
  const script = `const { logger } = await import(${JSON.stringify(LOGGER_URL)}); logger.info(${JSON.stringify(entry)}, "redaction probe");`;
  const { stdout } = await run(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    cwd: path.resolve(__dirname, "../../.."),
    env: { ...process.env, LOG_LEVEL: "info", NODE_ENV: "production" },
    timeout: 30_000,
  });
  const raw = stdout.trim();
  expect(raw.split("\n")).toHaveLength(1);
  return { raw, line: JSON.parse(raw) as Record<string, unknown> };
}

describe("log redaction", () => {
  it("redacts password, token and the cookie header", async () => {
    const { raw, line } = await logLine({
      password: SECRETS.password,
      token: SECRETS.token,
      headers: { cookie: SECRETS.cookie },
      userId: "user-1",
    });
    expect(line).toMatchObject({
      msg: "redaction probe",
      password: "[redacted]",
      token: "[redacted]",
      headers: { cookie: "[redacted]" },
      userId: "user-1",
    });
    expect(raw).toContain("[redacted]");
    for (const value of [SECRETS.password, SECRETS.token, SECRETS.cookie]) expect(raw).not.toContain(value);
  });

  it("redacts the same keys one level down (authorization, apiKey, secret, a request's cookie)", async () => {
    const { raw, line } = await logLine({
      user: { email: "a@b.test", password: SECRETS.password },
      integration: { apiKey: SECRETS.apiKey, secret: SECRETS.secret },
      headers: { authorization: SECRETS.authorization },
      req: { headers: { cookie: SECRETS.cookie } },
    });
    expect(line).toMatchObject({
      user: { email: "a@b.test", password: "[redacted]" },
      integration: { apiKey: "[redacted]", secret: "[redacted]" },
      headers: { authorization: "[redacted]" },
      req: { headers: { cookie: "[redacted]" } },
    });
    for (const value of [SECRETS.password, SECRETS.apiKey, SECRETS.secret, SECRETS.authorization, SECRETS.cookie])
      expect(raw).not.toContain(value);
  });
});

describe("log redaction, deeper", () => {
  it("redacts authorization and secrets two and three levels down (a request inside an error context)", async () => {
    const { raw, line } = await logLine({
      req: { headers: { authorization: SECRETS.authorization, "set-cookie": SECRETS.cookie } },
      ctx: { integration: { smtp: { password: SECRETS.password } } },
    });
    expect(line).toMatchObject({
      req: { headers: { authorization: "[redacted]", "set-cookie": "[redacted]" } },
      ctx: { integration: { smtp: { password: "[redacted]" } } },
    });
    for (const value of [SECRETS.password, SECRETS.authorization, SECRETS.cookie]) expect(raw).not.toContain(value);
  });
});
