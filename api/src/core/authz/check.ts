/**
 * Checks on one row, asked of the database: "may the caller do X to row R?" is "does R pass the
 * SQL filter for X?". The same rules as lists, so a check and a list can never disagree.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityName } from '@mikro-orm/core';
import { AppError, ErrorCode, forbidden, notFound } from '../graphql/errors.js';
import { defineAbilityFor, SYSTEM, type Action, type AppAbility, type SubjectType, type Viewer } from './ability.js';
import { authorised } from './sql-filter.js';

export interface Actor {
  viewer: Viewer;
  ability: AppAbility;
}

/** For the demo seed and maintenance scripts only. */
export const systemActor = (): Actor => ({ viewer: SYSTEM, ability: defineAbilityFor(SYSTEM) });

export async function can(em: EntityManager, actor: Actor, action: Action, entity: EntityName<object>, subject: SubjectType, id: number | string): Promise<boolean> {
  const filter = authorised(actor.ability, subject, { id }, action);
  return filter !== null && (await em.count(entity, filter)) > 0;
}

/**
 * Throws unless the caller may `action` the row: UNAUTHENTICATED for anonymous callers,
 * NOT_FOUND when the row is hidden from them (its existence is not revealed), FORBIDDEN otherwise.
 */
export async function assertCan(
  em: EntityManager,
  actor: Actor,
  action: Action,
  entity: EntityName<object>,
  subject: SubjectType,
  id: number | string,
  what = 'The object',
): Promise<void> {
  if (await can(em, actor, action, entity, subject, id)) return;
  if (actor.viewer.kind === 'anonymous' && action !== 'read') throw new AppError(ErrorCode.UNAUTHENTICATED, 'Sign in first.');
  if (action !== 'read' && (await can(em, actor, 'read', entity, subject, id))) throw forbidden();
  throw notFound(`${what} does not exist.`);
}

export function requireUser(viewer: Viewer): Extract<Viewer, { kind: 'user' }> {
  if (viewer.kind === 'user') return viewer;
  if (viewer.kind === 'apiClient') throw forbidden('API keys cannot do this.');
  throw new AppError(ErrorCode.UNAUTHENTICATED, 'Sign in first.');
}
