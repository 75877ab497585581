/**
 * The error model. Every error a client sees carries a stable `extensions.code`; anything else is
 * an internal fault, logged with the request id and masked before it leaves the server.
 */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { isDatabaseUnavailable } from '../db/unavailable.js';

export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  RATE_LIMITED: 'RATE_LIMITED',
  /** The database is unreachable: try again shortly (HTTP 503 with Retry-After). */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Codes produced by graphql-js / Apollo for malformed requests; safe to show as they are. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
  }
}

/** How long a client should wait before retrying during a database outage. */
export const RETRY_AFTER_OUTAGE_SECONDS = 5;

export const serviceUnavailable = () =>
  new AppError(ErrorCode.SERVICE_UNAVAILABLE, 'The service is temporarily unavailable. Try again shortly.', {
    retryAfterSeconds: RETRY_AFTER_OUTAGE_SECONDS,
    http: { status: 503, headers: new Map([['retry-after', String(RETRY_AFTER_OUTAGE_SECONDS)]]) },
  });

/** A database outage becomes SERVICE_UNAVAILABLE; anything else stays as it is. */
export const asOutage = (error: unknown): unknown => (isDatabaseUnavailable(error) ? serviceUnavailable() : error);

export const badInput = (message: string, field?: string) =>
  new AppError(ErrorCode.BAD_USER_INPUT, message, field ? { field } : {});
export const notFound = (message: string) => new AppError(ErrorCode.NOT_FOUND, message);
export const conflict = (message: string, field?: string) =>
  new AppError(ErrorCode.CONFLICT, message, field ? { field } : {});
export const forbidden = (message = 'You are not allowed to do this.') => new AppError(ErrorCode.FORBIDDEN, message);

/**
 * True for errors meant for the client: ours, or graphql-js/Apollo's request errors. Checked by
 * shape, not `instanceof`: graphql 16 ships CJS and ESM builds, and a process can hold both.
 */
export function isClientError(error: unknown): error is GraphQLError {
  if (typeof error !== 'object' || error === null || !('extensions' in error)) return false;
  const code = (error as { extensions?: { code?: unknown } }).extensions?.code;
  if (typeof code !== 'string') return false;
  return (Object.values(ErrorCode) as string[]).includes(code) || REQUEST_ERROR_CODES.has(code);
}

/**
 * Apollo's formatError: client errors pass through without stack traces; anything else becomes a
 * generic INTERNAL_SERVER_ERROR — except a database outage, which is SERVICE_UNAVAILABLE. Logging
 * (with the request id) happens in the request plugin, which also adds `requestId` to masked
 * errors so support can find the log line.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const raw = unwrapResolverError(error);
  const original = asOutage(raw);
  const path = formatted.path ? { path: formatted.path } : {};
  // An outage is re-made: its message and code replace the driver's.
  if (original !== raw && isClientError(original)) return { message: original.message, ...path, extensions: withoutHttp(original.extensions) };
  if (isClientError(original)) return { ...formatted, extensions: withoutHttp(formatted.extensions) };
  return {
    message: 'Internal server error',
    ...path,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}

/** An error's extensions as a client may see them: `http` is for the transport, never the body. */
export function withoutHttp(extensions: Record<string, unknown> | undefined): Record<string, unknown> {
  const { http: _http, stacktrace: _stack, ...rest } = extensions ?? {};
  return rest;
}
