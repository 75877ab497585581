/** Accounts, sessions, roles (memberships), API clients, sign-in throttling. See CONTEXT.md. */
import { defineModule } from '../../core/module.js';
import { ApiClient } from './api-client.entity.js';
import { AuthThrottle } from './auth-throttle.entity.js';
import { ApiClientResolver, EnterpriseApiClientsResolver, MembershipResolver, OrganizationMembersResolver, SessionResolver, UserResolver } from './identity.resolver.js';
import { identityPolicy } from './identity.policy.js';
import { Membership } from './membership.entity.js';
import { Session } from './session.entity.js';
import { User } from './user.entity.js';

export default defineModule({
  name: 'identity',
  entities: [User, Session, Membership, ApiClient, AuthThrottle],
  resolvers: [SessionResolver, UserResolver, MembershipResolver, OrganizationMembersResolver, ApiClientResolver, EnterpriseApiClientsResolver],
  policy: identityPolicy,
});
