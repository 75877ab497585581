/**
 * A dashboard as a spreadsheet, beside /graphql:
 *   GET /dashboards/<organizationId>.xlsx   for the readers of the organisation's dashboard
 * Errors are the same JSON shape and codes as GraphQL's.
 */
import { Router, type Request, type Response } from 'express';
import type { Context } from '../../core/graphql/context.js';
import { expectGlobalId } from '../../core/graphql/relay.js';
import { sendRouteError } from '../../core/http/route-errors.js';
import type { Logger } from '../../core/log.js';
import { exportDashboard } from './dashboard-export.js';

export function dashboardRoutes(deps: { contextFor: (req: Request, res: Response) => Promise<Context>; log: Logger }): Router {
  const router = Router();
  router.get('/dashboards/:organizationId.xlsx', async (req, res) => {
    try {
      const ctx = await deps.contextFor(req, res);
      const { file, fileName } = await exportDashboard(ctx.em, ctx, expectGlobalId(String(req.params.organizationId), 'Organization', 'organizationId'));
      res.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      res.setHeader('content-disposition', `attachment; filename="dashboard.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`);
      res.setHeader('cache-control', 'no-store');
      res.send(file);
    } catch (error) {
      sendRouteError(res, error, deps.log, 'dashboard export');
    }
  });
  return router;
}
