// `npm start`: build if the sources changed since the last build, then serve.
// Works on a fresh machine with nothing but Node 20: the database is embedded (PGlite)
// unless DATABASE_URL is set, and every outside service has a local adapter.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const SOURCES = ["app", "server", "inngest", "locales", "prisma/schema.prisma", "remix.config.js", "tailwind.config.ts", "package-lock.json"];
const IGNORE = new Set(["node_modules", "generated", ".cache"]);

function newest(p) {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  let max = 0;
  for (const entry of readdirSync(p)) {
    if (IGNORE.has(entry)) continue;
    max = Math.max(max, newest(path.join(p, entry)));
  }
  return max;
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: "inherit", shell: process.platform === "win32" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (!existsSync("server/db/generated/prisma/client.ts")) run("node", ["scripts/prisma-generate.mjs"]);
const stamp = existsSync("build/.stamp") ? statSync("build/.stamp").mtimeMs : 0;
const changed = Math.max(...SOURCES.map(newest));
if (!stamp || changed > stamp || !existsSync("build/index.js") || !existsSync("build/server.js")) {
  console.log("Building ServicePro (first run or sources changed)...");
  run("npm", ["run", "build", "--silent"]);
}
await import(pathToFileURL(path.resolve("build/server.js")).href);
