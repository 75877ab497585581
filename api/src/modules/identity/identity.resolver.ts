/** GraphQL adapters for accounts, sessions, roles and API clients: parse, delegate, shape. */
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/graphql/context.js';
import { registerNodeType } from '../../core/graphql/node.js';
import { mutate } from '../../core/graphql/payload.js';
import { decodeCursor, expectGlobalId, paginate, toGlobalId, type Connection } from '../../core/graphql/relay.js';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { enterpriseById } from '../enterprises/enterprise.loaders.js';
import { EnterpriseType } from '../enterprises/enterprise.types.js';
import { requireUser } from '../../core/authz/check.js';
import { Organization } from '../organizations/organization.entity.js';
import { organizationById, type OrganizationView } from '../organizations/organization.loaders.js';
import { OrganizationType } from '../organizations/organization.types.js';
import { ApiClient } from './api-client.entity.js';
import { budgetOf, createApiClient, revokeApiClient, rotateApiClient } from './api-client.service.js';
import {
  apiClientById,
  apiClientsOfEnterprise,
  countReadableMemberships,
  findReadableMemberships,
  membershipById,
  membershipsOfUser,
  userById,
} from './identity.loaders.js';
import {
  ApiClientBudgetType,
  ApiClientCreateInput,
  ApiClientCreatePayload,
  ApiClientRevokePayload,
  ApiClientType,
  EffectivePermissionsType,
  MemberAccountCreateInput,
  MemberAccountCreatePayload,
  MembershipConnection,
  MembershipGrantInput,
  MembershipGrantPayload,
  MembershipRevokePayload,
  MembershipType,
  PasswordChangeInput,
  PasswordChangePayload,
  SignInInput,
  SignInPayload,
  SessionRevokePayload,
  SignOutPayload,
  UserType,
  ViewerKind,
  ViewerType,
} from './identity.types.js';
import { Membership } from './membership.entity.js';
import { createMemberAccount, grantRole, revokeRole } from './membership.service.js';
import { effectivePermissions } from './permissions.service.js';
import { changePassword, listSessions, revokeSession, SESSION_TTL_SECONDS, signIn, signOut } from './session.service.js';
import { User } from './user.entity.js';

registerNodeType({ typeName: 'User', entity: User, load: (ctx, id) => userById(ctx).load(id) });
registerNodeType({ typeName: 'Membership', entity: Membership, load: (ctx, id) => membershipById(ctx).load(id) });
registerNodeType({ typeName: 'ApiClient', entity: ApiClient, load: (ctx, id) => apiClientById(ctx).load(id) });

async function viewerOf(ctx: Context, userId: number | null): Promise<ViewerType> {
  if (ctx.viewer.kind === 'apiClient') {
    const client = await ctx.em.findOne(ApiClient, ctx.viewer.apiClientId);
    return { kind: ViewerKind.API_CLIENT, user: null, email: null, phone: null, isPlatformAdmin: false, memberships: [], apiClient: client, sessions: [] };
  }
  if (userId === null) return { kind: ViewerKind.ANONYMOUS, user: null, email: null, phone: null, isPlatformAdmin: false, memberships: [], apiClient: null, sessions: [] };
  const user = await ctx.em.findOneOrFail(User, userId);
  const memberships = await ctx.em.find(Membership, { user: userId, organization: { archivedAt: null } }, { orderBy: { id: 'asc' } });
  const sessions = ctx.viewer.kind === 'user' ? (await listSessions(ctx.em, ctx.viewer)).map((s) => ({ ...s, id: toGlobalId('Session', s.id) })) : [];
  return { kind: ViewerKind.USER, user, email: user.email, phone: user.phone, isPlatformAdmin: user.isPlatformAdmin, memberships, apiClient: null, sessions };
}

@Resolver()
export class SessionResolver {
  @Query(() => ViewerType, { description: 'Who is calling: anonymous, a signed-in user (with their roles), or an API client.' })
  viewer(@Ctx() ctx: Context): Promise<ViewerType> {
    return viewerOf(ctx, ctx.viewer.kind === 'user' ? ctx.viewer.userId : null);
  }

