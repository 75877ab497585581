/**
 * GraphQL over WebSocket (graphql-ws) on the HTTP server's path, admitted exactly as over HTTP:
 * each operation authenticates first (a bearer token in the `connection_init` payload, or the
 * upgrade request's session cookie), and then the one exposure policy (`admit`) decides on that
 * identity — trusted documents, schema hiding, limits and the caller's one rate budget. A Cookie
 * header that names no valid session is just anonymous, as over HTTP.
 *
 * Trusted documents arrive by id as over HTTP: `{ "documentId": "sha256:…", "query": "" }` in
 * the subscribe payload (graphql-ws requires `query` to be a string; it is ignored then).
 */
import type http from 'node:http';
import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { getOperationAST, getVariableValues, GraphQLError, parse, validate, type DocumentNode, type ExecutionArgs, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { ApiMetrics } from './metrics.js';
import type { WebSocketServer } from 'ws';
import type { EventBus } from '../events/bus.js';
import { StatementCounter } from '../db/statement-counter.js';
import { createContext, type Authenticate, type Context } from '../graphql/context.js';
import { asOutage, ErrorCode, isClientError, withoutHttp } from '../graphql/errors.js';
import { checkDocumentSize, LIMITS } from '../graphql/limits.js';
import type { Logger } from '../log.js';
import { admit, mayHearSuggestions, withoutSuggestions, type ExposurePolicy } from './exposure.js';
import { rememberDocument, sharedSubscribe } from './shared-subscribe.js';

export interface WebSocketCredentials {
  authorization?: string;
  cookie?: string;
  ip: string | null;
}

/**
 * An error as the client may see it: ours and outages as they are, anything else masked (and
 * logged). Re-made, because graphql's CJS and ESM builds do not share the error class.
 */
function clientError(error: unknown, log: Logger): GraphQLError {
  const shown = asOutage(error);
  if (isClientError(shown)) return new GraphQLError(shown.message, { extensions: withoutHttp(shown.extensions) });
  log.error({ err: error }, 'internal error admitting a WebSocket operation');
  return new GraphQLError('Internal server error', { extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } });
}

export function serveWebSocket(args: {
  wss: WebSocketServer;
  schema: GraphQLSchema;
  orm: MikroORM;
  log: Logger;
  bus: EventBus | null;
  exposure: ExposurePolicy;
  trustedDocuments: Map<string, string>;
  clientAddress: (request: http.IncomingMessage) => string | null;
  authenticate: (em: Parameters<Authenticate>[0], credentials: WebSocketCredentials) => ReturnType<Authenticate>;
  metrics?: ApiMetrics;
}) {
  const { schema, log, exposure, metrics } = args;
  if (metrics) {
    args.wss.on('connection', (socket) => {
      metrics.websockets.inc();
      socket.once('close', () => metrics.websockets.dec());
    });
  }
  // Subscriptions running, per connection: counted when they start streaming, until they complete.
  const streaming = new WeakMap<object, Set<string>>();
  return useServer<Record<string, unknown>>(
    {
      schema,
      subscribe: sharedSubscribe,
      onOperation: (ctx, id, _payload, _args, result) => {
        if (!metrics || !(Symbol.asyncIterator in Object(result))) return;
        const ids = streaming.get(ctx) ?? new Set<string>();
        streaming.set(ctx, ids.add(id));
        metrics.subscriptions.inc();
      },
      onComplete: (ctx, id) => {
        if (streaming.get(ctx)?.delete(id)) metrics?.subscriptions.dec();
      },
      // A closed socket's subscriptions end with it.
      onClose: (ctx) => {
        const ids = streaming.get(ctx);
        if (ids?.size) metrics?.subscriptions.dec(ids.size);
        ids?.clear();
      },
      onSubscribe: async (socket, _id, payload): Promise<ExecutionArgs | readonly GraphQLError[]> => {
        // Who is calling first: every decision below is made on the authenticated identity.
        const request = (socket.extra as { request: http.IncomingMessage }).request;
        const params = socket.connectionParams ?? {};
        const credentials: WebSocketCredentials = {
          authorization: typeof params.authorization === 'string' ? params.authorization : undefined,
          cookie: request.headers.cookie,
          ip: args.clientAddress(request),
        };
        let ctx: Context;
        try {
          ctx = await createContext({ orm: args.orm, bus: args.bus, requestId: randomUUID(), log, authenticate: (em) => args.authenticate(em, credentials), statements: new StatementCounter('subscription') });
        } catch (error) {
          return [clientError(error, log)];
        }
        try {
          const documentId = (payload as { documentId?: unknown }).documentId;
          let query = payload.query;
          if (typeof documentId === 'string') {
            const text = args.trustedDocuments.get(documentId);
            if (!text) return [new GraphQLError('Unknown document id: only the portals’ trusted documents are stored.', { extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } })];
            query = text;
            ctx.operation.trustedDocument = documentId;
          }
          checkDocumentSize(query);
          let document: DocumentNode;
          try {
            document = parse(query, { maxTokens: LIMITS.tokens });
          } catch (error) {
            return [new GraphQLError((error as Error).message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
          }
          rememberDocument(document, typeof documentId === 'string' ? documentId : query);
          const invalid = validate(schema, document);
          if (invalid.length) {
            const hear = mayHearSuggestions(exposure, ctx);
            return invalid.map((e) => new GraphQLError(hear ? e.message : withoutSuggestions(e.message), { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }));
          }
          const operation = getOperationAST(document, payload.operationName);
          if (!operation) return [new GraphQLError('Name the operation to run (`operationName`), one the document defines.', { extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } })];
          // Variables of the wrong type are the client's error, as over HTTP (graphql-js would
          // report them without a code, which reads as an internal error).
          const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], payload.variables ?? {});
          if (coerced.errors) return coerced.errors.map((e) => new GraphQLError(e.message, { extensions: { code: 'BAD_USER_INPUT' } }));
          await admit(exposure, ctx, schema, document, operation, payload.variables ?? {});
          return { schema, document, operationName: payload.operationName, variableValues: payload.variables, contextValue: ctx };
        } catch (error) {
          return [clientError(error, log)];
        }
      },
      // Same masking over WebSocket as over HTTP: clients never see internal error details.
      onNext: (_ctx, _id, _payload, _args, result) => {
        if (!result.errors?.length) return;
        return {
          ...result,
          errors: result.errors.map((error) => {
            const original = asOutage(error.originalError ?? error);
            if (isClientError(original)) return original === (error.originalError ?? error) ? error.toJSON() : { message: original.message, path: error.path, extensions: withoutHttp(original.extensions) };
            log.error({ err: original, path: error.path }, 'internal error in a WebSocket operation');
            return new GraphQLError('Internal server error', { path: error.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }).toJSON();
          }),
        };
      },
    },
    args.wss,
  );
}
