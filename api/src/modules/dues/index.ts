/** 党费: bases, a branch's months, payments that count once, reductions approved above. See CONTEXT.md. */
import { defineModule } from '../../core/module.js';
import { DuesBase, DuesItem, DuesMonth, DuesPayment } from './dues.entity.js';
import { seedDemoDues } from './dues.demo.js';
import { DUES_LOCAL_RULES } from './dues.local-rules.js';
import { DuesItemResolver, DuesMonthResolver, DuesMutations, MemberDuesResolver } from './dues.resolver.js';
import { duesOnTime } from './dues.metrics.js';

export default defineModule({
  name: 'dues',
  metrics: [duesOnTime],
  entities: [DuesBase, DuesMonth, DuesItem, DuesPayment],
  resolvers: [DuesItemResolver, MemberDuesResolver, DuesMonthResolver, DuesMutations],
  localRules: DUES_LOCAL_RULES,
  seed: (em) => seedDemoDues(em),
});
