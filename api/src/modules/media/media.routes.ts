/**
 * The file endpoints, beside /graphql (binary bodies do not belong in GraphQL):
 *   POST /media?organizationId=<id>   the raw file as the body; its name in `x-file-name`
 *   GET  /media/<id>/<name>            the file, for those who may read content that uses it
 * Errors are the same JSON shape and codes as GraphQL's.
 */
import { Router, type Request, type Response } from 'express';
import type { Context } from '../../core/graphql/context.js';
import { sendRouteError } from '../../core/http/route-errors.js';
import { notFound } from '../../core/graphql/errors.js';
import { expectGlobalId, toGlobalId } from '../../core/graphql/relay.js';
import type { Logger } from '../../core/log.js';
import { defineAbilityFor, ANONYMOUS } from '../../core/authz/ability.js';
import { mayReadMedia } from './media.access.js';
import { MediaFile } from './media.entity.js';
import { cleanFileName, MAX_UPLOAD_BYTES, tooLarge, uploadMedia } from './media.service.js';
import type { MediaStorage } from './storage.js';

export const mediaUrl = (media: Pick<MediaFile, 'id' | 'fileName'>) => `/media/${media.id}/${encodeURIComponent(media.fileName)}`;

export function mediaRoutes(deps: { storage: MediaStorage; contextFor: (req: Request, res: Response) => Promise<Context>; log: Logger }): Router {
  const router = Router();

  const fail = (res: Response, error: unknown) => sendRouteError(res, error, deps.log, 'media request');

  router.post('/media', async (req, res) => {
    try {
      // A declared length over the limit is refused before reading a byte.
      if (Number(req.get('content-length')) > MAX_UPLOAD_BYTES) throw tooLarge(MAX_UPLOAD_BYTES);
      const ctx = await deps.contextFor(req, res);
      const raw = typeof req.query.organizationId === 'string' ? req.query.organizationId : '';
      const organizationId = expectGlobalId(raw, 'Organization', 'organizationId');
      const media = await uploadMedia(ctx.em, ctx, deps.storage, { organizationId, fileName: cleanFileName(req.get('x-file-name')), body: req });
      res.status(201).json({
        id: toGlobalId('MediaFile', media.id),
        url: mediaUrl(media),
        fileName: media.fileName,
        mimeType: media.mimeType,
        size: media.size,
        width: media.width,
        height: media.height,
      });
    } catch (error) {
      fail(res, error);
    }
  });

  router.get('/media/:id{/:name}', async (req, res) => {
    try {
      const id = String(req.params.id);
      if (!/^\d{1,15}$/.test(id)) throw notFound('The file does not exist.');
      const ctx = await deps.contextFor(req, res);
      const media = await ctx.em.findOne(MediaFile, id);
      if (!media || !(await mayReadMedia(ctx.em, ctx, media))) throw notFound('The file does not exist.');
      // Cacheable by anyone only if anyone may read it; otherwise private to this browser.
      const anonymous = { viewer: ANONYMOUS, ability: defineAbilityFor(ANONYMOUS) };
      const isPublic = ctx.viewer.kind === 'anonymous' || (await mayReadMedia(ctx.em, anonymous, media));
      const inline = media.mimeType.startsWith('image/') || media.mimeType === 'application/pdf';
      res.setHeader('content-type', media.mimeType);
      res.setHeader('content-length', String(media.size));
      res.setHeader('x-content-type-options', 'nosniff');
      res.setHeader('content-disposition', `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(media.fileName)}`);
      res.setHeader('cache-control', isPublic ? 'public, max-age=3600' : 'private, no-store');
      res.setHeader('etag', `"${media.sha256}"`);
      if (req.get('if-none-match') === `"${media.sha256}"`) return void res.status(304).end();
      const stream = deps.storage.read(media.storageKey);
      stream.on('error', (error) => {
        deps.log.error({ err: error, mediaId: media.id }, 'media file unreadable');
        res.destroy();
      });
      stream.pipe(res);
    } catch (error) {
      fail(res, error);
    }
  });

  return router;
}
