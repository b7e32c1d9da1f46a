import { mkdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";

/**
 * One database handle per process. Two kinds behind one interface: a PostgreSQL server
 * (DATABASE_URL) through @prisma/adapter-pg, or embedded PGlite (file-backed, or in memory
 * for tests) through pglite-prisma-adapter. Nothing above this module knows which.
 */
export type DatabaseKind = "postgres" | "pglite";

export interface SqlRunner {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a multi-statement script (no parameters). */
  exec(sql: string): Promise<void>;
}

/** SQL as the database owner: migrations and schema checks only, never application queries. */
export interface AdminSql extends SqlRunner {
  transaction<T>(fn: (sql: SqlRunner) => Promise<T>): Promise<T>;
}

export interface Database {
  kind: DatabaseKind;
  /** Connected as app_login: holds no privileges until withTenant/withGlobal switch role. */
  prisma: PrismaClient;
  admin: AdminSql;
  /** PGlite only: a tarball of the data directory (tests open copies of a migrated template). */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

export type DatabaseOptions =
  { kind: "postgres"; url: string; poolSize?: number } | { kind: "pglite"; dataDir?: string; loadDataDir?: Blob };

const APP_LOGIN_ROLE = "app_login";

/** Interactive-transaction limits: PGlite serialises transactions, so waiting is normal there. */
export const TRANSACTION_OPTIONS = { maxWait: 30_000, timeout: 60_000 } as const;

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.kind === "postgres" ? openPostgres(options.url, options.poolSize) : openPglite(options);
}

async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  // The app pool logs in with the URL's user but switches the session to app_login at
  // connect time, so a query that skips withTenant/withGlobal has no privileges at all.
  const appPool = new pg.Pool({ connectionString: url, max: poolSize, options: `-c role=${APP_LOGIN_ROLE}` });
  const adminPool = new pg.Pool({ connectionString: url, max: 2 });
  appPool.on("error", () => {});
  adminPool.on("error", () => {});
  const prisma = new PrismaClient({ adapter: new PrismaPg(appPool, { disposeExternalPool: false }) });
  return {
    kind: "postgres",
    prisma,
    admin: {
      async query(sql, params) {
        const res = await adminPool.query(sql, params as unknown[]);
        return res.rows;
      },
      async exec(sql) {
        await adminPool.query(sql);
      },
      async transaction(fn) {
        const client = await adminPool.connect();
        const runner: SqlRunner = {
          query: async (sql, params) => (await client.query(sql, params as unknown[])).rows,
          exec: async (sql) => void (await client.query(sql)),
        };
        try {
          await client.query("BEGIN");
          const result = await fn(runner);
          await client.query("COMMIT");
          return result;
        } catch (error) {
          await client.query("ROLLBACK").catch(() => {});
          throw error;
        } finally {
          client.release();
        }
      },
    },
    async close() {
      await prisma.$disconnect();
      await Promise.all([appPool.end(), adminPool.end()]);
    },
  };
}

async function openPglite(options: { dataDir?: string; loadDataDir?: Blob }): Promise<Database> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { btree_gist } = await import("@electric-sql/pglite/contrib/btree_gist");
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  if (options.dataDir) mkdirSync(path.dirname(path.resolve(options.dataDir)), { recursive: true });
  // Extensions the migrations create must be loaded into the WASM build up front.
  const client = await PGlite.create({ dataDir: options.dataDir, loadDataDir: options.loadDataDir, extensions: { btree_gist } });
  // PGlite always authenticates as a superuser; the app's session must not be one.
  // The role may not exist yet on a brand-new database: migrations create it.
  const enterAppRole = async () => {
    const rows = await client.query<{ exists: boolean }>(`SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1) AS exists`, [
      APP_LOGIN_ROLE,
    ]);
    if (rows.rows[0]?.exists) await client.exec(`SET SESSION ROLE ${APP_LOGIN_ROLE}`);
  };
  await enterAppRole();
  // Owner work runs in a transaction that drops the session's role for its duration only.
  const ownerTransaction = async <T>(fn: (sql: SqlRunner) => Promise<T>): Promise<T> => {
    const result = await client.transaction(async (tx) => {
      await tx.exec("SET LOCAL ROLE NONE");
      return fn({
        query: async (sql, params) => (await tx.query(sql, params as unknown[])).rows as never[],
        exec: async (sql) => void (await tx.exec(sql)),
      });
    });
    await enterAppRole();
    return result;
  };
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(client) });
  return {
    kind: "pglite",
    prisma,
    admin: {
      query: (sql, params) => ownerTransaction((runner) => runner.query(sql, params)),
      exec: (sql) => ownerTransaction((runner) => runner.exec(sql)),
      transaction: ownerTransaction,
    },
    async dumpDataDir() {
      return client.dumpDataDir("none");
    },
    async close() {
      await prisma.$disconnect();
      await client.close();
    },
  };
}
