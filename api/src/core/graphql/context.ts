/** The per-request (and per-subscription-event) context every resolver receives. */
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type DataLoader from 'dataloader';
import { defineAbilityFor, type AppAbility, type Viewer } from '../authz/ability.js';
import { StatementCounter } from '../db/statement-counter.js';
import type { BudgetState } from '../http/rate-budget.js';
import type { EventBus } from '../events/bus.js';
import type { Logger } from '../log.js';

/** The session cookie, when the transport has one (HTTP); absent over WebSocket. */
export interface SessionCookie {
  set(token: string, maxAgeSeconds: number): void;
  clear(): void;
}

/** Finds out who is calling, using the request's own EntityManager. */
export type Authenticate = (em: EntityManager) => Promise<Viewer>;

export interface Context {
  requestId: string;
  /** A fork of the ORM for this request: its own identity map, its own statement counter. */
  em: EntityManager;
  viewer: Viewer;
  ability: AppAbility;
  statements: StatementCounter;
  log: Logger;
  /** Request-scoped DataLoaders, created on first use (see loaders.ts). */
  loaders: Map<symbol, DataLoader<unknown, unknown>>;
  sessionCookie?: SessionCookie;
  userAgent?: string;
  /**
   * Filled in once the operation is resolved, for the access log. An object, because Apollo
   * shallow-clones the context per operation and the log reads the original.
   */
  operation: { name?: string; cost?: { requested: number; limit: number }; budget?: BudgetState; trustedDocument?: string };
  /** Domain events, for subscriptions; null where the process runs none. */
  bus: EventBus | null;
  /**
   * Starts afresh for the next event of a subscription: a new EntityManager, empty loaders and a
   * rebuilt ability (its rules carry the time) — the EntityManager and the ability made when
   * first used — same caller. In place, because graphql-js resolves every event with the subscription's own context
   * object; events are handled one at a time.
   */
  renew(): void;
}

export async function createContext(args: {
  orm: MikroORM;
  bus?: EventBus | null;
  requestId: string;
  log: Logger;
  authenticate: Authenticate;
  sessionCookie?: SessionCookie;
  userAgent?: string;
  statements?: StatementCounter;
}): Promise<Context> {
  const statements = args.statements ?? new StatementCounter();
  const fork = () => args.orm.em.fork({ loggerContext: { requestId: args.requestId, statements } });
  let em: EntityManager | null = fork();
  const viewer = await args.authenticate(em);
  let ability: AppAbility | null = defineAbilityFor(viewer);
  const context: Context = {
    requestId: args.requestId,
    // Made on first use after a renewal: a subscription event that one look-up serves for many
    // subscribers (see content/live.ts) costs those who read nothing more neither.
    get em() {
      return (em ??= fork());
    },
    viewer,
    get ability() {
      return (ability ??= defineAbilityFor(viewer));
    },
    statements,
    log: args.log,
    loaders: new Map(),
    sessionCookie: args.sessionCookie,
    userAgent: args.userAgent,
    operation: {},
    bus: args.bus ?? null,
    renew() {
      em = null;
      context.loaders.clear();
      // Rules carry the time they were built at ("published by now"): they are built again.
      ability = null;
    },
  };
  return context;
}
