/** 数据看板: an organisation's figures over its subtree — members, development, dues, meetings, learning, transfers, content, surveys, assessment — with the small-count rule, precomputed. See CONTEXT.md. */
import { defineModule } from '../../core/module.js';
import { startRefresher } from './dashboard-cache.js';
import { DashboardSnapshot } from './dashboard-snapshot.entity.js';
import { DashboardResolver } from './dashboard.resolver.js';
import { dashboardRoutes } from './dashboard.routes.js';

export default defineModule({
  name: 'dashboards',
  entities: [DashboardSnapshot],
  resolvers: [DashboardResolver],
  routes: ({ contextFor, log }) => dashboardRoutes({ contextFor, log }),
  jobs: [
    {
      name: 'dashboards: refresh the snapshots being read',
      start: ({ orm, log, config }) => startRefresher(() => orm.em.fork(), log, config.read.integer('DASHBOARD_TTL_SECONDS', 300, 5, 86_400)),
    },
  ],
});
