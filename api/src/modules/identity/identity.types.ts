/** GraphQL types of accounts, roles, sessions and API clients. */
import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ApiScope, Role } from '../../core/authz/roles.js';
import { Node } from '../../core/graphql/node.js';
import { UserError } from '../../core/graphql/payload.js';
import { connectionType } from '../../core/graphql/relay.js';

registerEnumType(Role, {
  name: 'Role',
  description: 'A role held at an organisation; it covers the organisation and its whole subtree.',
  valuesConfig: {
    ORG_ADMIN: { description: '党务管理员: administers the subtree (organisations, members, roles below admin).' },
    EDITOR: { description: '编辑: writes content for the subtree.' },
    REVIEWER: { description: '审核: reviews content of the subtree.' },
    MEMBER: { description: '党员: a Party member of the organisation.' },
  },
});
registerEnumType(ApiScope, {
  name: 'ApiScope',
  description: 'What an API key may do, always inside its own enterprise.',
  valuesConfig: {
    PUBLIC_READ: { description: 'Read what the public may read.' },
    INTERNAL_READ: { description: 'Read what the enterprise’s members may read (content arrives with the content modules).' },
    CONTENT_WRITE: { description: 'Write content (takes effect with the content modules).' },
  },
});

export enum ViewerKind {
  ANONYMOUS = 'ANONYMOUS',
  USER = 'USER',
  API_CLIENT = 'API_CLIENT',
}
registerEnumType(ViewerKind, {
  name: 'ViewerKind',
  description: 'Who is calling: nobody signed in, a person, or an API key.',
  valuesConfig: {
    ANONYMOUS: { description: 'Not signed in.' },
    USER: { description: 'A signed-in person.' },
    API_CLIENT: { description: 'A third-party app with an API key.' },
  },
});

@ObjectType('User', { implements: Node, description: 'A person’s account.' })
export class UserType extends Node {
  @Field({ description: 'The name shown for the person.' }) displayName!: string;
}

@ObjectType('Membership', { implements: Node, description: 'A role a user holds at an organisation.' })
export class MembershipType extends Node {
  @Field(() => Role, { description: 'The role held.' }) role!: Role;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
}
export const MembershipConnection = connectionType('Membership', MembershipType);

@ObjectType('ApiClient', { implements: Node, description: 'A third-party app of an enterprise, calling the API with a key.' })
export class ApiClientType extends Node {
  @Field({ description: 'What the app is called, as its admins named it.' }) name!: string;
  @Field({ description: 'The key’s first characters, to recognise it; the key itself is shown only once.' }) keyPrefix!: string;
  @Field(() => [ApiScope], { description: 'What the key may do.' }) scopes!: ApiScope[];
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { description: 'When the key was revoked; null while it works.', nullable: true }) revokedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the key was last used (to the minute).' }) lastUsedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'The address of the last call.' }) lastUsedIp!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the key was last rotated.' }) rotatedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Until when the key before the last rotation still works.' }) previousKeyValidUntil!: Date | null;
}

@ObjectType('ApiClientBudget', { description: 'An API key’s rate budget in the current window (points are query cost).' })
export class ApiClientBudgetType {
  @Field(() => Int, { description: 'Points (query cost) allowed per window.' }) limit!: number;
  @Field(() => Int, { description: 'Points spent in the current window.' }) used!: number;
  @Field(() => Int, { description: 'The length of a window.' }) windowSeconds!: number;
  @Field(() => GraphQLISODateTime, { description: 'When the current window ends.' }) resetsAt!: Date;
}

@ObjectType('Session', { description: 'One of your sign-ins.' })
export class SessionType {
  @Field(() => ID) id!: string;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { description: 'When it was last used.' }) lastSeenAt!: Date;
  @Field(() => GraphQLISODateTime, { description: 'When it ends unless used.' }) expiresAt!: Date;
  @Field(() => String, { description: 'The address it was last used from.', nullable: true }) ip!: string | null;
  @Field(() => String, { description: 'The browser or app it was signed in from.', nullable: true }) userAgent!: string | null;
  @Field({ description: 'The session this request uses.' }) current!: boolean;
}