  @Mutation(() => SignInPayload, { description: 'Signs in with email or phone and password; sets the session cookie and returns a bearer token.' })
  async signIn(@Arg('input') input: SignInInput, @Ctx() ctx: Context): Promise<SignInPayload> {
    return mutate(async () => {
      const result = await signIn(ctx.em, { login: input.login, password: input.password, ip: ctx.viewer.ip, userAgent: ctx.userAgent });
      ctx.sessionCookie?.set(result.token, SESSION_TTL_SECONDS);
      return { token: result.token, expiresAt: result.session.expiresAt, viewer: await viewerOf(ctx, result.user.id) };
    });
  }

  @Mutation(() => SignOutPayload, { description: 'Ends the current session (cookie or bearer token).' })
  async signOut(@Ctx() ctx: Context): Promise<SignOutPayload> {
    return mutate(async () => {
      await signOut(ctx.em, ctx.viewer);
      ctx.sessionCookie?.clear();
      return {};
    });
  }

  @Mutation(() => SessionRevokePayload, { description: 'Ends one of your own sessions, e.g. on a lost phone.' })
  sessionRevoke(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<SessionRevokePayload> {
    const sessionId = expectGlobalId(id, 'Session');
    return mutate(async () => {
      await revokeSession(ctx.em, ctx.viewer, String(sessionId));
      return { revokedSessionId: id };
    });
  }

  @Mutation(() => PasswordChangePayload, { description: 'Changes your password and ends your other sessions.' })
  passwordChange(@Arg('input') input: PasswordChangeInput, @Ctx() ctx: Context): Promise<PasswordChangePayload> {
    return mutate(async () => {
      await changePassword(ctx.em, ctx.viewer, input);
      return {};
    });
  }
}

@Resolver(() => UserType)
export class UserResolver {
  @FieldResolver(() => ID)
  id(@Root() user: User): string {
    return toGlobalId('User', user.id);
  }

  @FieldResolver(() => [MembershipType], { description: 'This user’s roles at active organisations, as far as you may see them.' })
  memberships(@Root() user: User, @Ctx() ctx: Context): Promise<Membership[]> {
    return membershipsOfUser(ctx).load(user.id);
  }
}

@Resolver(() => MembershipType)
export class MembershipResolver {
  @FieldResolver(() => ID)
  id(@Root() membership: Membership): string {
    return toGlobalId('Membership', membership.id);
  }

  @FieldResolver(() => UserType, { description: 'Who holds it.' })
  async user(@Root() membership: Membership, @Ctx() ctx: Context): Promise<User | null> {
    return userById(ctx).load(membership.user.id);
  }

  @FieldResolver(() => OrganizationType, { nullable: true, description: 'Null when the organisation is hidden from you (e.g. archived).' })
  organization(@Root() membership: Membership, @Ctx() ctx: Context): Promise<Organization | null> {
    return organizationById(ctx).load(membership.organization.id);
  }

  @FieldResolver(() => UserType, { nullable: true, description: 'Who granted the role; null for roles set up by the platform.' })
  grantedBy(@Root() membership: Membership, @Ctx() ctx: Context): Promise<User | null> | null {
    return membership.grantedBy ? userById(ctx).load(membership.grantedBy.id) : null;
  }

  @Query(() => EffectivePermissionsType, {
    description: 'What a user may do at an organisation and which membership grants each action. For the user themself and for admins of the organisation.',
  })
  async effectivePermissions(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('userId', () => ID, { nullable: true, description: 'Defaults to you.' }) userId: string | null,
    @Ctx() ctx: Context,
  ): Promise<EffectivePermissionsType> {
    const orgId = expectGlobalId(organizationId, 'Organization', 'organizationId');
    const uid = userId ? expectGlobalId(userId, 'User', 'userId') : requireUser(ctx.viewer).userId;
    const { user, rows } = await effectivePermissions(ctx.em, ctx, uid, orgId);
    return { user, organizationId, permissions: rows };
  }

  @Mutation(() => MembershipGrantPayload, { description: 'Grants a role at an organisation. ORG_ADMIN only from an admin strictly above it.' })
  membershipGrant(@Arg('input') input: MembershipGrantInput, @Ctx() ctx: Context): Promise<MembershipGrantPayload> {
    const userId = expectGlobalId(input.userId, 'User', 'userId');
    const organizationId = expectGlobalId(input.organizationId, 'Organization', 'organizationId');
    return mutate(async () => ({ membership: await grantRole(ctx.em, ctx, { userId, organizationId, role: input.role }) }));
  }

