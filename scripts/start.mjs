// `npm start`: build if the sources changed since the last build, then serve.
// Works on a fresh machine with nothing but Node 20: the database is embedded (PGlite)
// unless DATABASE_URL is set, and every outside service has a local adapter.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { buildStaleness } from "./build-freshness.mjs";

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: "inherit", shell: process.platform === "win32" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (!existsSync("server/db/generated/prisma/client.ts")) run("node", ["scripts/prisma-generate.mjs"]);
const stale = buildStaleness();
if (stale) {
  console.log(`Building ServicePro (${stale})...`);
  run("npm", ["run", "build", "--silent"]);
}
// Serve the optimised React/Remix build. NODE_ENV is only the build mode: whether this is a real
// deployment (real keys required, no local sign-in, no demo seed) is APP_ENV=production (ADR 0011).
process.env.NODE_ENV ??= "production";
await import(pathToFileURL(path.resolve("build/server.js")).href);
