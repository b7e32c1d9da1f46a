import pg from "pg";
import { logger } from "../observability/logger.server";
import { configCache } from "./config-cache.server";
import { CONFIG_CHANNEL } from "./config-service.server";
import { CONFIG_NODE_KEYS, type TConfigNodeKey } from "./schemas";
import { publicCache } from "../site/public-cache.server";

/**
 * "<tenant id>:<node>" (a config write) evicts that node and the tenant's public pages;
 * "<tenant id>:*" (a tenant, domain or service row changed: triggers) evicts all of the tenant.
 */
export function applyConfigNotification(payload: string): void {
  const [tenantId, node] = payload.split(":");
  if (!tenantId) return;
  if (node === "*") {
    configCache().evictTenant(tenantId);
    publicCache().evictTenant(tenantId);
  } else if (CONFIG_NODE_KEYS.includes(node as TConfigNodeKey)) {
    configCache().evict(tenantId, node as TConfigNodeKey);
    publicCache().evictTenant(tenantId);
  }
}

/**
 * With several instances on a PostgreSQL server, each one listens for config writes made
 * by the others and evicts its cache at once. (The embedded database is one process, and
 * the writer evicts its own cache, so there is nothing to listen for there.)
 */
export async function startConfigListener(databaseUrl: string): Promise<{ stop(): Promise<void> }> {
  let stopped = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;

  const connect = async () => {
    if (stopped) return;
    const c = new pg.Client({ connectionString: databaseUrl });
    c.on("error", (error) => {
      logger.warn({ err: error.message }, "config listener lost its connection; reconnecting");
      configCache().clear();
      publicCache().clear();
      c.end().catch(() => {});
      if (!stopped) retry = setTimeout(connect, 1_000);
    });
    c.on("notification", (msg) => applyConfigNotification(msg.payload ?? ""));
    try {
      await c.connect();
      await c.query(`LISTEN ${CONFIG_CHANNEL}`);
      client = c;
    } catch (error) {
      logger.warn({ err: (error as Error).message }, "config listener could not connect; retrying");
      c.end().catch(() => {});
      if (!stopped) retry = setTimeout(connect, 2_000);
    }
  };
  await connect();
  return {
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      await client?.end().catch(() => {});
    },
  };
}
