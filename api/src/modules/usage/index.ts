/** Views and downloads per day and organisation; owners' reports. See CONTEXT.md. */
import { defineModule } from '../../core/module.js';
import { UsageDaily } from './usage.entity.js';
import { UsageByOrganizationResolver, UsageResolver } from './usage.resolver.js';

export default defineModule({ name: 'usage', entities: [UsageDaily], resolvers: [UsageResolver, UsageByOrganizationResolver] });
