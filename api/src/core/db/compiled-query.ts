/**
 * A query builder's SQL, built once per shape of its inputs and replayed with other values of that
 * shape (issue #19: building it — the ORM processing the authorised filter tree and writing SQL —
 * had become a quarter of the API's time on the hot reads, for statements that differ from the
 * last one of their kind only by their values).
 *
 * The shape of the inputs is everything but their scalar values: keys, operators, nulls, array
 * lengths, raw fragments' SQL, and each value's type. The first time a shape is seen, its query is
 * built with a sentinel in place of every value; the SQL the ORM writes must then carry each
 * sentinel as exactly one parameter, untouched — otherwise the ORM did something with a value
 * (inlined it, transformed it), the shape is marked as not compilable, and its queries are built
 * every time as before. So a replay can only ever put a new value where the ORM put the old one.
 */
import { isRaw, raw, RawQueryFragment } from '@mikro-orm/core';
import type { EntityManager, QueryBuilder } from '@mikro-orm/postgresql';

/**
 * One parameter of a compiled statement: a value of the inputs (by position), a list of them (a
 * raw fragment's `in (?)` takes its list as one parameter), or a constant.
 */
type Param = { slot: number } | { slots: number[] } | { value: unknown };

interface Compiled {
  sql: string;
  params: Param[];
}

/** Shapes kept (least recently used dropped). Shapes are few: a list's filters times the ability's. */
const MAX_SHAPES = 2_000;
const shapes = new Map<string, Compiled | null>();

const SENTINEL = '\u0001dj';
const sentinel = (i: number) => `${SENTINEL}${i}\u0001`;

interface Shape {
  key: string;
  values: unknown[];
  /** The inputs with sentinels for values. */
  template: unknown;
}

/** The shape of `inputs`, its values in order, and the inputs with sentinels; null when a value isn't plain data. */
export function shapeOf(inputs: unknown): Shape | null {
  const values: unknown[] = [];
  const key: string[] = [];
  const walk = (v: unknown): unknown => {
    if (v === null || v === undefined || typeof v === 'boolean') {
      key.push(String(v));
      return v;
    }
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint' || v instanceof Date) {
      key.push(v instanceof Date ? '$d' : `$${typeof v}`);
      values.push(v);
      return sentinel(values.length - 1);
    }
    if (Array.isArray(v)) {
      key.push(`[${v.length}`);
      const out = v.map(walk);
      key.push(']');
      return out;
    }
    if (isRaw(v)) return rawShape(v as RawQueryFragment, key, walk);
    if (typeof v !== 'object' || Object.getPrototypeOf(v) !== Object.prototype) throw NOT_PLAIN;
    key.push('{');
    const out: Record<string | symbol, unknown> = {};
    for (const k of Reflect.ownKeys(v)) {
      const item = (v as Record<string | symbol, unknown>)[k];
      if (typeof k === 'symbol') {
        const fragment = RawQueryFragment.getKnownFragment(k);
        if (!fragment) throw NOT_PLAIN;
        const copy = rawShape(fragment, key, walk);
        key.push(':');
        out[copy.key] = walk(item);
      } else {
        key.push(JSON.stringify(k), ':');
        out[k] = walk(item);
      }
    }
    key.push('}');
    return out;
  };
  try {
    const template = walk(inputs);
    return { key: key.join(''), values, template };
  } catch (error) {
    if (error === NOT_PLAIN) return null;
    throw error;
  }
}

const NOT_PLAIN = new Error('not plain data');

/** A raw fragment's SQL in the key (an alias callback written for a marker alias), its parameters as values. */
function rawShape(fragment: RawQueryFragment, key: string[], walk: (v: unknown) => unknown): RawQueryFragment {
  const sql = fragment.sql as unknown;
  key.push('raw(', typeof sql === 'function' ? String((sql as (alias: string) => unknown)('\u0002alias')) : String(sql), ')');
  const params = walk(fragment.params ?? []) as unknown[];
  return raw(sql as string, params);
}

const MANGLED = Symbol('mangled');

