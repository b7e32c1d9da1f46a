// `npm test`: the whole suite. Unit and integration tests run on a real database (the
// PostgreSQL server when DATABASE_URL is set, embedded PGlite otherwise); the e2e tests
// build the app if needed and drive Chromium against it.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

function run(cmd, args, env = process.env) {
  const r = spawnSync(cmd, args, { stdio: "inherit", env });
  return r.status ?? 1;
}

if (!existsSync("server/db/generated/prisma/client.ts")) {
  const s = run("node", ["scripts/prisma-generate.mjs"]);
  if (s !== 0) process.exit(s);
}
const extra = process.argv.slice(2);
const started = Date.now();
const status = run("npx", ["--no-install", "vitest", "run", ...extra]);
console.log(`\nnpm test finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(status);
