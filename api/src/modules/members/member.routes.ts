/**
 * The member spreadsheet endpoints, beside /graphql (binary bodies do not belong in GraphQL):
 *   POST /members/imports?organizationId=<id>   the .xlsx as the body (name in `x-file-name`): staged, answers its dry run
 *   GET  /members/imports/<id>                  the import and its report
 *   POST /members/imports/<id>/commit           writes it, in one transaction; again answers the same report
 *   GET  /members/export.xlsx?organizationId=<id>  the subtree's members, the import's columns
 * Errors are the same JSON shape and codes as GraphQL's.
 */
import { Router, type Request, type Response } from 'express';
import type { Context } from '../../core/graphql/context.js';
import { notFound } from '../../core/graphql/errors.js';
import { expectGlobalId, toGlobalId } from '../../core/graphql/relay.js';
import { sendRouteError } from '../../core/http/route-errors.js';
import type { Logger } from '../../core/log.js';
import { readBody } from '../media/read-body.js';
import { exportMembers } from './member-export.js';
import type { MemberImport } from './member-import.entity.js';
import { commitImport, MAX_IMPORT_BYTES, readImport, stageImport } from './member-import.service.js';

const answer = (staged: MemberImport) => ({
  id: toGlobalId('MemberImport', staged.id),
  fileName: staged.fileName,
  organizationId: toGlobalId('Organization', staged.organization.id),
  createdAt: staged.createdAt.toISOString(),
  committedAt: staged.committedAt?.toISOString() ?? null,
  report: staged.report,
});

export function memberRoutes(deps: { contextFor: (req: Request, res: Response) => Promise<Context>; log: Logger }): Router {
  const router = Router();
  const fail = (res: Response, error: unknown) => sendRouteError(res, error, deps.log, 'member spreadsheet request');
  const importId = (raw: unknown) => {
    try {
      return expectGlobalId(String(raw), 'MemberImport', 'id');
    } catch {
      throw notFound('The import does not exist.');
    }
  };
  const organizationId = (req: Request) => expectGlobalId(typeof req.query.organizationId === 'string' ? req.query.organizationId : '', 'Organization', 'organizationId');

  router.post('/members/imports', async (req, res) => {
    try {
      const file = await readBody(req, MAX_IMPORT_BYTES);
      const ctx = await deps.contextFor(req, res);
      const staged = await stageImport(ctx.em, ctx, { organizationId: organizationId(req), fileName: req.get('x-file-name'), file });
      res.status(201).setHeader('cache-control', 'no-store').json(answer(staged));
    } catch (error) {
      fail(res, error);
    }
  });

  router.get('/members/imports/:id', async (req, res) => {
    try {
      const ctx = await deps.contextFor(req, res);
      res.setHeader('cache-control', 'no-store').json(answer(await readImport(ctx.em, ctx, importId(req.params.id))));
    } catch (error) {
      fail(res, error);
    }
  });

  router.post('/members/imports/:id/commit', async (req, res) => {
    try {
      const ctx = await deps.contextFor(req, res);
      res.setHeader('cache-control', 'no-store').json(answer(await commitImport(ctx.em, ctx, importId(req.params.id))));
    } catch (error) {
      fail(res, error);
    }
  });

  router.get('/members/export.xlsx', async (req, res) => {
    try {
      const ctx = await deps.contextFor(req, res);
      const { file, fileName } = await exportMembers(ctx.em, ctx, organizationId(req));
      res.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      res.setHeader('content-disposition', `attachment; filename="members.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`);
      res.setHeader('cache-control', 'no-store');
      res.send(file);
    } catch (error) {
      fail(res, error);
    }
  });

  return router;
}
