/** 经验交流: experience cases, comments, likes, adoptions, featuring. See CONTEXT.md. */
import './case.kind.js';
import { defineModule } from '../../core/module.js';
import { CaseAdoption, CaseComment, CaseFeature, ContentLike, ExperienceCase } from './case.entity.js';
import { CaseAdoptionResolver, CaseCommentResolver, ExperienceCaseResolver } from './case.resolver.js';
import { casePolicy } from './case.policy.js';
import { casesAdopted } from './case.metrics.js';
import { seedDemoCases } from './case.demo.js';

export default defineModule({
  name: 'cases',
  metrics: [casesAdopted],
  policy: casePolicy,
  entities: [ExperienceCase, CaseComment, ContentLike, CaseAdoption, CaseFeature],
  resolvers: [ExperienceCaseResolver, CaseCommentResolver, CaseAdoptionResolver],
  seed: (em) => seedDemoCases(em),
});