@ObjectType()
export class SessionRevokePayload {
  @Field(() => ID, { description: 'The session ended; null when the change was refused.', nullable: true }) revokedSessionId?: string;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType('Viewer', { description: 'Who is calling.' })
export class ViewerType {
  @Field(() => ViewerKind, { description: 'Who is calling.' }) kind!: ViewerKind;
  @Field(() => UserType, { description: 'The signed-in person, when one is.', nullable: true }) user!: object | null;
  @Field(() => String, { nullable: true, description: 'Your own email (only you see it).' }) email!: string | null;
  @Field(() => String, { nullable: true, description: 'Your own phone (only you see it).' }) phone!: string | null;
  @Field({ description: 'Whether you administer the platform.' }) isPlatformAdmin!: boolean;
  @Field(() => [MembershipType], { description: 'Your roles at active organisations.' }) memberships!: object[];
  @Field(() => ApiClientType, { description: 'The API key’s client, when a key is calling.', nullable: true }) apiClient!: object | null;
  @Field(() => [SessionType], { description: 'Your active sessions, newest first (signed-in users only).' }) sessions!: SessionType[];
}

@ObjectType('PermissionGrant', { description: 'Whether an action is allowed at an organisation, and which memberships allow it.' })
export class PermissionGrantType {
  @Field({ description: 'The action: the tree’s own (read, update, createChild, move, archive, readMembers, manageMembers, manageAdmins), then those modules declare on organisations (e.g. readAudit, createContent, useMedia).' })
  action!: string;
  @Field({ description: 'Whether you may.' }) allowed!: boolean;
  @Field(() => [MembershipType], { description: 'Memberships that grant it (empty when allowed to everyone, or through platform administration).' })
  grantedBy!: object[];
  @Field({ description: 'Allowed because the user is a platform administrator.' }) viaPlatformAdmin!: boolean;
  @Field({ description: 'Allowed to everyone, signed in or not.' }) public!: boolean;
}

@ObjectType('EffectivePermissions', { description: 'What a person may do at an organisation, with the roles that grant it.' })
export class EffectivePermissionsType {
  @Field(() => UserType, { description: 'The person.' }) user!: object;
  @Field(() => String, { description: 'The organisation the permissions are about (its global id).' }) organizationId!: string;
  @Field(() => [PermissionGrantType], { description: 'Each action and the roles that grant it.' }) permissions!: PermissionGrantType[];
}

// ---- inputs and payloads

@InputType({ description: 'A login (e-mail or phone) and password.' })
export class SignInInput {
  @Field({ description: 'Email address or phone number.' }) login!: string;
  @Field({ description: 'The password.' }) password!: string;
}

@ObjectType()
export class SignInPayload {
  @Field(() => String, { nullable: true, description: 'Bearer token for apps (also set as an HttpOnly cookie). Shown once.' }) token?: string;
  @Field(() => GraphQLISODateTime, { description: 'When the session ends unless used.', nullable: true }) expiresAt?: Date;
  @Field(() => ViewerType, { nullable: true }) viewer?: ViewerType;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType()
export class SignOutPayload {
  @Field(() => [UserError]) userErrors!: UserError[];
}

@InputType({ description: 'A new password, with the current one.' })
export class PasswordChangeInput {
  @Field({ description: 'Your current password.' }) currentPassword!: string;
  @Field({ description: 'The new password: 10 to 128 characters, mixing letters with digits or symbols.' }) newPassword!: string;
}

@ObjectType()
export class PasswordChangePayload {
  @Field(() => [UserError]) userErrors!: UserError[];
}

@InputType({ description: 'A role granted to a person at an organisation.' })
export class MembershipGrantInput {
  @Field(() => ID) userId!: string;
  @Field(() => ID) organizationId!: string;
  @Field(() => Role, { description: 'The role to grant.' }) role!: Role;
}

@ObjectType()
export class MembershipGrantPayload {
  @Field(() => MembershipType, { nullable: true }) membership?: object;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType()
export class MembershipRevokePayload {
  @Field(() => ID, { description: 'The membership revoked; null when the change was refused.', nullable: true }) revokedMembershipId?: string;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@InputType({ description: 'A sign-in account for a member on the records.' })
export class MemberAccountCreateInput {
  @Field(() => ID) organizationId!: string;
  @Field(() => Role, { description: 'The role at the member’s branch.' }) role!: Role;
  @Field({ description: 'The name shown for the account.' }) displayName!: string;
  @Field(() => String, { description: 'An e-mail address to sign in with.', nullable: true }) email?: string | null;
  @Field(() => String, { description: 'A phone number to sign in with.', nullable: true }) phone?: string | null;
  @Field({ description: 'Initial password: 10–128 characters, mixing letters with digits or symbols.' }) password!: string;
}

@ObjectType()
export class MemberAccountCreatePayload {
  @Field(() => UserType, { nullable: true }) user?: object;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@InputType({ description: 'A new API key of an enterprise: its name and scopes.' })
export class ApiClientCreateInput {
  @Field(() => ID) enterpriseId!: string;
  @Field({ description: 'What the app is called (at most 100 characters).' }) name!: string;
  @Field(() => [ApiScope], { description: 'What the key may do: at least one scope.' }) scopes!: ApiScope[];
}

@ObjectType()
export class ApiClientCreatePayload {
  @Field(() => ApiClientType, { nullable: true }) apiClient?: object;
  @Field(() => String, { nullable: true, description: 'The API key. Shown only here, once: store it safely.' }) key?: string;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType()
export class ApiClientRevokePayload {
  @Field(() => ApiClientType, { nullable: true }) apiClient?: object;
  @Field(() => [UserError]) userErrors!: UserError[];
}

