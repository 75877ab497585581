/** 问卷调查 / 投票: surveys of an organisation's members, its enterprise or the public on its portal, named or anonymous, one answer per person. See CONTEXT.md. */
import { defineModule } from '../../core/module.js';
import { Survey, SurveyGuestBudget, SurveyQuestion, SurveyReceipt, SurveyResponse, SurveyTokenUse, SurveyUserReceipt } from './survey.entity.js';
import { surveyRoutes } from './survey.routes.js';
import { SurveyResolver } from './survey.resolver.js';

export default defineModule({
  name: 'surveys',
  entities: [Survey, SurveyQuestion, SurveyResponse, SurveyReceipt, SurveyUserReceipt, SurveyGuestBudget, SurveyTokenUse],
  routes: ({ contextFor, log }) => surveyRoutes({ contextFor, log }),
  resolvers: [SurveyResolver],
});
