/**
 * The API's HTTP server: GraphQL over HTTP (Apollo) and over WebSocket (graphql-ws) on the same
 * path, health endpoints, request ids and access logs, and a graceful close.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type NextFunction, type Request, type Response } from 'express';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { graphiql } from './graphiql/serve.js';
import type { MikroORM } from '@mikro-orm/postgresql';
import { checkDocumentSize, LIMITS } from '../graphql/limits.js';
import { WebSocketServer } from 'ws';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../authz/ability.js';
import { StatementCounter } from '../db/statement-counter.js';
import { CHANNEL, type EventBus } from '../events/bus.js';
import { createContext, type Context } from '../graphql/context.js';
import { asOutage, ErrorCode, formatError, RETRY_AFTER_OUTAGE_SECONDS } from '../graphql/errors.js';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import { serveWebSocket } from './websocket.js';
import { buildAppSchema } from '../graphql/schema.js';
import type { Logger } from '../log.js';
import { accessLog, graphqlRequestPlugin, locals, requestIds } from './request-log.js';
import { apolloHandler } from './apollo-handler.js';
import { createMetrics, metricsHandler } from './metrics.js';
import { loadTrustedDocuments } from '../graphql/trusted-documents.js';
import { OPEN_POLICY, type ExposurePolicy } from './exposure.js';
import { responseCache, type ResponseCacheOptions } from './response-cache.js';

export const GRAPHQL_PATH = '/graphql';
const MAX_BODY = '1mb';

export interface ApiServer {
  url: string;
  port: number;
  /** Stops accepting work, finishes in-flight requests, closes WebSockets (1001). Does not close the ORM. */
  close(): Promise<void>;
}

/** What the identity module needs from a request to say who is calling. */
export interface RequestCredentials {
  authorization?: string;
  cookie?: string;
  ip: string | null;
}

