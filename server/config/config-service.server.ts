import { withTenant, type TenantDb } from "../db/db.server";
import { Invalid } from "../errors/domain-errors";
import { emitEvent } from "../events/outbox.server";
import { logger } from "../observability/logger.server";
import { findPack } from "../packs";
import { configCache } from "./config-cache.server";
import { PLATFORM_CONFIG_DEFAULTS } from "./defaults";
import { mergeLayer, resolveNode } from "./layering";
import { packConfigLayer } from "./pack-layer";
import {
  CONFIG_NODE_KEYS,
  CONFIG_NODE_SCHEMAS,
  type DeepPartial,
  type TConfigNode,
  type TConfigNodeKey,
  type TConfigValues,
} from "./schemas";
import { smsPort } from "../integrations/sms";
import { syncPhoneNumber } from "../telephony/phone-numbers.server";

/** PostgreSQL NOTIFY channel that tells every instance to evict a node. */
export const CONFIG_CHANNEL = "servicepro_config";

/**
 * Nodes written in a unit of work that has not committed yet. Reads of those nodes in the
 * same unit see the write but never reach the shared cache: a rollback would otherwise
 * leave a value that was never committed there.
 */
const uncommittedWrites = new WeakMap<TenantDb, Set<TConfigNodeKey>>();

/** The effective value of a config node for the tenant of `db` (cached). */
export async function readConfig<K extends TConfigNodeKey>(db: TenantDb, node: K): Promise<TConfigNode<K>> {
  if (uncommittedWrites.get(db)?.has(node)) return (await loadNode(db, node)).value;
  const cache = configCache();
  const hit = cache.get(db.tenantId, node);
  if (hit) return hit.value;
  const generation = cache.generation(db.tenantId, node);
  const { value, version } = await loadNode(db, node);
  cache.set(db.tenantId, node, value, version, generation);
  return value;
}

function markWritten(db: TenantDb, node: TConfigNodeKey) {
  let nodes = uncommittedWrites.get(db);
  if (!nodes) uncommittedWrites.set(db, (nodes = new Set()));
  nodes.add(node);
}

export async function readAllConfig(db: TenantDb): Promise<TConfigValues> {
  const entries = await Promise.all(CONFIG_NODE_KEYS.map(async (k) => [k, await readConfig(db, k)] as const));
  return Object.fromEntries(entries) as TConfigValues;
}

/** Like readConfig, outside a unit of work: a cache hit costs no database round trip at all. */
export async function getConfig<K extends TConfigNodeKey>(tenantId: string, node: K): Promise<TConfigNode<K>> {
  const hit = configCache().get(tenantId, node);
  if (hit) return hit.value;
  return withTenant(tenantId, (db) => readConfig(db, node));
}

export async function getAllConfig(tenantId: string): Promise<TConfigValues> {
  const cache = configCache();
  if (CONFIG_NODE_KEYS.every((k) => cache.get(tenantId, k))) {
    return Object.fromEntries(CONFIG_NODE_KEYS.map((k) => [k, cache.get(tenantId, k)!.value])) as TConfigValues;
  }
  return withTenant(tenantId, (db) => readAllConfig(db));
}

/** A node as recommended for the tenant's trade: the platform default under the pack's layer, without the tenant's changes. */
export async function readRecommendedConfig<K extends TConfigNodeKey>(db: TenantDb, node: K): Promise<TConfigNode<K>> {
  const tenant = await db.tenant.findUniqueOrThrow({ where: { id: db.tenantId }, select: { industryPackKey: true } });
  return resolveNode(node, { platform: PLATFORM_CONFIG_DEFAULTS[node], pack: packConfigLayer(findPack(tenant.industryPackKey))[node] })
    .value;
}

