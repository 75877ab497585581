/**
 * A survey's results as a spreadsheet, beside /graphql:
 *   GET /surveys/<id>/results.xlsx   for its owners (the organisation's admins and reviewers)
 * Errors are the same JSON shape and codes as GraphQL's.
 */
import { Router, type Request, type Response } from 'express';
import type { Context } from '../../core/graphql/context.js';
import { expectGlobalId } from '../../core/graphql/relay.js';
import { sendRouteError } from '../../core/http/route-errors.js';
import type { Logger } from '../../core/log.js';
import { exportSurvey } from './survey-export.js';

export function surveyRoutes(deps: { contextFor: (req: Request, res: Response) => Promise<Context>; log: Logger }): Router {
  const router = Router();
  router.get('/surveys/:id/results.xlsx', async (req, res) => {
    try {
      const ctx = await deps.contextFor(req, res);
      const { file, fileName } = await exportSurvey(ctx.em, ctx, expectGlobalId(String(req.params.id), 'Survey', 'id'));
      res.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      res.setHeader('content-disposition', `attachment; filename="survey.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`);
      res.setHeader('cache-control', 'no-store');
      res.send(file);
    } catch (error) {
      sendRouteError(res, error, deps.log, 'survey export');
    }
  });
  return router;
}
