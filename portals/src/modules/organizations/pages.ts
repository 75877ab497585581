/** Organisation pages: where an organisation sits, the units below it, their news. */
import { DOCUMENTS, request } from '../../lib/api.js';
import { page, type PageRoute } from '../../lib/route-kit.js';
import Organization from './Organization.astro';

export const organizationPages: PageRoute[] = [
  {
    path: 'org/:id',
    async handle({ site, id }) {
      const root = site.portal.organization.id;
      const data = await request(DOCUMENTS.organization, 'OrganizationPage', { id });
      // Only organisations of this portal's subtree have a page here.
      const o = data.organization;
      if (!o || !(o.id === root || o.ancestors.some((a) => a.id === root))) return null;
      return page(Organization, { site, data }, { title: o.name, description: `${o.name}的组织信息和工作动态。`, section: '-' });
    },
  },
];
