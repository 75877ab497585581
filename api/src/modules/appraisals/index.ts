/** 民主评议党员: the yearly round per branch — self, peers, an anonymous ballot, the committee, the assembly, publication. See CONTEXT.md. */
import { defineModule } from '../../core/module.js';
import { AppraisalBallot, AppraisalComment, AppraisalRound, AppraisalSubject, AppraisalVoted } from './appraisal.entity.js';
import { AppraisalResolver } from './appraisal.resolver.js';

export default defineModule({
  name: 'appraisals',
  entities: [AppraisalRound, AppraisalSubject, AppraisalComment, AppraisalBallot, AppraisalVoted],
  resolvers: [AppraisalResolver],
});
