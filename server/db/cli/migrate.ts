// `npm run db:migrate`: applies pending SQL migrations to DATABASE_URL, or to the embedded
// database under DATA_DIR when DATABASE_URL is unset. Safe to run from several deploy
// processes at once (advisory lock).
import { closeDatabase, databaseOptionsFromEnv, getDatabase } from "../db.server";
import { migrate } from "../migrate.server";

const options = databaseOptionsFromEnv();
const db = await getDatabase();
const result = await migrate(db, { log: (line) => console.log(line) });
console.log(
  `${result.applied.length} migration(s) applied, ${result.alreadyApplied} already applied (${options.kind === "postgres" ? "PostgreSQL server" : `embedded database at ${options.dataDir}`}).`,
);
await closeDatabase();