  @Mutation(() => MembershipRevokePayload, { description: 'Revokes a role. ORG_ADMIN only by an admin strictly above it.' })
  membershipRevoke(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<MembershipRevokePayload> {
    const membershipId = expectGlobalId(id, 'Membership');
    return mutate(async () => {
      await revokeRole(ctx.em, ctx, membershipId);
      return { revokedMembershipId: id };
    });
  }

  @Mutation(() => MemberAccountCreatePayload, { description: 'Creates an account and gives it a role at an organisation in one step.' })
  memberAccountCreate(@Arg('input') input: MemberAccountCreateInput, @Ctx() ctx: Context): Promise<MemberAccountCreatePayload> {
    const organizationId = expectGlobalId(input.organizationId, 'Organization', 'organizationId');
    return mutate(async () => ({ user: await createMemberAccount(ctx.em, ctx, { ...input, organizationId }) }));
  }
}

@Resolver(() => OrganizationType)
export class OrganizationMembersResolver {
  @FieldResolver(() => MembershipConnection, { description: 'Roles held at this organisation itself. Visible to its admins and above.' })
  members(
    @Root() org: OrganizationView,
    @Arg('first', () => Int) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<Membership>> {
    const here = { organization: org.id };
    return paginate({
      first,
      after: after == null ? null : (decodeCursor(after, ['number']) as [number]),
      keyOf: (m) => [m.id] as [number],
      fetch: (limit, cursor) => findReadableMemberships(ctx, cursor ? { ...here, id: { $gt: cursor[0] } } : here, { limit }),
      count: () => countReadableMemberships(ctx, here),
    });
  }
}

@Resolver(() => ApiClientType)
export class ApiClientResolver {
  @FieldResolver(() => ID)
  id(@Root() client: ApiClient): string {
    return toGlobalId('ApiClient', client.id);
  }

  @FieldResolver(() => EnterpriseType, { description: 'The enterprise the key belongs to (it reads inside it only).' })
  enterprise(@Root() client: ApiClient, @Ctx() ctx: Context): Promise<Enterprise | null> {
    return enterpriseById(ctx).load(client.enterprise.id);
  }

  @Mutation(() => ApiClientCreatePayload, { description: 'Creates an API client for an enterprise (its top-level admins). The key is returned once.' })
  apiClientCreate(@Arg('input') input: ApiClientCreateInput, @Ctx() ctx: Context): Promise<ApiClientCreatePayload> {
    const enterpriseId = expectGlobalId(input.enterpriseId, 'Enterprise', 'enterpriseId');
    return mutate(async () => {
      const { client, key } = await createApiClient(ctx.em, ctx, { enterpriseId, name: input.name, scopes: input.scopes });
      return { apiClient: client, key };
    });
  }

  @FieldResolver(() => ApiClientBudgetType, { nullable: true, description: 'The key’s rate budget in the current window (null before its first call in it, or with budgets off).' })
  rateBudget(@Root() client: ApiClient, @Ctx() ctx: Context): Promise<ApiClientBudgetType | null> {
    return budgetOf(ctx.em, client.id);
  }

  @Mutation(() => ApiClientCreatePayload, {
    description: 'Rotates an API key (the enterprise’s top-level admins): a new key, returned once; the old one keeps working for `graceHours` (default 24, at most 168; 0 ends it now).',
  })
  apiClientRotate(@Arg('id', () => ID) id: string, @Arg('graceHours', () => Int, { description: 'Hours the old key keeps working (0–168, default 24; 0 ends it at once).', nullable: true }) graceHours: number | null, @Ctx() ctx: Context): Promise<ApiClientCreatePayload> {
    const clientId = expectGlobalId(id, 'ApiClient');
    return mutate(async () => {
      const { client, key } = await rotateApiClient(ctx.em, ctx, clientId, graceHours ?? undefined);
      return { apiClient: client, key };
    });
  }

  @Mutation(() => ApiClientRevokePayload, { description: 'Revokes an API client: its key stops working at once.' })
  apiClientRevoke(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ApiClientRevokePayload> {
    const clientId = expectGlobalId(id, 'ApiClient');
    return mutate(async () => ({ apiClient: await revokeApiClient(ctx.em, ctx, clientId) }));
  }
}

@Resolver(() => EnterpriseType)
export class EnterpriseApiClientsResolver {
  @FieldResolver(() => [ApiClientType], { description: 'API clients of the enterprise; visible to its top-level admins.' })
  apiClients(@Root() enterprise: Enterprise, @Ctx() ctx: Context): Promise<ApiClient[]> {
    return apiClientsOfEnterprise(ctx).load(enterprise.id);
  }
}
