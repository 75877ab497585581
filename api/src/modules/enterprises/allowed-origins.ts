/**
 * CORS allow-lists: each enterprise's top-level admins name the web origins of their browser
 * apps; the API answers cross-origin requests from the union of those lists (and nothing else).
 * Each process caches the set; a change invalidates every process's cache through the event bus
 * (and the cache expires after 30 s in any case).
 */
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { assertCan, type Actor } from '../../core/authz/check.js';
import { badInput } from '../../core/graphql/errors.js';
import { emit } from '../../core/events/bus.js';
import { recordAudit } from '../audit/audit.service.js';
import { Enterprise } from './enterprise.entity.js';

declare module '../../core/events/bus.js' {
  interface EventTypes {
    /** An enterprise's allowed browser origins changed: every process drops its cached list. */
    'enterprise.allowedOrigins': { id: number };
  }
}

const MAX_ORIGINS = 20;
const ORIGIN = /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/;

/** Normalised origins, or BAD_USER_INPUT naming the first bad one. */
export function cleanOrigins(origins: string[]): string[] {
  if (origins.length > MAX_ORIGINS) throw badInput(`At most ${MAX_ORIGINS} origins.`, 'origins');
  return [
    ...new Set(
      origins.map((raw) => {
        const value = raw.trim().toLowerCase().replace(/\/$/, '');
        if (!ORIGIN.test(value)) throw badInput(`"${raw.slice(0, 100)}" is not an origin like https://app.example.com (scheme, host and port only).`, 'origins');
        return value;
      }),
    ),
  ];
}

export async function setAllowedOrigins(em: EntityManager, actor: Actor, enterpriseId: number, origins: string[]): Promise<Enterprise> {
  const clean = cleanOrigins(origins);
  return em.transactional(async (tx) => {
    await assertCan(tx, actor, 'manageApiClients', Enterprise, 'Enterprise', enterpriseId, 'The enterprise');
    const enterprise = await tx.findOneOrFail(Enterprise, enterpriseId);
    enterprise.allowedOrigins = clean;
    recordAudit(tx, actor.viewer, { action: 'enterprise.allowedOrigins', subjectType: 'Enterprise', subjectId: enterpriseId, enterpriseId, details: { origins: clean } });
    await tx.flush();
    // Every API process drops its cached allow-list when this commits.
    await emit(tx, { type: 'enterprise.allowedOrigins', id: enterpriseId });
    return enterprise;
  });
}

/** The union of every enterprise's origins, refreshed at most every 30 s. */
export function allowedOriginsCache(orm: MikroORM, ttlMs = 30_000): { has(origin: string): Promise<boolean>; invalidate(): void } {
  let loaded: { at: number; origins: Set<string> } | null = null;
  let pending: Promise<Set<string>> | null = null;
  const load = async () => {
    const rows = await orm.em.fork().execute<{ origin: string }[]>('select distinct unnest(allowed_origins) as origin from enterprise');
    loaded = { at: Date.now(), origins: new Set(rows.map((r) => r.origin)) };
    return loaded.origins;
  };
  return {
    async has(origin) {
      const fresh = loaded && Date.now() - loaded.at < ttlMs ? loaded.origins : await (pending ??= load().finally(() => (pending = null)));
      return fresh.has(origin.toLowerCase());
    },
    invalidate() {
      loaded = null;
    },
  };
}
