import { raw } from '@mikro-orm/core';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import { describe, expect, it } from 'vitest';
import { compile, shapeOf } from './compiled-query.js';
import { bindParameters } from './prepared-reads.js';

describe('shapeOf', () => {
  const at = new Date('2026-11-30T00:00:00Z');

  it('gives filters that differ only by their values the same key, and their values in order', () => {
    const a = shapeOf({ kind: 'NEWS', organization: { path: { $like: '/1/%' } }, publishedAt: { $lte: at }, id: { $in: ['1', '2'] } })!;
    const b = shapeOf({ kind: 'CASE', organization: { path: { $like: '/1/16/%' } }, publishedAt: { $lte: new Date() }, id: { $in: ['7', '9'] } })!;
    expect(a.key).toBe(b.key);
    expect(a.values).toEqual(['NEWS', '/1/%', at, '1', '2']);
  });

  it('tells apart what changes the SQL: keys, nulls, array lengths, types, raw SQL', () => {
    const key = (v: unknown) => shapeOf(v)!.key;
    expect(key({ author: 1 })).not.toBe(key({ author: null }));
    expect(key({ id: { $in: ['1'] } })).not.toBe(key({ id: { $in: ['1', '2'] } }));
    expect(key({ id: 1 })).not.toBe(key({ id: '1' }));
    expect(key({ a: 1 })).not.toBe(key({ b: 1 }));
    expect(key({ [raw('x = ?', [1])]: [] })).not.toBe(key({ [raw('y = ?', [1])]: [] }));
    // An alias callback's SQL is part of the shape, whatever it closes over.
    const exists = (table: string) => ({ [raw((a: string) => `exists (select 1 from ${table} t where t.id = ${a}.id)`)]: [] });
    expect(key(exists('disclosure'))).not.toBe(key(exists('content_target')));
    expect(key({ [raw('x = ?', [1])]: [] })).toBe(key({ [raw('x = ?', [2])]: [] }));
  });

  it('puts a sentinel where each value was, raw fragments’ parameters included', () => {
    const shape = shapeOf({ title: '党建', [raw('x in (?)', [[3, 4]])]: [] })!;
    expect(shape.values).toEqual(['党建', 3, 4]);
    const template = shape.template as Record<string | symbol, unknown>;
    expect(template.title).not.toBe('党建');
    expect(Object.getOwnPropertySymbols(template)).toHaveLength(1);
  });

  it('refuses what is not plain data (an entity, a class instance)', () => {
    class Thing {}
    expect(shapeOf({ organization: new Thing() })).toBeNull();
  });
});

describe('compile', () => {
  // The sentinels of three values, as shapeOf puts them in a template.
  const [kind, three, four] = shapeOf(['NEWS', 3, 4])!.template as string[];

  it('maps each parameter to the value it stands for, a raw fragment’s list to its values', () => {
    expect(compile('select 1 where kind = ? limit ?', [kind, 21], 1)!.params).toEqual([{ slot: 0 }, { value: 21 }]);
    // `raw('pl.partner_id in (?)', [ids])` leaves its list as one parameter (bound as `= any($n)`).
    expect(compile('select 1 where kind = ? and pl.partner_id in (?)', [kind, [three, four]], 3)!.params).toEqual([{ slot: 0 }, { slots: [1, 2] }]);
  });

  it('refuses a statement where a value was changed, left out, or mixed into a list with constants', () => {
    expect(compile('select 1 where kind = ?', [`%${kind}%`], 1)).toBeNull();
    expect(compile(`select 1 where kind = '${kind}'`, [], 1)).toBeNull();
    expect(compile('select 1', [], 1)).toBeNull();
    expect(compile('select 1 where id in (?)', [[kind, 7]], 1)).toBeNull();
  });
});

describe('bindParameters', () => {
  const platform = new PostgreSqlPlatform();

  it('numbers the values, sends an in-list as one array, keeps nulls, identifiers and raw SQL inline', () => {
    const bound = bindParameters(platform, 'select ?? from t where a = ? and b in (?) and f not in (?) and c is ? and d = ? and e = \\?', ['x', 'v', [1, 2], ['党建'], null, raw('now()')]);
    expect(bound).toEqual({ text: 'select "x" from t where a = $1 and b = any($2) and f <> all($3) and c is null and d = now() and e = ?', values: ['v', [1, 2], ['党建']] });
    // Anywhere else a list is one parameter per item, as the ORM would have written them.
    expect(bindParameters(platform, 'select * from t where (a, b) = (?)', [[1, 2]])).toEqual({ text: 'select * from t where (a, b) = ($1, $2)', values: [1, 2] });
  });

  it('sends dates as the ORM writes them, and leaves SQL with its own $n alone', () => {
    const at = new Date('2026-11-30T08:00:00Z');
    expect(bindParameters(platform, 'select 1 where t <= ?', [at])!.values).toEqual([platform.formatDate(at)]);
    expect(bindParameters(platform, 'select $1::int where a = ?', [1])).toBeNull();
  });
});
