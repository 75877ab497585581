/** Portal sites, their host names and themes. See CONTEXT.md. */
import { defineModule } from '../../core/module.js';
import { Portal, PortalHost } from './portal.entity.js';
import { PortalResolver } from './portal.resolver.js';

export default defineModule({ name: 'portals', entities: [Portal, PortalHost], resolvers: [PortalResolver] });
