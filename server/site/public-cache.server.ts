import { registerWriteWatcher } from "../db/db.server";
/**
 * In-process caches of what public pages read (tenant by slug, the public site view per
 * locale, the booking catalogue): a public page or slots query then costs no database round
 * trip for them. Invalidation is at once, never by waiting:
 * - in this process, a unit of work that writes a tenant, its domains, services or config
 *   evicts that tenant after commit (db.server.ts watches those writes);
 * - in other processes, the same writes reach the config NOTIFY channel (config writes from
 *   code, the other tables by triggers: migration 20261202600000_public_cache_notify) and the
 *   config listener evicts here.
 * A per-process generation stops a read that started before an eviction from storing its
 * (stale) answer afterwards. The TTL is only a safety net.
 */
const TTL_MS = 60_000;
const MAX_ENTRIES = 20_000;

type Entry = { value: unknown; tenantId: string | null; expiresAt: number };

export class PublicCache {
  private entries = new Map<string, Entry>();
  private gen = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** Reads `key`, or loads it and stores the answer unless an eviction happened meanwhile. */
  async get<T>(key: string, load: () => Promise<T>, tenantOf: (value: T) => string | null): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > this.now()) return hit.value as T;
    const generation = this.gen;
    const value = await load();
    if (generation === this.gen) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(key, { value, tenantId: tenantOf(value), expiresAt: this.now() + TTL_MS });
    }
    return value;
  }

  /** Drops everything of one tenant, and every "no such tenant" answer (a new slug or domain may now exist). */
  evictTenant(tenantId: string): void {
    this.gen++;
    for (const [k, e] of this.entries) if (e.tenantId === tenantId || e.tenantId === null) this.entries.delete(k);
  }

  clear(): void {
    this.gen++;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

const HOLDER = Symbol.for("servicepro.publicCache");
export function publicCache(): PublicCache {
  const g = globalThis as Record<symbol, PublicCache | undefined>;
  g[HOLDER] ??= new PublicCache();
  return g[HOLDER]!;
}

// Writes to what public pages show evict at once in this process (after commit).
registerWriteWatcher(["tenant", "domain", "service", "configOverride"], (tenantId) =>
  tenantId ? publicCache().evictTenant(tenantId) : publicCache().clear(),
);
