/**
 * The question spreadsheet endpoints, beside /graphql (binary bodies do not belong in GraphQL):
 *   POST /learning/question-imports?organizationId=<id>   the .xlsx as the body: the dry run, kept
 *   GET  /learning/question-imports/<id>                  the import and its report
 *   POST /learning/question-imports/<id>/commit           writes the rows that passed, once
 * Errors are the same JSON shape and codes as GraphQL's.
 */
import { Router, type Request, type Response } from 'express';
import type { Context } from '../../core/graphql/context.js';
import { notFound } from '../../core/graphql/errors.js';
import { expectGlobalId, toGlobalId } from '../../core/graphql/relay.js';
import { sendRouteError } from '../../core/http/route-errors.js';
import type { Logger } from '../../core/log.js';
import { readBody } from '../media/read-body.js';
import type { QuestionImport } from './question-import.entity.js';
import { commitQuestionImport, MAX_QUESTION_IMPORT_BYTES, readQuestionImport, stageQuestionImport } from './question-import.js';

const answer = (i: QuestionImport) => ({
  id: toGlobalId('QuestionImport', i.id),
  fileName: i.fileName,
  createdAt: i.createdAt.toISOString(),
  committedAt: i.committedAt?.toISOString() ?? null,
  created: i.created,
  report: { valid: i.rows.filter((r) => r.ok).length, invalid: i.rows.filter((r) => !r.ok).length, rows: i.rows },
});

export function questionImportRoutes(deps: { contextFor: (req: Request, res: Response) => Promise<Context>; log: Logger }): Router {
  const router = Router();
  const fail = (res: Response, error: unknown) => sendRouteError(res, error, deps.log, 'question spreadsheet request');
  const importId = (raw: unknown) => {
    try {
      return expectGlobalId(String(raw), 'QuestionImport', 'id');
    } catch {
      throw notFound('The import does not exist.');
    }
  };
  router.post('/learning/question-imports', async (req, res) => {
    try {
      const file = await readBody(req, MAX_QUESTION_IMPORT_BYTES);
      const ctx = await deps.contextFor(req, res);
      const organizationId = expectGlobalId(typeof req.query.organizationId === 'string' ? req.query.organizationId : '', 'Organization', 'organizationId');
      res.status(201).setHeader('cache-control', 'no-store').json(answer(await stageQuestionImport(ctx.em, ctx, { organizationId, fileName: req.get('x-file-name'), file })));
    } catch (error) {
      fail(res, error);
    }
  });
  router.get('/learning/question-imports/:id', async (req, res) => {
    try {
      const ctx = await deps.contextFor(req, res);
      res.setHeader('cache-control', 'no-store').json(answer(await readQuestionImport(ctx.em, ctx, importId(req.params.id))));
    } catch (error) {
      fail(res, error);
    }
  });
  router.post('/learning/question-imports/:id/commit', async (req, res) => {
    try {
      const ctx = await deps.contextFor(req, res);
      res.setHeader('cache-control', 'no-store').json(answer(await commitQuestionImport(ctx.em, ctx, importId(req.params.id))));
    } catch (error) {
      fail(res, error);
    }
  });
  return router;
}
