/** The per-request (and per-subscription-event) context every resolver receives. */
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type DataLoader from 'dataloader';
import { defineAbilityFor, type AppAbility, type Viewer } from '../authz/ability.js';
import { StatementCounter } from '../db/statement-counter.js';
import type { Logger } from '../log.js';

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
  /**
   * Filled in once the operation is resolved, for the access log. An object, because Apollo
   * shallow-clones the context per operation and the log reads the original.
   */
  operation: { name?: string };
}

export function createContext(args: { orm: MikroORM; requestId: string; viewer: Viewer; log: Logger }): Context {
  const statements = new StatementCounter();
  return {
    requestId: args.requestId,
    em: args.orm.em.fork({ loggerContext: { requestId: args.requestId, statements } }),
    viewer: args.viewer,
    ability: defineAbilityFor(args.viewer),
    statements,
    log: args.log,
    loaders: new Map(),
    operation: {},
  };
}
