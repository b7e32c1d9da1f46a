// Bundles the server entries (server/main.ts, server/telephony-worker.ts) into build/. Dependencies stay
// external (real node_modules at runtime); only the project's own code is bundled.
import { build } from "esbuild";
import { writeFileSync } from "node:fs";

await build({
  entryPoints: { server: "server/main.ts", "telephony-worker": "server/telephony-worker.ts" },
  outdir: "build",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
  banner: { js: "import { createRequire as __spCreateRequire } from 'node:module'; const require = __spCreateRequire(import.meta.url);" },
});
writeFileSync("build/.stamp", new Date().toISOString());