export async function startApiServer(args: {
  orm: MikroORM;
  /** The modules' GraphQL resolvers (the composition root's list). */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql resolver classes
  resolvers: readonly Function[];
  log: Logger;
  host: string;
  port: number;
  shutdownTimeoutMs: number;
  authenticate: (em: EntityManager, credentials: RequestCredentials) => Promise<Viewer>;
  bus: EventBus | null;
  sessionCookieName: string;
  secureCookies: boolean;
  /** Exposure policy: budgets, trusted documents, schema hiding (defaults: open, no budgets). */
  exposure?: ExposurePolicy;
  /** Express `trust proxy`: whose X-Forwarded-For names the caller (default: loopback). */
  trustProxy?: string | false;
  /** Web origins allowed to call from browsers (CORS); none when absent. */
  corsOrigins?: { has(origin: string): Promise<boolean> };
  /** Requests must arrive whole within this time (slow-client protection). */
  requestTimeoutMs?: number;
  /** GET /metrics (Prometheus) for whoever bears this token; no endpoint without one. */
  metricsToken?: string | null;
  /** Anonymous trusted-document queries answered from memory (see response-cache.ts); off when absent. */
  responseCache?: ResponseCacheOptions | null;
  /** The offline GraphiQL on `GET /graphql` for browsers (see graphiql/serve.ts); none when absent. */
  ide?: { production: boolean };
  /** Non-GraphQL endpoints of domain modules (e.g. file uploads), given the same per-request context. */
  routes?: ((contextFor: (req: Request, res: Response) => Promise<Context>) => express.Router)[];
}): Promise<ApiServer> {
  const { orm, log } = args;
  const schema = await buildAppSchema(args.resolvers);
  const app = express();
  app.disable('x-powered-by');
  // No automatic ETag (a hash of every answer): GraphQL POSTs are never revalidated, and the
  // routes that are (media) set their own.
  app.set('etag', false);
  app.set('trust proxy', args.trustProxy ?? 'loopback');
  const exposure = args.exposure ?? OPEN_POLICY;
  // The caller's address for sockets, by the same trust rule Express applies to HTTP requests.
  const trust = app.get('trust proxy fn') as (address: string, hop: number) => boolean;
  const clientAddress = (req: http.IncomingMessage): string | null => {
    const socket = req.socket.remoteAddress ?? null;
    const forwarded = req.headers['x-forwarded-for'];
    if (!socket || typeof forwarded !== 'string') return socket;
    const hops = [socket, ...forwarded.split(',').map((h) => h.trim()).filter(Boolean).reverse()];
    let hop = 0;
    while (hop < hops.length - 1 && trust(hops[hop]!, hop)) hop++;
    return hops[hop]!;
  };
  const trustedDocuments = loadTrustedDocuments();
  // The cache is emptied by events: without a bus there is none.
  const cache =
    args.responseCache && args.bus
      ? responseCache({
          trustedDocuments,
          bus: args.bus,
          notify: async (event) => void (await orm.em.fork().execute('select pg_notify(?, ?)', [CHANNEL, JSON.stringify(event)])),
          sessionCookieName: args.sessionCookieName,
          log,
          options: args.responseCache,
        })
      : null;
  const metrics = createMetrics(orm);
  const httpServer = http.createServer(app);
  if (args.requestTimeoutMs) {
    httpServer.requestTimeout = args.requestTimeoutMs;
    httpServer.headersTimeout = Math.min(args.requestTimeoutMs, 60_000);
  }
  let closing = false;

  const wss = new WebSocketServer({ server: httpServer, path: GRAPHQL_PATH });
  const wsServer = serveWebSocket({ wss, schema, orm, log, bus: args.bus, exposure, trustedDocuments, clientAddress, authenticate: args.authenticate, metrics });

  const apollo = new ApolloServer<Context>({
    schema,
    formatError,
    parseOptions: { maxTokens: LIMITS.tokens },
    includeStacktraceInErrorResponses: false,
    // Automatic persisted queries serve no caller (trusted documents are the policy): a request
    // with a `persistedQuery` extension gets PERSISTED_QUERY_NOT_SUPPORTED, never a 500.
    persistedQueries: false,
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: args.shutdownTimeoutMs }),
      ApolloServerPluginLandingPageDisabled(),
      // Apollo's cache hints are unused (the response cache is ours, by event): without this it
      // wraps every field's resolver to compute them.
      ApolloServerPluginCacheControlDisabled(),
      graphqlRequestPlugin(log, exposure, metrics),
      ...(cache ? [cache.plugin as ApolloServerPlugin<Context>] : []),
    ],
  });
  await apollo.start();

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    if (closing) return void res.status(503).json({ status: 'shutting-down' });
    try {
      await withTimeout(orm.em.fork().execute('select 1'), 2000);
      res.json({ status: 'ok', database: 'ok' });
    } catch (error) {
      log.warn({ err: error }, 'readiness check: database unreachable');
      res.status(503).json({ status: 'unavailable', database: 'unreachable' });
    }
  });

  /** The caller's context for an HTTP request: authenticated like every GraphQL request. */
  const contextFor = async (req: Request, res: Response): Promise<Context> => {
    const { requestId } = locals(res);
    const statements = locals(res).statements ?? new StatementCounter();
    const credentials: RequestCredentials = { authorization: req.headers.authorization, cookie: req.headers.cookie, ip: req.ip ?? req.socket.remoteAddress ?? null };
    const ctx = await createContext({
      orm,
      bus: args.bus,
      requestId,
      log: log.child({ requestId }),
      statements,
      userAgent: req.headers['user-agent'],
      authenticate: (em) => args.authenticate(em, credentials),
      sessionCookie: {
        set: (token, maxAgeSeconds) =>
          res.cookie(args.sessionCookieName, token, { httpOnly: true, sameSite: 'lax', secure: args.secureCookies, path: '/', maxAge: maxAgeSeconds * 1000 }),
        clear: () => res.clearCookie(args.sessionCookieName, { httpOnly: true, sameSite: 'lax', secure: args.secureCookies, path: '/' }),
      },
    }).catch((error: unknown) => {
      // Authentication reads the database: an outage there is a 503 too, not a failed context.
      throw asOutage(error);
    });
    if (locals(res).trustedDocument) ctx.operation.trustedDocument = locals(res).trustedDocument;
    locals(res).graphql = ctx;
    return ctx;
  };

  app.use(requestIds());
  app.use(accessLog(log, metrics));
  if (args.metricsToken) app.get('/metrics', metricsHandler(metrics, args.metricsToken));
  // CORS: browser apps of the origins an enterprise allowed. Bearer tokens and API keys only —
  // no cookies cross origins. Anything else gets no CORS headers, so browsers refuse it.
  app.use(async (req: Request, res: Response, next: NextFunction) => {
    const origin = req.headers.origin;
    if (!origin) return next();
    res.vary('Origin');
    const allowed = args.corsOrigins ? await args.corsOrigins.has(origin).catch(() => false) : false;
    if (allowed) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('access-control-expose-headers', 'x-request-id, x-query-cost, x-query-cost-limit, x-ratelimit-limit, x-ratelimit-remaining, x-ratelimit-reset, retry-after');
    }
    if (req.method !== 'OPTIONS') return next();
    if (!allowed) return void res.status(403).json({ errors: [{ message: 'This origin is not allowed to call the API.', extensions: { code: ErrorCode.FORBIDDEN } }] });
    res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
    res.setHeader('access-control-allow-headers', 'authorization, content-type, x-request-id, apollo-require-preflight');
    res.setHeader('access-control-max-age', '600');
    res.status(204).end();
  });
  const graphql = [
    express.json({ limit: MAX_BODY }),
    // Trusted documents arrive by id: the server runs its own copy of the text.
    (req: Request, res: Response, next: NextFunction) => {
      const body = req.body as { query?: unknown; documentId?: unknown } | undefined;
      if (body && typeof body.documentId === 'string' && body.query === undefined) {
        const text = trustedDocuments.get(body.documentId);
        if (!text) return void res.status(400).json({ errors: [{ message: 'Unknown document id: only the portals’ trusted documents are stored.', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] });
        body.query = text;
        locals(res).trustedDocument = body.documentId;
      }
      next();
    },
    // Oversized documents are refused before Apollo parses them (its hooks would answer 500).
    (req: Request, res: Response, next: NextFunction) => {
      const query = (req.body as { query?: unknown } | undefined)?.query ?? req.query.query;
      try {
        checkDocumentSize(typeof query === 'string' ? query : undefined);
        next();
      } catch (error) {
        const { message, extensions } = error as { message: string; extensions: Record<string, unknown> };
        res.status(400).json({ errors: [{ message, extensions }] });
      }
    },
    ...(cache ? [cache.middleware] : []),
    apolloHandler(apollo, contextFor),
  ];
  // Operations by POST first: they need none of the routes below (files, spreadsheets, the IDE).
  app.post(GRAPHQL_PATH, ...graphql);
  for (const route of args.routes ?? []) app.use(route(contextFor));
  if (args.ide) {
    const signIn = [...trustedDocuments].find(([, text]) => /mutation SignIn\b/.test(text));
    if (signIn) app.use(graphiql(GRAPHQL_PATH, args.ide.production, signIn[0]));
  }
  // Queries by GET (and anything else sent to the endpoint), after the IDE's page.
  app.use(GRAPHQL_PATH, ...graphql);
  app.use((_req, res) => {
    res.status(404).json({ errors: [{ message: 'Not found.', extensions: { code: ErrorCode.NOT_FOUND } }] });
  });
  // Body-parser failures (bad JSON, too large) and anything unexpected: a JSON error, never a stack.
  app.use((error: { type?: string; status?: number }, _req: Request, res: Response, _next: NextFunction) => {
    if (error.type === 'entity.parse.failed') return void sendError(res, 400, 'BAD_REQUEST', 'The request body is not valid JSON.');
    if (error.type === 'entity.too.large') return void sendError(res, 413, 'BAD_REQUEST', `The request body exceeds ${MAX_BODY}.`);
    if (error.status && error.status >= 400 && error.status < 500) return void sendError(res, error.status, 'BAD_REQUEST', 'Bad request.');
    if (isDatabaseUnavailable(error)) {
      res.setHeader('retry-after', String(RETRY_AFTER_OUTAGE_SECONDS));
      return void sendError(res, 503, ErrorCode.SERVICE_UNAVAILABLE, 'The service is temporarily unavailable. Try again shortly.');
    }
    log.error({ err: error, requestId: locals(res).requestId }, 'unhandled HTTP error');
    sendError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error', locals(res).requestId);
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(args.port, args.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://${args.host.includes(':') ? `[${args.host}]` : args.host}:${port}${GRAPHQL_PATH}`;

  let closed: Promise<void> | undefined;
  return {
    url,
    port,
    close() {
      closed ??= (async () => {
        closing = true;
        await wsServer.dispose(); // closes every WebSocket with 1001 Going Away
        await apollo.stop(); // the drain plugin waits for in-flight requests, up to the grace period
        await cache?.stop();
      })();
      return closed;
    },
  };
}

function sendError(res: Response, status: number, code: string, message: string, requestId?: string) {
  res.status(status).json({ errors: [{ message, extensions: { code, ...(requestId ? { requestId } : {}) } }] });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    promise.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e) => (clearTimeout(timer), reject(e)),
    );
  });
}
