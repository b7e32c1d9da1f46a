// Generates the Prisma client offline. The Prisma CLI wants a schema-engine binary
// from a host this project must never need; generate does not use it, so it is
// pointed at /bin/false (never /bin/true: that makes other commands silently no-op).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

console.log("[postinstall] prisma generate");
if (!existsSync("prisma/schema.prisma")) process.exit(0);
const result = spawnSync("npx", ["--no-install", "prisma", "generate"], {
  stdio: "inherit",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false", PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
});
process.exit(result.status ?? 1);
