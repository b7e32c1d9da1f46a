import path from "node:path";
import { env } from "../env.server";
import { openDatabase, TRANSACTION_OPTIONS, type Database, type DatabaseOptions } from "./database.server";
import type { Prisma } from "./generated/prisma/client";

/**
 * The only doors to the database. `withTenant` runs a unit of work as the RLS-bound
 * role with the tenant set for the transaction; `withGlobal` runs platform-level work
 * (tenants, users, cross-tenant lookups) as the global role. Anything else runs as
 * app_login, which holds no privileges, so a forgotten door fails loudly.
 */
export type TenantDb = Prisma.TransactionClient & { readonly tenantId: string };
export type GlobalDb = Prisma.TransactionClient;

const HOLDER = Symbol.for("servicepro.database");
type Holder = { promise?: Promise<Database>; options?: DatabaseOptions };
const holder: Holder = ((globalThis as Record<symbol, unknown>)[HOLDER] as Holder | undefined) ??
  ((globalThis as Record<symbol, unknown>)[HOLDER] = {});

/** Where this process's database lives, from the environment. */
export function databaseOptionsFromEnv(): DatabaseOptions {
  const e = env();
  if (e.DATABASE_URL) return { kind: "postgres", url: e.DATABASE_URL };
  return { kind: "pglite", dataDir: path.resolve(e.DATA_DIR, "pglite") };
}

/** The process-wide database (opened on first use; one per process even across bundles). */
export function getDatabase(): Promise<Database> {
  holder.promise ??= openDatabase(holder.options ?? databaseOptionsFromEnv());
  return holder.promise;
}

/** Points the process at a database that is already open (tests, CLI tools). */
export function useDatabase(db: Database): void {
  holder.promise = Promise.resolve(db);
}

export async function closeDatabase(): Promise<void> {
  const current = holder.promise;
  holder.promise = undefined;
  if (current) await (await current).close();
}

export interface TenantScope {
  /** The signed-in user, when there is one (used by policies that need it). */
  userId?: string;
}

const TENANT_ID = /^[0-9a-f-]{36}$|^[A-Za-z0-9_-]{1,64}$/;

export async function withTenant<T>(tenantId: string, fn: (db: TenantDb) => Promise<T>, scope: TenantScope = {}): Promise<T> {
  if (!tenantId || !TENANT_ID.test(tenantId)) throw new Error("withTenant needs a tenant id");
  const { prisma } = await getDatabase();
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT set_config('role', 'app_tenant', true), set_config('app.tenant_id', ${tenantId}, true), set_config('app.user_id', ${scope.userId ?? ""}, true)`;
    return fn(bindTenant(tx, tenantId));
  }, TRANSACTION_OPTIONS);
}

export async function withGlobal<T>(fn: (db: GlobalDb) => Promise<T>): Promise<T> {
  const { prisma } = await getDatabase();
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT set_config('role', 'app_global', true), set_config('app.tenant_id', '', true)`;
    return fn(tx);
  }, TRANSACTION_OPTIONS);
}

function bindTenant(tx: Prisma.TransactionClient, tenantId: string): TenantDb {
  return new Proxy(tx, {
    get(target, prop, receiver) {
      if (prop === "tenantId") return tenantId;
      return Reflect.get(target, prop, receiver);
    },
  }) as TenantDb;
}
