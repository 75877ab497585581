/**
 * Reads that repeat run as prepared statements, so PostgreSQL parses them once per connection and
 * keeps their plans (issue #19: planning had become the larger part of the hot reads' database
 * time, more than running them). The ORM inlines every value into the SQL it sends; this
 * connection sends a read's values as parameters instead, and names the statement once the same
 * text has been seen twice — what pgx and Npgsql do on their own ("auto-prepare").
 *
 * PostgreSQL decides per statement whether a generic plan is as good as planning for the values
 * (it plans the first five executions for their values and compares): a subtree's `path LIKE $1`
 * keeps being planned for its prefix, a lookup by id stops being planned at all.
 *
 * Only reads outside a transaction go this way (a transaction's statements keep the ORM's path),
 * and a write outside one that asks to be (marked with PREPARE: one the platform runs all the time),
 * and only when every value can be bound: a statement that already holds `$n`, or whose parameter
 * types PostgreSQL cannot infer, runs as before — remembered, so it is not tried again.
 */
import { createHash } from 'node:crypto';
import { isRaw, type Configuration } from '@mikro-orm/core';
import { PostgreSqlConnection, PostgreSqlDriver } from '@mikro-orm/postgresql';
import type pg from 'pg';

/** Bound text with its values; null when a value can't be a parameter. */
export interface Bound {
  text: string;
  values: unknown[];
}

type Platform = { quoteIdentifier(id: unknown): string; formatQuery(sql: string, params: readonly unknown[]): string; formatDate(d: Date): string };

/** A value as a parameter (what the ORM would have inlined, the same way), or undefined when it must stay inline. */
function parameter(platform: Platform, value: unknown): unknown {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return platform.formatDate(value);
  if (ArrayBuffer.isView(value)) return value;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) return JSON.stringify(value);
  return undefined;
}

/**
 * The ORM's `?` placeholders as `$n` parameters, scanning exactly as its `formatQuery` does (`\?`
 * is a literal `?`, `??` an identifier). An `in (?)` list of plain values becomes `= any($n)` with
 * the list as one array parameter — one text whatever the list's length, and a generic plan that
 * reads the array once instead of building it for every row; other arrays become one parameter
 * per item. Raw fragments and nulls stay inline, as the ORM writes them.
 */
export function bindParameters(platform: Platform, sql: string, params: readonly unknown[]): Bound | null {
  if (params.length === 0) return { text: sql, values: [] };
  if (/\$\d/.test(sql)) return null; // its own numbered parameters or dollar quotes: leave it alone
  const values: unknown[] = [];
  const bind = (value: unknown): string | null => {
    if (value === null || value === undefined) return 'null';
    if (isRaw(value)) return platform.formatQuery(value.sql, value.params);
    if (Array.isArray(value)) {
      const items = value.map((item) => (Array.isArray(item) ? null : bind(item)));
      return items.includes(null) ? null : items.join(', ');
    }
    const param = parameter(platform, value);
    if (param === undefined) return null;
    values.push(param);
    return `$${values.length}`;
  };
  let text = '';
  let j = 0;
  let pos = 0;
  while (pos < sql.length) {
    const idx = sql.indexOf('?', pos);
    if (idx === -1) {
      text += sql.slice(pos);
      break;
    }
    if (idx > 0 && sql[idx - 1] === '\\') {
      text += `${sql.slice(pos, idx - 1)}?`;
      pos = idx + 1;
    } else if (sql[idx + 1] === '?') {
      text += sql.slice(pos, idx) + platform.quoteIdentifier(params[j++]);
      pos = idx + 2;
    } else {
      const before = sql.slice(pos, idx);
      const list = Array.isArray(params[j]) && sql[idx + 1] === ')' ? IN_LIST.exec(before) : null;
      const items = list && asList(params[j] as unknown[], platform);
      if (list && items) {
        // `x in (?)` → `x = any($n)`, `x not in (?)` → `x <> all($n)`: the same rows, NULLs included.
        j++;
        values.push(items);
        text += before.slice(0, list.index) + (list[1] ? ` <> all($${values.length})` : ` = any($${values.length})`);
        pos = idx + 2;
      } else {
        const bound = bind(params[j++]);
        if (bound === null) return null;
        text += before + bound;
        pos = idx + 1;
      }
    }
  }
  return { text, values };
}

