/** Every entity of the application, in one list: the ORM, migrations and tests all use this one. */
import { Enterprise } from '../../modules/enterprises/enterprise.entity.js';
import { Organization } from '../../modules/organizations/organization.entity.js';
import { Portal, PortalHost } from '../../modules/portals/portal.entity.js';
import { User } from '../../modules/identity/user.entity.js';
import { Session } from '../../modules/identity/session.entity.js';
import { Membership } from '../../modules/identity/membership.entity.js';
import { ApiClient } from '../../modules/identity/api-client.entity.js';
import { AuthThrottle } from '../../modules/identity/auth-throttle.entity.js';
import { AuditEvent } from '../../modules/audit/audit-event.entity.js';
import { Content, ContentAttachment, ContentMedia, ContentRevision, ContentTarget } from '../../modules/content/content.entity.js';
import { Recommendation } from '../../modules/content/recommendation.entity.js';
import { MediaFile } from '../../modules/media/media.entity.js';
import { CaseAdoption, CaseComment, CaseFeature, ContentLike, ExperienceCase } from '../../modules/cases/case.entity.js';
import { ResourceRequest, SharedResource } from '../../modules/resources/resource.entity.js';
import { UsageDaily } from '../../modules/usage/usage.entity.js';
import { RateBudget } from '../http/rate-budget.entity.js';
import { Partnership, PartnerLink } from '../../modules/partnerships/partnership.entity.js';
import { Disclosure, DisclosureFeedback, DisclosureRead } from '../../modules/disclosures/disclosure.entity.js';

export const entities = [Enterprise, Organization, Portal, PortalHost, User, Session, Membership, ApiClient, AuthThrottle, AuditEvent, Content, ContentRevision, ContentMedia, ContentAttachment, ContentTarget, Recommendation, MediaFile, Disclosure, DisclosureFeedback, DisclosureRead, Partnership, PartnerLink, ExperienceCase, CaseComment, ContentLike, CaseAdoption, CaseFeature, SharedResource, ResourceRequest, UsageDaily, RateBudget];