async function loadNode<K extends TConfigNodeKey>(db: TenantDb, node: K): Promise<{ value: TConfigNode<K>; version: number }> {
  const [tenant, override] = await Promise.all([
    db.tenant.findUniqueOrThrow({ where: { id: db.tenantId }, select: { industryPackKey: true } }),
    db.configOverride.findUnique({ where: { tenantId_node: { tenantId: db.tenantId, node } } }),
  ]);
  const { value, rejectedOverride } = resolveNode(node, {
    platform: PLATFORM_CONFIG_DEFAULTS[node],
    pack: packConfigLayer(findPack(tenant.industryPackKey))[node],
    override: override?.data ?? undefined,
  });
  if (rejectedOverride) logger.warn({ node, problems: rejectedOverride }, "stored config override no longer validates; using defaults");
  return { value, version: override?.version ?? 0 };
}

/**
 * Changes a node for the tenant of `db`: the patch is deep-merged into the current
 * override, the effective value is validated, and the override row, an audit entry and a
 * `config/changed` event are written in the caller's transaction. Every instance's cache
 * sees the change as soon as it commits.
 */
export async function writeConfig<K extends TConfigNodeKey>(
  db: TenantDb,
  node: K,
  patch: DeepPartial<TConfigNode<K>>,
  actorUserId: string | null,
): Promise<TConfigNode<K>> {
  const [tenant, existing] = await Promise.all([
    db.tenant.findUniqueOrThrow({ where: { id: db.tenantId }, select: { industryPackKey: true } }),
    db.configOverride.findUnique({ where: { tenantId_node: { tenantId: db.tenantId, node } } }),
  ]);
  const override = mergeLayer((existing?.data as Record<string, unknown> | undefined) ?? {}, patch);
  const effective = mergeLayer(
    mergeLayer(PLATFORM_CONFIG_DEFAULTS[node], packConfigLayer(findPack(tenant.industryPackKey))[node]),
    override,
  );
  const parsed = CONFIG_NODE_SCHEMAS[node].safeParse(effective);
  if (!parsed.success) {
    const fields = Object.fromEntries(
      parsed.error.issues.map((i) => [
        i.path.join("."),
        i.message.startsWith("validation.") ? `errors:${i.message}` : "errors:validation.invalid",
      ]),
    );
    throw Invalid("errors:config.invalid", fields, { node });
  }
  const row = existing
    ? await db.configOverride.update({
        where: { id: existing.id },
        data: { data: override as object, version: { increment: 1 }, updatedByUserId: actorUserId },
      })
    : await db.configOverride.create({ data: { tenantId: db.tenantId, node, data: override as object, updatedByUserId: actorUserId } });
  await db.auditEntry.create({
    data: {
      tenantId: db.tenantId,
      actorUserId,
      action: "config.updated",
      targetType: "config",
      targetId: node,
      data: { patch: patch as object, version: row.version },
    },
  });
  if (node === "PHONE") await syncPhoneNumber(db, (parsed.data as TConfigNode<"PHONE">).number, smsPort().provider);
  await emitEvent(db, "config/changed", { tenantId: db.tenantId, node, version: row.version, changedByUserId: actorUserId });
  await announceChange(db, node);
  return parsed.data as TConfigNode<K>;
}

/** Drops the tenant's override of a node: the pack and platform defaults apply again. */
export async function resetConfig(db: TenantDb, node: TConfigNodeKey, actorUserId: string | null): Promise<void> {
  const deleted = await db.configOverride.deleteMany({ where: { node } });
  if (deleted.count === 0) return;
  if (node === "PHONE") await syncPhoneNumber(db, null, smsPort().provider);
  await db.auditEntry.create({
    data: { tenantId: db.tenantId, actorUserId, action: "config.reset", targetType: "config", targetId: node },
  });
  await emitEvent(db, "config/changed", { tenantId: db.tenantId, node, version: 0, changedByUserId: actorUserId });
  await announceChange(db, node);
}

/** Every instance drops the node from its cache: this one now and after commit, the others on NOTIFY (delivered at commit). */
async function announceChange(db: TenantDb, node: TConfigNodeKey) {
  markWritten(db, node);
  await db.$executeRaw`SELECT pg_notify(${CONFIG_CHANNEL}, ${`${db.tenantId}:${node}`})`;
  const cache = configCache();
  cache.evict(db.tenantId, node);
  db.afterCommit(() => cache.evict(db.tenantId, node));
}
