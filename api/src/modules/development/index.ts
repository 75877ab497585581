/** 发展党员: applicants through the five stages, their rules, 公示 through 党务公开, the votes. See CONTEXT.md. */
import { defineModule } from '../../core/module.js';
import { seedDemoDevelopments } from './development.demo.js';
import { Applicant, DevelopmentRecord } from './development.entity.js';
import { DEVELOPMENT_LOCAL_RULES } from './development.local-rules.js';
import { ApplicantResolver, DevelopmentRecordResolver, MemberDevelopmentResolver } from './development.resolver.js';

export default defineModule({
  name: 'development',
  entities: [Applicant, DevelopmentRecord],
  resolvers: [ApplicantResolver, DevelopmentRecordResolver, MemberDevelopmentResolver],
  localRules: DEVELOPMENT_LOCAL_RULES,
  seed: (em, _actor, config) => seedDemoDevelopments(em, config),
});