/** The statement's parameters mapped to the inputs' values; null when a sentinel is not exactly one parameter. */
export function compile(sql: string, params: readonly unknown[], count: number): Compiled | null {
  if (sql.includes(SENTINEL)) return null;
  const seen = new Set<number>();
  const out: Param[] = [];
  /** The slot a parameter is exactly the sentinel of; null when it isn't one, or mixes one with more. */
  const slotOf = (p: unknown): number | null | typeof MANGLED => {
    if (typeof p !== 'string' || !p.includes(SENTINEL)) return null;
    const match = /^\u0001dj(\d+)\u0001$/.exec(p);
    return match ? Number(match[1]) : MANGLED;
  };
  for (const p of params) {
    const slot = slotOf(p);
    if (slot === MANGLED) return null;
    if (slot !== null) {
      seen.add(slot);
      out.push({ slot });
    } else if (Array.isArray(p) && p.some((item) => slotOf(item) !== null)) {
      const slots = p.map(slotOf);
      if (!slots.every((s): s is number => typeof s === 'number')) return null;
      for (const s of slots) seen.add(s);
      out.push({ slots });
    } else if (isRaw(p) && JSON.stringify((p as RawQueryFragment).params ?? []).includes(SENTINEL)) return null;
    else out.push({ value: p });
  }
  return seen.size === count ? { sql, params: out } : null;
}

/** The query built of the sentinels, if the ORM takes them (it may refuse a sentinel where it checks a value: then the shape is built every time). */
function compileShape(build: (values: unknown) => QueryBuilder<object>, shape: Shape): Compiled | null {
  let query: { sql: string; params: readonly unknown[] };
  try {
    query = build(shape.template).toQuery();
  } catch {
    return null;
  }
  return compile(query.sql, query.params, shape.values.length);
}

/** The shapes seen that are built every time (their SQL would not take the sentinels): none of a hot read should be. */
export function shapesBuiltEveryTime(): string[] {
  return [...shapes].filter(([, compiled]) => compiled === null).map(([key]) => key);
}

/** What a compiled query depends on: its call site, the values it is built of, and options that are part of its shape whatever their value (a page size, an order). */
export interface QueryInputs {
  name: string;
  values: unknown;
  constants?: unknown;
}

/** Options in the key as they are: JSON, with raw fragments (an order by a counter) by their SQL. */
function constantKey(v: unknown): string {
  if (isRaw(v)) return `raw(${String((v as RawQueryFragment).sql)},${constantKey((v as RawQueryFragment).params)})`;
  if (Array.isArray(v)) return `[${v.map(constantKey).join(',')}]`;
  if (v !== null && typeof v === 'object' && !(v instanceof Date)) {
    return `{${Reflect.ownKeys(v)
      .map((k) => `${typeof k === 'symbol' ? constantKey(RawQueryFragment.getKnownFragment(k) ?? String(k)) : JSON.stringify(k)}:${constantKey((v as Record<string | symbol, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'undefined';
}

/**
 * Runs the query `build` makes of `inputs.values` (with `inputs.constants`, everything the query
 * depends on), from its compiled form when its shape has been seen. Rows as the driver returns
 * them (no mapping, no entities).
 */
export async function runCompiled<T>(em: EntityManager, inputs: QueryInputs, build: (values: unknown) => QueryBuilder<object>): Promise<T[]> {
  const shape = shapeOf(inputs.values);
  const key = shape && `${inputs.name}|${constantKey(inputs.constants)}|${shape.key}`;
  let compiled = key ? shapes.get(key) : null;
  if (shape && key && compiled === undefined) {
    compiled = compileShape(build, shape);
    if (shapes.size >= MAX_SHAPES) shapes.delete(shapes.keys().next().value!);
    shapes.set(key, compiled);
  } else if (key && compiled) {
    // Most recently used last.
    shapes.delete(key);
    shapes.set(key, compiled);
  }
  if (!shape || !compiled) return (await build(inputs.values).execute('all', false)) as T[];
  const params = compiled.params.map((p) => ('slot' in p ? shape.values[p.slot] : 'slots' in p ? p.slots.map((s) => shape.values[s]) : p.value));
  return (await em.getConnection().execute(compiled.sql, params, 'all', em.getTransactionContext(), { id: em.id, ...(em.getLoggerContext() as object) } as never)) as T[];
}
