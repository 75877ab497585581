/**
 * Request-scoped DataLoaders, declared next to the module that owns them:
 *
 *   export const organizationById = defineLoader<number, Organization | null>(async (ctx, ids) => …);
 *   const org = await organizationById(ctx).load(42);
 *
 * The batch function receives the request context, so it applies the caller's ability in SQL like
 * every other read: a batched load of a related object never returns what the caller may not see.
 */
import DataLoader from 'dataloader';
import type { Context } from './context.js';

export function defineLoader<K, V>(batch: (ctx: Context, keys: readonly K[]) => Promise<V[]>): (ctx: Context) => DataLoader<K, V> {
  const key = Symbol('loader');
  return (ctx) => {
    let loader = ctx.loaders.get(key) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V>((keys) => batch(ctx, keys), { maxBatchSize: 500 });
      ctx.loaders.set(key, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  };
}

/** Orders batch results by key: one value (or `fallback`) per key, as DataLoader requires. */
export function byKey<K, V, R = V | null>(keys: readonly K[], rows: V[], keyOf: (row: V) => K, fallback: R = null as R): (V | R)[] {
  const map = new Map<K, V>();
  for (const row of rows) map.set(keyOf(row), row);
  return keys.map((k) => map.get(k) ?? fallback);
}

/** Groups batch results by key: a (possibly empty) list per key. */
export function groupByKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const map = new Map<K, V[]>();
  for (const row of rows) {
    const k = keyOf(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return keys.map((k) => map.get(k) ?? []);
}
