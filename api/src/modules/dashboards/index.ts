/** 数据看板: an organisation's figures over its subtree — members, development, dues, meetings, learning, transfers, content — with the small-count rule. See CONTEXT.md. */
import { defineModule } from '../../core/module.js';
import { DashboardResolver } from './dashboard.resolver.js';

export default defineModule({
  name: 'dashboards',
  resolvers: [DashboardResolver],
});
