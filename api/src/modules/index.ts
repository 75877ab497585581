/** Every domain module's resolvers. Adding a module means adding its resolver here. */
import { EnterpriseResolver } from './enterprises/enterprise.resolver.js';
import { OrganizationResolver } from './organizations/organization.resolver.js';
import { PortalResolver } from './portals/portal.resolver.js';

export const moduleResolvers = [EnterpriseResolver, OrganizationResolver, PortalResolver] as const;
