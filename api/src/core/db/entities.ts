/** Every entity of the application, in one list: the ORM, migrations and tests all use this one. */
import { Enterprise } from '../../modules/enterprises/enterprise.entity.js';
import { Organization } from '../../modules/organizations/organization.entity.js';
import { Portal, PortalHost } from '../../modules/portals/portal.entity.js';

export const entities = [Enterprise, Organization, Portal, PortalHost];
