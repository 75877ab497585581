/** The tenant: enterprises, their allowed browser origins. See CONTEXT.md. */
import { defineModule } from '../../core/module.js';
import { Enterprise } from './enterprise.entity.js';
import { EnterpriseResolver } from './enterprise.resolver.js';

export default defineModule({ name: 'enterprises', entities: [Enterprise], resolvers: [EnterpriseResolver] });
