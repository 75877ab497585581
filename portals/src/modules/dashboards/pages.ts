/**
 * 数据看板 in the workspace (an organisation's figures, each with its definition, and a chart per
 * breakdown drawn on the server), and the big screen (数据大屏) at 1920×1080 in the portal's theme,
 * its publication feed live. The API applies the subtree and the small-count rule.
 */
import { DOCUMENTS, request } from '../../lib/api.js';
import { barChartSvg } from '../../lib/charts.js';
import { page, type PageRoute, type RouteContext } from '../../lib/route-kit.js';
import { organizationsHeld } from '../members/scope.js';
import DashboardPage from './DashboardPage.astro';
import ScreenPage from './ScreenPage.astro';

async function load({ url }: RouteContext) {
  const { viewer } = await request(DOCUMENTS.members, 'MemberOrganizations', {});
  const scopes = organizationsHeld(viewer, ['ORG_ADMIN', 'REVIEWER']);
  const asked = url.searchParams.get('org') ?? '';
  const org = scopes.find((o) => o.id === asked) ?? scopes[0];
  const dashboard = org ? (await request(DOCUMENTS.dashboards, 'Dashboard', { organizationId: org.id })).dashboard : null;
  return { scopes, org: org?.id ?? null, dashboard };
}

/** A chart of a breakdown's shown groups (hidden ones, "<5" or "—", are left out of the chart and named in the table). */
const chartOf = (cells: readonly { label: string; count: number | null }[], options: { width?: number; height?: number; color?: string } = {}) => {
  const shown = cells.filter((c) => c.count !== null);
  return shown.length ? barChartSvg(shown.map((c) => c.label), shown.map((c) => c.count!), options) : null;
};

export const dashboardPages: PageRoute[] = [
  {
    path: 'workspace/dashboard',
    signedIn: true,
    private: true,
    async handle(ctx) {
      const { scopes, org, dashboard } = await load(ctx);
      const charts = Object.fromEntries((dashboard?.breakdowns ?? []).map((b) => [b.key, chartOf(b.cells)]));
      return page(DashboardPage, { site: ctx.site, scopes, org, dashboard, charts }, { title: '数据看板', description: '数据看板。', section: 'workspace' });
    },
  },
  {
    path: 'workspace/screen',
    signedIn: true,
    private: true,
    async handle(ctx) {
      const { org, dashboard } = await load(ctx);
      const colour = ctx.site.theme.primaryColor;
      const charts = Object.fromEntries((dashboard?.breakdowns ?? []).map((b) => [b.key, chartOf(b.cells, { width: 600, height: 300, color: colour })]));
      const signedInToday = org ? (await request(DOCUMENTS.dashboards, 'SignInsToday', { organizationId: org })).meetingSignInsToday : 0;
      return page(ScreenPage, { site: ctx.site, org, dashboard, charts, signedInToday }, { title: '数据大屏', description: '数据大屏。', section: 'workspace' });
    },
  },
];
