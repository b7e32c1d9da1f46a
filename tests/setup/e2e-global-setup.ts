import { spawn, type ChildProcess } from "node:child_process";
import {
  copyFileSync,
  cpSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  type WriteStream,
} from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { buildStaleness } from "../../scripts/build-freshness.mjs";
import type { TestProject } from "vitest/node";

/**
 * End-to-end tests drive Chromium against ONE real server: built from the current sources
 * (rebuilt only when they changed), started on a free port with a brand-new database (a fresh
 * PGlite data dir, or a fresh database on the PostgreSQL server when DATABASE_URL is set),
 * so the demo business is seeded exactly as on a first `npm start`.
 *
 * Everything the server prints goes to tests/.artifacts/e2e-server.log.
 */
declare module "vitest" {
  export interface ProvidedContext {
    /** e.g. http://localhost:41234 (no trailing slash). */
    e2eBaseUrl: string;
    /** Absolute path of the server log, for failure diagnostics. */
    e2eServerLog: string;
  }
}

const ROOT = fileURLToPath(new URL("../..", import.meta.url)).replace(/\/$/, "");
const ARTIFACTS = path.join(ROOT, "tests/.artifacts");
const SERVER_LOG = path.join(ARTIFACTS, "e2e-server.log");
const READY_TIMEOUT_MS = 120_000;
const BUILD_TIMEOUT_MS = 180_000;

/**
 * process.env without what vitest adds (NODE_ENV=test, VITEST*): the build and the server run
 * as they would from a plain shell (`npm run build`, `npm start`). A build under NODE_ENV=test
 * would be a different build, and build/ is shared with everyone using this checkout.
 */
function shellEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key === "NODE_ENV" || key.startsWith("VITEST")) delete env[key];
  return env;
}

function tail(text: string, lines = 50): string {
  return text.split("\n").slice(-lines).join("\n");
}

function run(cmd: string, args: string[], log: WriteStream, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = "";
    const child = spawn(cmd, args, { cwd: ROOT, env: shellEnv(), stdio: ["ignore", "pipe", "pipe"] });
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      log.write(chunk);
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`\`${cmd} ${args.join(" ")}\` failed (${signal ?? `exit ${code}`}):\n${tail(output)}`));
    });
  });
}

