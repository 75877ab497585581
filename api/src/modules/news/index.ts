/** Work updates (工作动态) and 上报 on the content model. See CONTEXT.md. */
import './news.kind.js';
import { defineModule } from '../../core/module.js';
import { NewsResolver } from './news.resolver.js';
import { NewsFeaturingResolver, RecommendationResolver } from './recommendation.resolver.js';
import { seedDemoNews } from './news.demo.js';

export default defineModule({ name: 'news', resolvers: [NewsResolver, RecommendationResolver, NewsFeaturingResolver], seed: (em) => seedDemoNews(em) });
