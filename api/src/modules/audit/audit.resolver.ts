/** The audit log, for admins: events of the organisations they may audit, newest first. */
import type { FilterQuery } from '@mikro-orm/core';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Ctx, Field, FieldResolver, GraphQLISODateTime, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { accessibleWhere, isUnrestricted } from '../../core/authz/sql-filter.js';
import type { Context } from '../../core/graphql/context.js';
import { badInput } from '../../core/graphql/errors.js';
import { byKey, defineLoader } from '../../core/graphql/loaders.js';
import { Node, registerNodeType } from '../../core/graphql/node.js';
import { connectionType, decodeCursor, expectGlobalId, paginate, toGlobalId, type Connection } from '../../core/graphql/relay.js';
import { User } from '../identity/user.entity.js';
import { UserType } from '../identity/identity.types.js';
import { Organization } from '../organizations/organization.entity.js';
import { organizationById } from '../organizations/organization.loaders.js';
import { OrganizationType } from '../organizations/organization.types.js';
import { AuditEvent } from './audit-event.entity.js';

@ObjectType('AuditEvent', { implements: Node, description: 'A consequential change: who, what, where, when, from where.' })
export class AuditEventType extends Node {
  @Field({ description: 'What was done, as `<subject>.<verb>`, e.g. organization.move, membership.grant, apiClient.create.' }) action!: string;
  @Field({ description: 'The kind of object acted on, e.g. Organization.' }) subjectType!: string;
  @Field({ description: 'Local id of the subject.' }) subjectId!: string;
  @Field(() => GraphQLJSONObject, { description: 'What changed, as recorded (never secrets or personal data in full).', nullable: true }) details!: Record<string, unknown> | null;
  @Field(() => String, { nullable: true, description: 'Source address of the request.' }) ip!: string | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
}
const AuditEventConnection = connectionType('AuditEvent', AuditEventType);

/** Who acted. Whoever may read an event may know its actor's name, whatever else they may see. */
const actorById = defineLoader<number, User | null>(async (ctx, ids) => byKey(ids, await ctx.em.find(User, { id: { $in: [...ids] } }), (u) => u.id));

/** Events the caller may audit: their organisations' events, and enterprise-level ones for top-level admins. */
function auditFilter(ctx: Context): FilterQuery<AuditEvent> | null {
  const orgs = accessibleWhere<Organization>(ctx.ability, 'readAudit', 'Organization');
  const enterprises = accessibleWhere(ctx.ability, 'readAudit', 'Enterprise');
  if (isUnrestricted(orgs) && isUnrestricted(enterprises)) return {};
  const parts: FilterQuery<AuditEvent>[] = [];
  if (orgs) parts.push((isUnrestricted(orgs) ? { organization: { $ne: null } } : { organization: orgs }) as FilterQuery<AuditEvent>);
  if (enterprises) parts.push({ organization: null, ...(isUnrestricted(enterprises) ? {} : { enterprise: enterprises }) } as FilterQuery<AuditEvent>);
  return parts.length === 0 ? null : parts.length === 1 ? parts[0]! : { $or: parts };
}

registerNodeType({
  typeName: 'AuditEvent',
  entity: AuditEvent,
  load: async (ctx, id) => {
    const access = auditFilter(ctx);
    return access ? ctx.em.findOne(AuditEvent, { $and: [{ id: String(id) }, access] }) : null;
  },
});

@Resolver(() => AuditEventType)
export class AuditResolver {
  @Query(() => AuditEventConnection, { description: 'The audit log you may read, newest first, with optional filters.' })
  async auditEvents(
    @Arg('first', () => Int) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('organizationId', () => ID, { nullable: true, description: 'Only events of this organisation and its subtree.' }) organizationId: string | null,
    @Arg('action', () => String, { description: 'Only events of this action, e.g. membership.grant.', nullable: true }) action: string | null,
    @Arg('since', () => GraphQLISODateTime, { description: 'Events at or after this time.', nullable: true }) since: Date | null,
    @Arg('until', () => GraphQLISODateTime, { description: 'Events before this time.', nullable: true }) until: Date | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<AuditEvent>> {
    if (since && until && until < since) throw badInput('`until` must not be before `since`.', 'until');
    if (action != null && action.length > 60) throw badInput('`action` is at most 60 characters.', 'action');
    const access = auditFilter(ctx);
    const where: FilterQuery<AuditEvent>[] = [];
    if (organizationId) {
      const org = await organizationById(ctx).load(expectGlobalId(organizationId, 'Organization', 'organizationId'));
      where.push(org ? { organization: { path: { $like: `${org.path}%` } } } : { id: '0' });
    }
    if (action) where.push({ action });
    if (since) where.push({ createdAt: { $gte: since } });
    if (until) where.push({ createdAt: { $lt: until } });
    const filter = (extra: FilterQuery<AuditEvent>[]): FilterQuery<AuditEvent> => ({ $and: [...where, ...extra, access!] });
    return paginate({
      first,
      after: after == null ? null : (decodeCursor(after, ['string']) as [string]),
      keyOf: (e) => [e.id] as [string],
      fetch: async (limit, cursor) =>
        access ? ctx.em.find(AuditEvent, filter(cursor ? [{ id: { $lt: cursor[0] } }] : []), { orderBy: { id: 'desc' }, limit }) : [],
      count: async () => (access ? ctx.em.count(AuditEvent, filter([])) : 0),
    });
  }

  @FieldResolver(() => ID)
  id(@Root() event: AuditEvent): string {
    return toGlobalId('AuditEvent', event.id);
  }

  @FieldResolver(() => UserType, { nullable: true, description: 'The user who acted (null for API clients and the platform).' })
  actor(@Root() event: AuditEvent, @Ctx() ctx: Context): Promise<User | null> | null {
    return event.actorUserId === null ? null : actorById(ctx).load(event.actorUserId);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Global id of the API client that acted, if one did.' })
  actorApiClientId(@Root() event: AuditEvent): string | null {
    return event.actorApiClientId === null ? null : toGlobalId('ApiClient', event.actorApiClientId);
  }

  @FieldResolver(() => OrganizationType, { description: 'The organisation it concerned, if any.', nullable: true })
  organization(@Root() event: AuditEvent, @Ctx() ctx: Context): Promise<Organization | null> | null {
    return event.organization ? organizationById(ctx).load(event.organization.id) : null;
  }
}
