import path from "node:path";
import { env } from "../env.server";
import { logger } from "../observability/logger.server";
import { openDatabase, TRANSACTION_OPTIONS, type Database, type DatabaseOptions } from "./database.server";
import type { Prisma } from "./generated/prisma/client";

/**
 * The only doors to the database. `withTenant` runs a unit of work as the RLS-bound
 * role with the tenant set for the transaction; `withGlobal` runs platform-level work
 * (tenants, users, cross-tenant lookups) as the global role. Anything else runs as
 * app_login, which holds no privileges, so a forgotten door fails loudly.
 */
export type TenantDb = Prisma.TransactionClient & {
  readonly tenantId: string;
  /** Runs after this unit of work commits (cache eviction, waking the outbox relay). Never on rollback. */
  afterCommit(fn: () => void | Promise<void>): void;
};
export type GlobalDb = Prisma.TransactionClient;

const HOLDER = Symbol.for("servicepro.database");
type Holder = { promise?: Promise<Database>; options?: DatabaseOptions };
const holder: Holder =
  ((globalThis as Record<symbol, unknown>)[HOLDER] as Holder | undefined) ?? ((globalThis as Record<symbol, unknown>)[HOLDER] = {});

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
export function installDatabase(db: Database): void {
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
  const after: Array<() => void | Promise<void>> = [];
  const result = await prisma.$transaction(async (tx) => {
    await enterTenant(tx, tenantId, scope);
    return fn(bindTenant(tx, tenantId, after));
  }, TRANSACTION_OPTIONS);
  await runAfterCommit(after);
  return result;
}

/**
 * Creates a tenant and its first tenant-owned rows in ONE transaction: the tenant row
 * as the global role, then the rest as the tenant (so onboarding never leaves a
 * tenant without its owner).
 */
export async function withNewTenant<T>(
  create: (db: GlobalDb) => Promise<{ id: string }>,
  fn: (db: TenantDb) => Promise<T>,
  scope: TenantScope = {},
): Promise<T> {
  const { prisma } = await getDatabase();
  const after: Array<() => void | Promise<void>> = [];
  const result = await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT set_config('role', 'app_global', true), set_config('app.tenant_id', '', true)`;
    const tenant = await create(watchWrites(tx, null, after));
    await enterTenant(tx, tenant.id, scope);
    return fn(bindTenant(tx, tenant.id, after));
  }, TRANSACTION_OPTIONS);
  await runAfterCommit(after);
  return result;
}

/**
 * A platform-level change and its tenant-side record (audit row, outbox event) in ONE
 * transaction: `global` runs as the global role, then `tenant` as the tenant. Either both
 * commit or neither does (the outbox rule: an event exists iff its change was committed).
 */
export async function withGlobalThenTenant<G, T>(
  tenantId: string,
  global: (db: GlobalDb) => Promise<G>,
  tenant: (db: TenantDb, globalResult: G) => Promise<T>,
  scope: TenantScope = {},
): Promise<T> {
  if (!tenantId || !TENANT_ID.test(tenantId)) throw new Error("withGlobalThenTenant needs a tenant id");
  const { prisma } = await getDatabase();
  const after: Array<() => void | Promise<void>> = [];
  const result = await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT set_config('role', 'app_global', true), set_config('app.tenant_id', '', true)`;
    const globalResult = await global(watchWrites(tx, null, after));
    await enterTenant(tx, tenantId, scope);
    return tenant(bindTenant(tx, tenantId, after), globalResult);
  }, TRANSACTION_OPTIONS);
  await runAfterCommit(after);
  return result;
}

async function enterTenant(tx: Prisma.TransactionClient, tenantId: string, scope: TenantScope) {
  await tx.$executeRaw`SELECT set_config('role', 'app_tenant', true), set_config('app.tenant_id', ${tenantId}, true), set_config('app.user_id', ${scope.userId ?? ""}, true)`;
}

async function runAfterCommit(callbacks: Array<() => void | Promise<void>>) {
  for (const cb of callbacks) {
    try {
      await cb();
    } catch (error) {
      // The unit of work is committed; a failed follow-up must not turn it into an error.
      logger.error({ err: error }, "afterCommit callback failed");
    }
  }
}

export async function withGlobal<T>(fn: (db: GlobalDb) => Promise<T>): Promise<T> {
  const { prisma } = await getDatabase();
  const after: Array<() => void | Promise<void>> = [];
  const result = await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT set_config('role', 'app_global', true), set_config('app.tenant_id', '', true)`;
    return fn(watchWrites(tx, null, after));
  }, TRANSACTION_OPTIONS);
  await runAfterCommit(after);
  return result;
}

/**
 * Write watchers: caches of rows (server/site/public-cache.server.ts) hear, after commit, that a
 * unit of work wrote one of the models they watch, with the tenant (null from withGlobal: any tenant).
 * Registered by the cache module itself, so a process without the cache pays nothing.
 */
type WriteWatcher = { models: ReadonlySet<string>; onWrite: (tenantId: string | null) => void };
const WATCHERS = Symbol.for("servicepro.writeWatchers");
const watchers = (): WriteWatcher[] => ((globalThis as Record<symbol, WriteWatcher[] | undefined>)[WATCHERS] ??= []);
const WRITE_METHODS = new Set([
  "create",
  "createMany",
  "createManyAndReturn",
  "update",
  "updateMany",
  "updateManyAndReturn",
  "upsert",
  "delete",
  "deleteMany",
]);

export function registerWriteWatcher(models: string[], onWrite: (tenantId: string | null) => void): void {
  watchers().push({ models: new Set(models), onWrite });
}

function watchWrites<D extends object>(tx: D, tenantId: string | null, after: Array<() => void | Promise<void>>): D {
  const list = watchers();
  if (list.length === 0) return tx;
  return new Proxy(tx, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof prop !== "string" || !list.some((w) => w.models.has(prop)) || typeof value !== "object" || value === null) return value;
      return new Proxy(value, {
        get(delegate, method) {
          const fn = Reflect.get(delegate, method) as unknown;
          if (typeof method !== "string" || !WRITE_METHODS.has(method) || typeof fn !== "function") return fn;
          return (...args: unknown[]) => {
            for (const w of list) if (w.models.has(prop)) after.push(() => w.onWrite(tenantId));
            return (fn as (...a: unknown[]) => unknown).apply(delegate, args);
          };
        },
      });
    },
  });
}

function bindTenant(tx: Prisma.TransactionClient, tenantId: string, after: Array<() => void | Promise<void>>): TenantDb {
  const afterCommit = (cb: () => void | Promise<void>) => void after.push(cb);
  const watched = watchWrites(tx, tenantId, after);
  return new Proxy(watched, {
    get(target, prop, receiver) {
      if (prop === "tenantId") return tenantId;
      if (prop === "afterCommit") return afterCommit;
      return Reflect.get(target, prop, receiver);
    },
  }) as TenantDb;
}
