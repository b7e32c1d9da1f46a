import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../server/db/database.server";
import { migrate } from "../../server/db/migrate.server";

/**
 * Integration tests run on a real database: the PostgreSQL server when DATABASE_URL is
 * set (a fresh database per run, dropped afterwards), otherwise embedded PGlite (one
 * migrated template, copied into memory by each test file).
 */
declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: { kind: "postgres"; url: string } | { kind: "pglite"; templatePath: string };
  }
}

export default async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL?.trim();
  if (serverUrl) {
    const name = `sp_test_${process.pid}_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = withDatabase(serverUrl, name);
    const db = await openDatabase({ kind: "postgres", url });
    await migrate(db);
    await db.close();
    project.provide("testDatabase", { kind: "postgres", url });
    return async () => {
      const drop = new pg.Client({ connectionString: serverUrl });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await drop.end();
    };
  }
  const db = await openDatabase({ kind: "pglite" });
  await migrate(db);
  const blob = await db.dumpDataDir!();
  await db.close();
  const dir = path.resolve("tests/.artifacts");
  mkdirSync(dir, { recursive: true });
  const templatePath = path.join(dir, `pglite-template-${process.pid}.tar`);
  writeFileSync(templatePath, Buffer.from(await blob.arrayBuffer()));
  project.provide("testDatabase", { kind: "pglite", templatePath });
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
