/**
 * Apollo Server behind Express: what `@as-integrations/express5` does, through the same public
 * API (`executeHTTPGraphQLRequest`, Apollo's way of writing an integration), less its per-request
 * costs that showed in the hot reads' profile (issue #19): a legacy `url.parse` of every URL for
 * its query string, and Express's `res.send` for a body that is already a JSON string.
 */
import type { ApolloServer, BaseContext } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import { locals } from './request-log.js';

export function apolloHandler<C extends BaseContext>(server: ApolloServer<C>, context: (req: Request, res: Response) => Promise<C>) {
  server.assertStarted('apolloHandler()');
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      const query = req.url.indexOf('?');
      const response = await server.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method.toUpperCase(), headers, search: query === -1 ? '' : req.url.slice(query), body: req.body },
        context: () => context(req, res),
      });
      for (const [key, value] of response.headers) res.setHeader(key, value);
      res.statusCode = response.status ?? 200;
      if (response.body.kind === 'complete') {
        locals(res).onAnswer?.(res.statusCode, response.body.string);
        res.end(req.method === 'HEAD' ? undefined : response.body.string);
        return;
      }
      // Incremental delivery (@defer): chunks as they come.
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    } catch (error) {
      next(error);
    }
  };
}
