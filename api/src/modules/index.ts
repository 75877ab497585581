/** Every domain module's resolvers. Adding a module means adding its resolvers here. */
import { AuditResolver } from './audit/audit.resolver.js';
import { EnterpriseResolver } from './enterprises/enterprise.resolver.js';
import {
  ApiClientResolver,
  EnterpriseApiClientsResolver,
  MembershipResolver,
  OrganizationMembersResolver,
  SessionResolver,
  UserResolver,
} from './identity/identity.resolver.js';
import { ContentViewResolver } from './content/content.resolver.js';
import { DisclosureFeedbackResolver, DisclosureResolver } from './disclosures/disclosure.resolver.js';
import { NewsResolver } from './news/news.resolver.js';
import { NewsFeaturingResolver, RecommendationResolver } from './news/recommendation.resolver.js';
import { OrganizationResolver } from './organizations/organization.resolver.js';
import './content/content.policy.js';
import { EnterprisePartnersResolver, PartnershipResolver } from './partnerships/partnership.resolver.js';
import { CaseAdoptionResolver, CaseCommentResolver, ExperienceCaseResolver } from './cases/case.resolver.js';
import { WorkflowResolver } from './items/workflow.resolver.js';
import { ResourceRequestResolver, SharedResourceResolver } from './resources/resource.resolver.js';
import { UsageByOrganizationResolver, UsageResolver } from './usage/usage.resolver.js';
import { PortalResolver } from './portals/portal.resolver.js';
import { SearchResolver } from './search/search.resolver.js';

export const moduleResolvers = [
  EnterpriseResolver,
  OrganizationResolver,
  PortalResolver,
  SessionResolver,
  UserResolver,
  MembershipResolver,
  OrganizationMembersResolver,
  ApiClientResolver,
  EnterpriseApiClientsResolver,
  AuditResolver,
  NewsResolver,
  RecommendationResolver,
  NewsFeaturingResolver,
  DisclosureResolver,
  DisclosureFeedbackResolver,
  ContentViewResolver,
  SearchResolver,
  PartnershipResolver,
  EnterprisePartnersResolver,
  WorkflowResolver,
  ExperienceCaseResolver,
  CaseCommentResolver,
  CaseAdoptionResolver,
  SharedResourceResolver,
  ResourceRequestResolver,
  UsageResolver,
  UsageByOrganizationResolver,
] as const;