/** The end of `… in (` or `… not in (` just before a list's placeholder. */
const IN_LIST = /\s+(not\s+)?in\s*\($/i;

/** A non-empty list of strings, numbers, booleans and dates as one array parameter; null otherwise. */
function asList(items: unknown[], platform: Platform): unknown[] | null {
  if (items.length === 0) return null;
  const out: unknown[] = [];
  for (const item of items) {
    if (!(typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean' || typeof item === 'bigint' || item instanceof Date)) return null;
    out.push(parameter(platform, item));
  }
  return out;
}

/**
 * A query builder's `.comment(PLAN_EVERY_TIME)` keeps its statement out of the prepared ones: sent
 * as the ORM sends it, planned for its values every time — for a statement whose generic plan
 * PostgreSQL picks though it runs slower (a count through thousands of rows evaluating its
 * conditions with parameters rather than constants).
 */
export const PLAN_EVERY_TIME = 'plan every time';
const PLANNED_EVERY_TIME = `/* ${PLAN_EVERY_TIME} */`;

/** A write outside a transaction whose text starts with this as a comment is prepared as the reads are (the rate budgets' upsert). */
export const PREPARE = 'prepared';
const MARKED_PREPARED = `/* ${PREPARE} */`;

/** How many times a text must be seen before it is prepared (a one-off never takes a slot). */
const MIN_USES = 2;
/** Statements one connection keeps prepared; past this it is retired and a fresh one opened. */
export const MAX_PREPARED_PER_CONNECTION = 200;
/** Texts remembered for counting their uses (and those that can't be prepared). */
const MAX_TEXTS = 5_000;

/** PostgreSQL could not type a parameter where the ORM wrote a literal: run it inline instead. */
const NOT_BINDABLE = new Set(['42P18', '42725', '42804', '42883', '22P02']);

export interface TextInfo {
  uses: number;
  name: string | null;
  inline: boolean;
  /** The fastest it has run, and a moving average of its recent runs (ms). */
  best: number;
  recent: number;
  /** Planned for its values at every run from now on: sent unnamed (see `observe`). */
  unnamed: boolean;
  /** When it last ran (ms, `performance.now()`): its `recent` tells of the load now only if lately. */
  ranAt: number;
}

/**
 * A run's weight in `recent`: about the last twenty runs. A plan gone wrong is slow at every run;
 * a burst (a collection pausing the event loop while sixteen sessions' lookups were in flight)
 * passes: with a weight of a fifth, five runs of 100 ms among 7 ms ones made the session's lookup
 * look gone wrong beside the organisations' read of the same requests.
 */
const RECENT_WEIGHT = 0.05;

/**
 * Watches a statement's runs for a plan gone wrong. After five runs planned for their values,
 * PostgreSQL may keep a generic plan chosen on estimates alone — and an estimate can be wrong by
 * orders of magnitude: a subtree's `path LIKE $3` is judged to match one organisation of two
 * hundred, and on one fresh dataset the member list's generic plan ran 10× slower than its
 * custom ones (while the portal home's generic plans are what make it fast). A statement whose
 * recent runs take twenty times its best, more than 60 ms, and five times what the other
 * statements running now take (their median), is sent unnamed from then on: planned for its
 * values every time, as it was when it ran well. The times are seen from Node, so they hold the
 * event loop's delays under load — which slow every statement alike, and the comparison with
 * the others is what tells the two apart: at 16 connections on two cores the member list's
 * generic plan ran 130 ms at the median (46 ms at best) while the content reads beside it ran
 * 5 ms (issue #19's bench, where it took the list from 60 % of the floor to 17 %). A busy
 * machine slows every statement, and a burst some of them: before the comparison and the slower
 * average, the session's lookup (6.6 ms at the median, like the organisations' read beside it)
 * was sent unnamed for good in four of some ten runs. A false alarm costs planning at every run.
 */
export function observe(info: TextInfo, ms: number, others: () => number[]): void {
  info.best = Math.min(info.best, ms);
  info.recent = info.recent === 0 ? ms : info.recent * (1 - RECENT_WEIGHT) + ms * RECENT_WEIGHT;
  if (info.unnamed || info.uses < 20 || info.recent <= 60 || info.recent <= 20 * info.best) return;
  // Alone, a slow statement can't be told from a slow machine (at the start of a load, before its
  // fellows had run, the session's lookup looked gone wrong): it waits for company.
  const now = median(others());
  if (now === null || info.recent <= 5 * now) return;
  info.unnamed = true;
}

const median = (values: readonly number[]): number | null => (values.length ? [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]! : null);

/** How long ago a statement may have last run for its recent runs to count as the load now (ms). */
const LATELY_MS = 2_000;

export class PreparedReadsConnection extends PostgreSqlConnection {
  #texts = new Map<string, TextInfo>();
  #lately: { at: number; infos: TextInfo[] } = { at: -Infinity, infos: [] };
  /** Names each pooled client has prepared (the pool gives the same client objects back). */
  #prepared = new WeakMap<pg.PoolClient, Set<string>>();

  override async execute(query: unknown, params: unknown[] = [], method: 'all' | 'get' | 'run' = 'all', ctx?: unknown, loggerContext?: unknown): Promise<never> {
    const read = !ctx && typeof query === 'string' && Array.isArray(params) && ((method !== 'run' && /^\s*(select|with)\b/i.test(query)) || query.startsWith(MARKED_PREPARED));
    const planned = typeof query === 'string' && query.startsWith(PLANNED_EVERY_TIME);
    const bound = read && !planned ? bindParameters(this.platform as unknown as Platform, query as string, params) : null;
    const info = bound && this.#infoOf(bound.text);
    if (!bound || !info || info.inline) return super.execute(query as never, params as never, method, ctx as never, loggerContext as never) as Promise<never>;

    await this.ensureConnection();
    // Logged as the ORM logs its own: the text with `?`, the values beside it (our logger formats them when tracing).
    const { abort: _abort, ...context } = (loggerContext ?? {}) as Record<string, unknown>;
    try {
      return (await this.executeQuery(query as string, async () => this.transformRawResult(await this.#run(bound, info), method), { query: query as string, params, ...context })) as never;
    } catch (error) {
      if (!NOT_BINDABLE.has((error as { code?: string }).code ?? '')) throw error;
      info.inline = true;
      return super.execute(query as never, params as never, method, ctx as never, loggerContext as never) as Promise<never>;
    }
  }

  #infoOf(text: string): TextInfo {
    let info = this.#texts.get(text);
    if (!info) {
      if (this.#texts.size >= MAX_TEXTS) this.#texts.clear();
      info = { uses: 0, name: null, inline: false, best: Infinity, recent: 0, unnamed: false, ranAt: 0 };
      this.#texts.set(text, info);
    }
    if (++info.uses >= MIN_USES && !info.name) info.name = `dj_${createHash('sha1').update(text).digest('base64url').slice(0, 20)}`;
    return info;
  }

  /**
   * The recent run times of the other statements that ran lately. Asked only of a statement that
   * looks gone wrong — under a load that slows everything, of every statement at every run: the
   * list of those that ran lately is found at most four times a second.
   */
  #othersNow(info: TextInfo): number[] {
    const now = performance.now();
    if (now - this.#lately.at > 250) {
      this.#lately = { at: now, infos: [...this.#texts.values()].filter((other) => other.ranAt >= now - LATELY_MS && other.uses >= MIN_USES) };
    }
    return this.#lately.infos.filter((other) => other !== info).map((other) => other.recent);
  }

  async #run(bound: Bound, info: TextInfo): Promise<{ rows: unknown[] }> {
    const pool = (await this.getNativeClient()) as pg.Pool;
    const client = await pool.connect();
    let prepared = this.#prepared.get(client);
    if (!prepared) this.#prepared.set(client, (prepared = new Set()));
    let failed: Error | undefined;
    try {
      const name = (!info.unnamed && info.name) || undefined;
      const started = performance.now();
      const result = await client.query({ text: bound.text, values: bound.values, ...(name ? { name } : {}) });
      const wasUnnamed = info.unnamed;
      info.ranAt = performance.now();
      observe(info, info.ranAt - started, () => this.#othersNow(info));
      if (info.unnamed && !wasUnnamed) {
        const others = this.#othersNow(info);
        const beside = `, the ${others.length} others running now ${median(others)!.toFixed(1)} ms at the median`;
        this.logger.warn('query', `A prepared statement ran ${Math.round(info.recent)} ms against its best ${info.best.toFixed(1)} ms${beside} (a generic plan gone wrong?): planned for its values from now on: ${bound.text.slice(0, 200)}`);
      }
      if (name) prepared.add(name);
      return result;
    } catch (error) {
      failed = error as Error;
      throw error;
    } finally {
      // An error may leave the connection unusable (the pool's own `query` drops it too); a client
      // that holds many prepared statements is retired so they don't pile up on the server.
      client.release(failed ?? prepared.size >= MAX_PREPARED_PER_CONNECTION);
    }
  }
}

/** The PostgreSQL driver with `PreparedReadsConnection` as its connection. */
export class PreparedReadsDriver extends PostgreSqlDriver {
  constructor(config: Configuration) {
    super(config);
    (this as unknown as { connection: PostgreSqlConnection }).connection = new PreparedReadsConnection(this.config);
  }
}
