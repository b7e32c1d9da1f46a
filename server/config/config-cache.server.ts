import type { TConfigNode, TConfigNodeKey } from "./schemas";

/**
 * In-process cache of resolved config nodes. A write evicts its key before and after
 * commit; a per-key generation stops a read that started before an eviction from storing
 * a stale value afterwards. Other instances hear about writes through PostgreSQL
 * NOTIFY (config-listener.server.ts); the TTL is only a safety net.
 */
const TTL_MS = 60_000;

type Entry = { value: unknown; version: number; expiresAt: number };

export class ConfigCache {
  private entries = new Map<string, Entry>();
  private generations = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  private key(tenantId: string, node: TConfigNodeKey) {
    return `${tenantId}:${node}`;
  }

  /** Call before loading: pass the token to set() so a concurrent eviction wins. */
  generation(tenantId: string, node: TConfigNodeKey): number {
    return this.generations.get(this.key(tenantId, node)) ?? 0;
  }

  get<K extends TConfigNodeKey>(tenantId: string, node: K): { value: TConfigNode<K>; version: number } | undefined {
    const e = this.entries.get(this.key(tenantId, node));
    if (!e) return undefined;
    if (e.expiresAt <= this.now()) {
      this.entries.delete(this.key(tenantId, node));
      return undefined;
    }
    return { value: structuredClone(e.value) as TConfigNode<K>, version: e.version };
  }

  set(tenantId: string, node: TConfigNodeKey, value: unknown, version: number, generation: number): void {
    const k = this.key(tenantId, node);
    if ((this.generations.get(k) ?? 0) !== generation) return;
    this.entries.set(k, { value: structuredClone(value), version, expiresAt: this.now() + TTL_MS });
  }

  evict(tenantId: string, node: TConfigNodeKey): void {
    const k = this.key(tenantId, node);
    this.entries.delete(k);
    this.generations.set(k, (this.generations.get(k) ?? 0) + 1);
  }

  evictTenant(tenantId: string): void {
    for (const k of [...this.entries.keys()]) if (k.startsWith(`${tenantId}:`)) this.entries.delete(k);
    for (const k of [...this.generations.keys()])
      if (k.startsWith(`${tenantId}:`)) this.generations.set(k, (this.generations.get(k) ?? 0) + 1);
  }

  clear(): void {
    this.entries.clear();
    this.generations.clear();
  }
}

const HOLDER = Symbol.for("servicepro.configCache");
export function configCache(): ConfigCache {
  const g = globalThis as Record<symbol, ConfigCache | undefined>;
  g[HOLDER] ??= new ConfigCache();
  return g[HOLDER]!;
}
