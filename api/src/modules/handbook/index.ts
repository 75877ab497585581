/** 党员电子手册: a member's year in one page — meetings, study, dues, honours, help, talks, suggestions (意见建议). See CONTEXT.md. */
import { defineModule } from '../../core/module.js';
import { HelpGiven, Suggestion } from './handbook.entity.js';
import { HandbookResolver, SuggestionResolver } from './handbook.resolver.js';

export default defineModule({
  name: 'handbook',
  entities: [Suggestion, HelpGiven],
  resolvers: [SuggestionResolver, HandbookResolver],
});
