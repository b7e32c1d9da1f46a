// Serves the bare Remix reference build (tests/.artifacts/bare-remix) on PORT, the way the app's
// HTTP tier serves its own build: Express, static /build, @remix-run/express in production mode.
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import express from "express";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../.artifacts/bare-remix");
const build = await import(pathToFileURL(path.join(root, "build/index.js")).href);
const app = express();
app.disable("x-powered-by");
app.use("/build", express.static(path.join(root, "public/build"), { immutable: true, maxAge: "1y", index: false }));
app.all("*", createRequestHandler({ build, mode: "production" }));
const port = Number(process.argv[2] ?? 3111);
app.listen(port, "127.0.0.1", () => console.log(`bare remix on ${port}`));
