import { statSync, watch } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { broadcastDevReady, type ServerBuild } from "@remix-run/node";
import { bootPlatform } from "./boot.server";
import { env, EnvError } from "./env.server";
import { createHttpApp } from "./http/app.server";
import { startTelephony } from "./telephony/signalwire/start.server";
import { logger } from "./observability/logger.server";

/**
 * The production entry (bundled to build/server.js): validate the environment, migrate,
 * seed the demo business on first run, start durable work, then serve HTTP.
 */
async function main() {
  const started = Date.now();
  let config;
  try {
    config = env();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(`\n${error.message}\n\nSee README.md, "Configuration".\n`);
      process.exit(1);
    }
    throw error;
  }

  const platform = await bootPlatform({ log: (line) => logger.info(line) });
  // SignalWire keys set: texts go out through SignalWire and the telephony worker listens for calls and texts.
  const telephony = await startTelephony(config, platform.databaseKind);
  const buildPath = path.resolve("build/index.js");
  const loadBuild = async () => (await import(`${pathToFileURL(buildPath).href}?t=${statSync(buildPath).mtimeMs}`)) as ServerBuild;
  let build = await loadBuild();
  // `npm run dev`: `remix dev` rebuilds on change; pick up each new build and tell the
  // browser to reload. (Server-only files restart this process through `tsx watch`.)
  const dev = Boolean(process.env.REMIX_DEV_ORIGIN);
  if (dev) {
    let timer: NodeJS.Timeout | undefined;
    watch(path.dirname(buildPath), () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        build = await loadBuild();
        await broadcastDevReady(build);
      }, 100);
    });
  }
  const app = createHttpApp({
    build: dev ? async () => build : build,
    mode: config.NODE_ENV === "production" ? "production" : "development",
    readiness: platform.readiness,
    trustProxy: config.TRUST_PROXY,
  });
  const server = app.listen(config.PORT, () => {
    const url = config.APP_URL ?? `http://localhost:${config.PORT}`;
    const lines = [``, `  ServicePro is running at ${url}  (started in ${((Date.now() - started) / 1000).toFixed(1)} s)`];
    if (platform.demo) {
      lines.push(
        `  Demo business:  ${platform.demo.businessName}  ->  ${url}/s/${platform.demo.slug}`,
        `  Demo owner:     ${platform.demo.email}  /  ${platform.demo.password}   (sign in at ${url}/sign-in)`,
      );
      if (platform.demo.adminEmail) lines.push(`  Platform admin: ${platform.demo.adminEmail}  /  ${platform.demo.password}`);
    }
    lines.push(
      `  Deployment: ${config.APP_ENV === "production" ? "production (APP_ENV=production)" : "local (APP_ENV unset or local)"}   Build: ${config.NODE_ENV}`,
      `  Database: ${platform.databaseKind === "pglite" ? `embedded (${platform.dataDir})` : "PostgreSQL server"}   Jobs: ${platform.jobsMode}   Sign-in: ${platform.authProvider}   Phone: ${telephony.mode === "off" ? "simulator (no SignalWire keys)" : `SignalWire (${telephony.mode})`}`,
      ``,
    );
    console.log(lines.join("\n"));
    if (dev) void broadcastDevReady(build);
  });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, "shutting down");
    server.close();
    await telephony.stop();
    await platform.stop();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