async function ensureBuilt(log: WriteStream): Promise<void> {
  if (!existsSync(path.join(ROOT, "server/db/generated/prisma/client.ts"))) {
    log.write("== e2e: generating the Prisma client\n");
    await run("node", ["scripts/prisma-generate.mjs"], log, BUILD_TIMEOUT_MS);
  }
  const why = buildStaleness(ROOT);
  if (!why) return;
  const started = Date.now();
  console.log(`[e2e] building the app (${why})...`);
  log.write(`== e2e: npm run build (${why})\n`);
  await run("npm", ["run", "build", "--silent"], log, BUILD_TIMEOUT_MS);
  console.log(`[e2e] build done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Every /build/... asset that build/index.js (the server build) links to but `dir`/public lacks. */
function missingAssets(dir: string): string[] {
  const serverBuild = readFileSync(path.join(dir, "build/index.js"), "utf8");
  const assets = new Set(serverBuild.match(/"\/build\/[^"]+\.(?:js|css)"/g)?.map((a) => a.slice(1, -1)) ?? []);
  if (assets.size === 0) return ["(no /build/ assets referenced by build/index.js)"];
  return [...assets].filter((a) => !existsSync(path.join(dir, "public", a)));
}

/**
 * The server runs from a private copy of the build (build/, public/, prisma/migrations), not
 * from the checkout: other people rebuild this checkout while the tests run, and a rebuild
 * deletes the hashed browser assets the running server's pages link to. A copy taken in the
 * middle of someone's build is detected (assets missing) and taken again.
 */
async function snapshotBuild(dest: string, log: WriteStream): Promise<void> {
  let missing: string[] = [];
  for (let attempt = 1; attempt <= 10; attempt++) {
    rmSync(dest, { recursive: true, force: true });
    mkdirSync(dest, { recursive: true });
    try {
      cpSync(path.join(ROOT, "build"), path.join(dest, "build"), { recursive: true });
      cpSync(path.join(ROOT, "public"), path.join(dest, "public"), { recursive: true });
      cpSync(path.join(ROOT, "prisma/migrations"), path.join(dest, "prisma/migrations"), { recursive: true });
      copyFileSync(path.join(ROOT, "package.json"), path.join(dest, "package.json"));
      symlinkSync(path.join(ROOT, "node_modules"), path.join(dest, "node_modules"), "dir");
      missing = missingAssets(dest);
    } catch (error) {
      missing = [`copy failed: ${(error as Error).message}`];
    }
    if (!missing.length) return;
    log.write(`== e2e: build snapshot attempt ${attempt} incomplete (a build is probably running): ${missing.slice(0, 3).join(", ")}\n`);
    if (attempt === 5 && buildStaleness(ROOT)) await ensureBuilt(log);
    await new Promise((r) => setTimeout(r, 2_000));
  }
  throw new Error(`could not take a consistent copy of build/ and public/build/: ${missing.slice(0, 5).join(", ")}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => (port ? resolve(port) : reject(new Error("no free port"))));
    });
  });
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (exited(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

async function waitForReady(baseUrl: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last = "no answer yet";
  while (Date.now() < deadline) {
    if (exited(child)) throw new Error(`the server exited before it was ready (${child.signalCode ?? `exit ${child.exitCode}`})`);
    try {
      const res = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(5_000) });
      if (res.ok) return;
      last = `/readyz answered ${res.status}: ${await res.text()}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server was not ready after ${READY_TIMEOUT_MS / 1000} s (${last})`);
}

export default async function setup(project: TestProject) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const log = createWriteStream(SERVER_LOG, { flags: "w" });
  const started = Date.now();

  await ensureBuilt(log);

  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const tmp = mkdtempSync(path.join(os.tmpdir(), "sp-e2e-"));
  const appDir = path.join(tmp, "app");
  const dataDir = path.join(tmp, "data");
  try {
    await snapshotBuild(appDir, log);
  } catch (error) {
    rmSync(tmp, { recursive: true, force: true });
    log.end();
    throw error;
  }

  // As `npm start` runs it (NODE_ENV=production: the optimised build; APP_ENV unset: local), but
  // with no outside services and no keys from the developer's shell.
  const env: NodeJS.ProcessEnv = {
    ...shellEnv(),
    NODE_ENV: "production",
    PORT: String(port),
    DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
    SEED_DEMO: "true",
  };
  for (const key of [
    "APP_URL",
    "APP_DOMAIN",
    "REDIS_URL",
    "REMIX_DEV_ORIGIN",
    "CLERK_PUBLISHABLE_KEY",
    "CLERK_SECRET_KEY",
    "CLERK_JWT_KEY",
    "INNGEST_EVENT_KEY",
    "INNGEST_SIGNING_KEY",
    "INNGEST_BASE_URL",
    "DATABASE_URL",
    "APP_ENV",
  ])
    delete env[key];

  const serverUrl = process.env.DATABASE_URL?.trim();
  let databaseName: string | null = null;
  if (serverUrl) {
    databaseName = `sp_e2e_${process.pid}`;
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
    await adminQuery(serverUrl, `CREATE DATABASE ${databaseName}`);
    env.DATABASE_URL = withDatabase(serverUrl, databaseName);
  }

  log.write(
    `== e2e: node build/server.js (copy in ${appDir}) on ${baseUrl} (${databaseName ? `PostgreSQL database ${databaseName}` : `PGlite in ${dataDir}`})\n`,
  );
  const child = spawn(process.execPath, ["build/server.js"], { cwd: appDir, env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.pipe(log, { end: false });
  child.stderr!.pipe(log, { end: false });
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);

  const cleanup = async () => {
    process.off("exit", killOnExit);
    if (!exited(child)) {
      child.kill("SIGTERM");
      if (!(await waitForExit(child, 5_000))) {
        log.write("== e2e: the server did not stop within 5 s of SIGTERM; SIGKILL\n");
        child.kill("SIGKILL");
        await waitForExit(child, 5_000);
      }
    }
    rmSync(tmp, { recursive: true, force: true });
    if (serverUrl && databaseName) {
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`).catch((error) => {
        console.warn(`[e2e] could not drop database ${databaseName}: ${(error as Error).message}`);
      });
    }
    await new Promise<void>((resolve) => log.end(resolve));
  };

  try {
    await waitForReady(baseUrl, child);
  } catch (error) {
    await cleanup();
    const output = existsSync(SERVER_LOG) ? tail(readFileSync(SERVER_LOG, "utf8")) : "(no log)";
    console.error(`\n[e2e] ServicePro did not become ready. Last 50 lines of ${path.relative(ROOT, SERVER_LOG)}:\n${output}\n`);
    throw error;
  }
  console.log(
    `[e2e] ServicePro ready at ${baseUrl} in ${((Date.now() - started) / 1000).toFixed(1)} s (${databaseName ? `PostgreSQL ${databaseName}` : "PGlite"}); log: ${path.relative(ROOT, SERVER_LOG)}`,
  );

  project.provide("e2eBaseUrl", baseUrl);
  project.provide("e2eServerLog", SERVER_LOG);
  return cleanup;
}
