import { readFileSync } from "node:fs";
import { afterAll, beforeAll, inject } from "vitest";
import { openDatabase, type Database } from "../../server/db/database.server";
import { closeDatabase, installDatabase } from "../../server/db/db.server";

let db: Database | undefined;

beforeAll(async () => {
  const target = inject("testDatabase");
  db =
    target.kind === "postgres"
      ? await openDatabase({ kind: "postgres", url: target.url, poolSize: 20 })
      : await openDatabase({ kind: "pglite", loadDataDir: new Blob([readFileSync(target.templatePath)]) });
  installDatabase(db);
});

afterAll(async () => {
  await closeDatabase();
});
