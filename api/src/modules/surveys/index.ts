/** 问卷调查 / 投票: surveys of an organisation's members or enterprise, named or anonymous, one answer per person. See CONTEXT.md. */
import { defineModule } from '../../core/module.js';
import { Survey, SurveyQuestion, SurveyReceipt, SurveyResponse } from './survey.entity.js';
import { SurveyResolver } from './survey.resolver.js';

export default defineModule({
  name: 'surveys',
  entities: [Survey, SurveyQuestion, SurveyResponse, SurveyReceipt],
  resolvers: [SurveyResolver],
});
