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
 * a generation number keeps an answer computed before a write from being stored after it, and a
 * mutation answers only when its own process has heard its notifications (a fence), so whoever
 * wrote reads fresh at once. A time-to-live backs this up for what no event names (view counts). Signed-in callers, API keys
 * and requests with `Cache-Control: no-cache` always go to the server.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { parse } from 'graphql';
import type { DomainEvent, EventBus } from '../events/bus.js';
import { locals } from './request-log.js';
import type { Logger } from '../log.js';

declare module '../events/bus.js' {
  interface EventTypes {
    /** A committed write to a table anonymous pages read (sent by triggers, see the module comment). */
    'cache.invalidate': object;
    /** Sent by a process after one of its mutations; when it comes back, every notification of that mutation has been heard. */
    'cache.fence': { token: string };
  }
}

/** Events that change nothing an anonymous page shows (frequent ones: they would empty the cache for nothing). */
const UNRELATED = new Set<DomainEvent['type']>(['notification.created', 'meetings.signedIn', 'content.reviewQueue', 'cache.fence']);
/** The longest a mutation's answer waits for its fence (the bus reconnecting, say). */
const FENCE_TIMEOUT_MS = 2_000;

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
  /**
   * Read-your-writes in this process: a mutation's answer waits until the process has heard every
   * notification its transaction sent (a fence sent after it comes back), so the caller's very next
   * anonymous read is fresh — without emptying the cache for mutations that change nothing public.
   */
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
  bus: EventBus;
  /** Sends a notification on the event channel, outside any transaction. */
  notify: (event: DomainEvent) => Promise<void>;
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
  const fences = new Map<string, () => void>();
  const events = args.bus.stream();
  const listening = (async () => {
    for await (const event of events) {
      if (event.type === 'cache.fence') fences.get(event.token)?.();
      else if (!UNRELATED.has(event.type)) clear();
    }
  })().catch((error: unknown) => args.log.warn({ err: error }, 'response cache: event listener stopped'));

  async function fence(): Promise<void> {
    const token = randomUUID();
    const heard = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, FENCE_TIMEOUT_MS);
      fences.set(token, () => (clearTimeout(timer), resolve()));
    });
    try {
      await args.notify({ type: 'cache.fence', token });
      await heard;
    } catch {
      clear(); // could not fence: empty the cache rather than risk a stale answer
    } finally {
      fences.delete(token);
    }
  }

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
    locals(res).onAnswer = (status, payload) => {
      if (status !== 200 || generation !== startedIn) return;
      const answer = JSON.parse(payload) as { errors?: unknown; extensions?: unknown };
      // Only whole answers: one with errors is not worth keeping (and may be about the moment).
      if (answer.errors) return;
      // Extensions speak of this request (its cost, the caller's budget): a cached answer has none.
      delete answer.extensions;
      entries.delete(key);
      entries.set(key, { body: JSON.stringify(answer), storedAt: Date.now() });
      if (entries.size > args.options.maxEntries) entries.delete(entries.keys().next().value!);
    };
    next();
  }

  const plugin: ApolloServerPlugin<never> = {
    async requestDidStart() {
      return {
        async willSendResponse({ operation }) {
          if (operation?.operation === 'mutation') await fence();
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
      await events.return?.();
      await listening;
    },
  };
}
