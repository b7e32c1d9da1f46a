// Whether build/ must be (re)built: used by `npm start` and by the e2e tests' setup.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

/** Everything the build reads: a change in any of them makes build/ stale. */
export const BUILD_SOURCES = [
  "app",
  "server",
  "inngest",
  "locales",
  "prisma/schema.prisma",
  "remix.config.js",
  "tailwind.config.ts",
  "package-lock.json",
];
const IGNORE = new Set(["node_modules", "generated", ".cache", ".scratch"]);
const OUTPUTS = ["build/index.js", "build/server.js", "build/telephony-worker.js", "build/.stamp"];

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

/** Why build/ must be (re)built, or null when it is up to date. */
export function buildStaleness(root = process.cwd()) {
  const outputs = OUTPUTS.map((f) => path.join(root, f));
  const missing = outputs.filter((f) => !existsSync(f));
  if (missing.length) return `missing ${missing.map((f) => path.relative(root, f)).join(", ")}`;
  const builtAt = Math.min(...outputs.map((f) => statSync(f).mtimeMs));
  const changedAt = Math.max(...BUILD_SOURCES.map((s) => newest(path.join(root, s))));
  return changedAt > builtAt ? "sources changed since the last build" : null;
}
