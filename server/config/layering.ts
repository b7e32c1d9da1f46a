import { CONFIG_NODE_SCHEMAS, type TConfigLayer, type TConfigNode, type TConfigNodeKey } from "./schemas";

/** Deep merge for config layers: objects merge key by key, arrays and scalars replace, undefined keeps. */
export function mergeLayer<T>(base: T, layer: unknown): T {
  if (layer === undefined) return base;
  if (
    layer === null ||
    Array.isArray(layer) ||
    typeof layer !== "object" ||
    base === null ||
    typeof base !== "object" ||
    Array.isArray(base)
  ) {
    return layer as T;
  }
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(layer as Record<string, unknown>)) {
    out[k] = mergeLayer((base as Record<string, unknown>)[k], v);
  }
  return out as T;
}

/**
 * The effective value of one node: platform default <- pack <- tenant override, validated.
 * A stored override that no longer validates (say, after a schema change) must not take
 * the business down: the layers below it are used and the problems are returned for logging.
 */
export function resolveNode<K extends TConfigNodeKey>(
  node: K,
  layers: { platform: TConfigNode<K>; pack?: TConfigLayer[K]; override?: unknown },
): { value: TConfigNode<K>; rejectedOverride?: string[] } {
  const schema = CONFIG_NODE_SCHEMAS[node];
  const base = mergeLayer(layers.platform, layers.pack);
  const parsed = schema.safeParse(mergeLayer(base, layers.override));
  if (parsed.success) return { value: parsed.data as TConfigNode<K> };
  return {
    value: schema.parse(base) as TConfigNode<K>,
    rejectedOverride: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`),
  };
}
