/** The per-request (and per-subscription-event) context every resolver receives. */
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type DataLoader from 'dataloader';
import { defineAbilityFor, type AppAbility, type Viewer } from '../authz/ability.js';
import { StatementCounter } from '../db/statement-counter.js';
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
  operation: { name?: string };
}

export async function createContext(args: {
  orm: MikroORM;
  requestId: string;
  log: Logger;
  authenticate: Authenticate;
  sessionCookie?: SessionCookie;
  userAgent?: string;
  statements?: StatementCounter;
}): Promise<Context> {
  const statements = args.statements ?? new StatementCounter();
  const em = args.orm.em.fork({ loggerContext: { requestId: args.requestId, statements } });
  const viewer = await args.authenticate(em);
  return {
    requestId: args.requestId,
    em,
    viewer,
    ability: defineAbilityFor(viewer),
    statements,
    log: args.log,
    loaders: new Map(),
    sessionCookie: args.sessionCookie,
    userAgent: args.userAgent,
    operation: {},
  };
}
