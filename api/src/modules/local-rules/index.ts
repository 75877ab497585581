/** LOCAL rules of Party work: per-enterprise values for what modules declare. See CONTEXT.md. */
import { defineModule } from '../../core/module.js';
import { LocalRuleSetting } from './local-rule.entity.js';
import { localRulesPolicy } from './local-rules.policy.js';
import { LocalRulesResolver } from './local-rules.resolver.js';

export default defineModule({
  name: 'local-rules',
  entities: [LocalRuleSetting],
  resolvers: [LocalRulesResolver],
  policy: localRulesPolicy,
});
