/** The Party organisation tree (materialised paths). See CONTEXT.md. */
import { defineModule } from '../../core/module.js';
import { Organization } from './organization.entity.js';
import { OrganizationResolver } from './organization.resolver.js';

export default defineModule({ name: 'organizations', entities: [Organization], resolvers: [OrganizationResolver] });
