// `npm run dev`: hot reload. `remix dev` rebuilds the app on every change and reloads the
// browser; `tsx watch` restarts the server process when server-only code changes.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";

if (!existsSync("server/db/generated/prisma/client.ts")) {
  await new Promise((resolve) => spawn("node", ["scripts/prisma-generate.mjs"], { stdio: "inherit" }).on("exit", resolve));
}
const child = spawn(
  "npx",
  ["--no-install", "remix", "dev", "--manual", "-c", "npx --no-install tsx watch --clear-screen=false server/main.ts"],
  {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: process.env.NODE_ENV ?? "development" },
  },
);
child.on("exit", (code) => process.exit(code ?? 0));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
