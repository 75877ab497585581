/**
 * An entity's row as a plain object with the entity's property names — relations as `{ id }`,
 * timestamps as Dates — for read paths that skip the ORM's hydration and identity map (issue #19).
 * Such an object reads like the entity but is not managed: never hand it to the entity manager.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityMetadata, EntityProperty } from '@mikro-orm/core';

/** The stored, eagerly read properties: scalars and the keys of to-one relations. */
const cache = new WeakMap<EntityMetadata, EntityProperty[]>();
export function storedProperties(meta: EntityMetadata): EntityProperty[] {
  let props = cache.get(meta);
  if (!props) {
    props = (Object.values(meta.properties) as EntityProperty[]).filter(
      (p) => p.persist !== false && !p.lazy && p.fieldNames?.length === 1 && (p.kind === 'scalar' || p.kind === 'm:1' || (p.kind === '1:1' && p.owner)),
    );
    cache.set(meta, props);
  }
  return props;
}

/**
 * `raw` holds the columns by their names (as `select *` gives them). `into` is the object to fill:
 * an instance of a plain class of the caller's, when something must tell the copies apart.
 */
export function plainRow<T>(em: EntityManager, meta: EntityMetadata, raw: Record<string, unknown>, into: object = {}): T {
  const out = into as Record<string, unknown>;
  for (const p of storedProperties(meta)) {
    const value = raw[p.fieldNames[0]!];
    if (p.kind !== 'scalar') out[p.name] = value == null ? null : { id: value };
    else if (value != null && p.runtimeType === 'Date') out[p.name] = em.getPlatform().parseDate(value as string);
    else out[p.name] = value ?? null;
  }
  return out as T;
}
