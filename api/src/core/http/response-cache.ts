/**
 * The response cache for anonymous reads: a `query` of a trusted document (what the portals send)
 * that its author marked `# @anonymousCache`, from a caller with no session and no key, is answered
 * from memory when the same document and variables were answered before — without authentication,
 * SQL or GraphQL execution.
 *
 * Invalidation is by event, in every API process: any domain event (publications, take-downs…)
 * and `cache.invalidate`, which statement-level triggers on the tables anonymous pages read send
 * on every committed write (migration `…_response_cache`: edits, themes, organisations, partners…)
 * — through the same LISTEN/NOTIFY bus. The whole cache is dropped (writes are rare beside reads);
 * a generation number keeps an answer computed before a write from being stored after it. A
 * time-to-live backs this up for what no event names (view counts). Signed-in callers, API keys
 * and requests with `Cache-Control: no-cache` always go to the server.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import { parse } from 'graphql';
import type { DomainEvent, EventBus } from '../events/bus.js';
import type { Logger } from '../log.js';

declare module '../events/bus.js' {
  interface EventTypes {
    /** A committed write to a table anonymous pages read (sent by triggers, see the module comment). */
    'cache.invalidate': object;
  }
}

/** Events that change nothing an anonymous page shows (frequent ones: they would empty the cache for nothing). */
const UNRELATED = new Set<DomainEvent['type']>(['notification.created', 'meetings.signedIn', 'content.reviewQueue']);

export interface ResponseCacheOptions {
  maxEntries: number;
  ttlMs: number;
}

interface Entry {
  body: string;
  storedAt: number;
}

export interface ResponseCache {
  middleware(req: Request, res: Response, next: NextFunction): void;
  /** Drops this process's answers when a mutation it ran completes (its own writes are seen at once; others' via the bus). */
  plugin: ApolloServerPlugin<never>;
  /** Drops every answer (and any being computed). */
  clear(): void;
  stats(): { entries: number; hits: number; misses: number };
  stop(): Promise<void>;
}

/** What marks a trusted document's query as cacheable: this comment in the lines just above it. */
export const CACHE_MARK = '@anonymousCache';

/**
 * The cacheable queries of each trusted document: those whose author marked them. Opt-in, because
 * some anonymous queries must be fresh every time (a one-time form token, a card's verification).
 */
function cacheableOperations(trustedDocuments: ReadonlyMap<string, string>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [id, text] of trustedDocuments) {
    const names = new Set<string>();
    for (const definition of parse(text).definitions) {
      if (definition.kind !== 'OperationDefinition' || definition.operation !== 'query' || !definition.name || !definition.loc) continue;
      const above = text.slice(0, definition.loc.start).trimEnd().split('\n');
      const comments: string[] = [];
      while (above.length && above.at(-1)!.trim().startsWith('#')) comments.push(above.pop()!);
      if (comments.some((line) => line.includes(CACHE_MARK))) names.add(definition.name.value);
    }
    if (names.size) out.set(id, names);
  }
  return out;
}

export function responseCache(args: {
  trustedDocuments: ReadonlyMap<string, string>;
  bus: EventBus | null;
  sessionCookieName: string;
  log: Logger;
  options: ResponseCacheOptions;
}): ResponseCache {
  const queries = cacheableOperations(args.trustedDocuments);
  const entries = new Map<string, Entry>();
  const cookie = new RegExp(`(?:^|;\\s*)${args.sessionCookieName}=`);
  let generation = 0;
  let hits = 0;
  let misses = 0;
  const clear = () => {
    generation += 1;
    entries.clear();
  };

  // Every process listens; an event drops this process's answers.
  const events = args.bus?.stream();
  const listening = events
    ? (async () => {
        for await (const event of events) if (!UNRELATED.has(event.type)) clear();
      })().catch((error: unknown) => args.log.warn({ err: error }, 'response cache: event listener stopped'))
    : Promise.resolve();

  function middleware(req: Request, res: Response, next: NextFunction): void {
    const body = req.body as { documentId?: unknown; operationName?: unknown; variables?: unknown } | undefined;
    if (req.method !== 'POST' || typeof body?.documentId !== 'string' || typeof body.operationName !== 'string') return next();
    if (!queries.get(body.documentId)?.has(body.operationName)) return next();
    // Anonymous only: no bearer token or key, no session cookie; and never when asked not to.
    if (req.headers.authorization || cookie.test(req.headers.cookie ?? '') || /no-cache|no-store/.test(req.headers['cache-control'] ?? '')) return next();
    const key = JSON.stringify([body.documentId, body.operationName, body.variables ?? null]);
    const now = Date.now();
    const found = entries.get(key);
    if (found && now - found.storedAt < args.options.ttlMs) {
      hits += 1;
      // Least recently used last: re-insert on every hit.
      entries.delete(key);
      entries.set(key, found);
      res.setHeader('x-cache', 'HIT');
      res.type('application/json; charset=utf-8').send(found.body);
      return;
    }
    misses += 1;
    res.setHeader('x-cache', 'MISS');
    const startedIn = generation;
    const send = res.send.bind(res);
    res.send = (payload?: unknown) => {
      if (res.statusCode === 200 && generation === startedIn && (typeof payload === 'string' || Buffer.isBuffer(payload))) {
        const text = String(payload);
        // Only whole answers: one with errors is not worth keeping (and may be about the moment).
        if (!(JSON.parse(text) as { errors?: unknown }).errors) {
          entries.delete(key);
          entries.set(key, { body: text, storedAt: Date.now() });
          if (entries.size > args.options.maxEntries) entries.delete(entries.keys().next().value!);
        }
      }
      return send(payload);
    };
    next();
  }

  const plugin: ApolloServerPlugin<never> = {
    async requestDidStart() {
      return {
        async willSendResponse({ operation }) {
          if (operation?.operation === 'mutation') clear();
        },
      };
    },
  };

  return {
    middleware,
    plugin,
    clear,
    stats: () => ({ entries: entries.size, hits, misses }),
    async stop() {
      await events?.return?.();
      await listening;
    },
  };
}
