/**
 * Errors of the non-GraphQL endpoints (files, spreadsheets): the same JSON shape and codes as
 * GraphQL's, with the HTTP status a client expects. Faults are logged and never shown.
 */
import type { Response } from 'express';
import { ErrorCode, isClientError } from '../graphql/errors.js';
import type { Logger } from '../log.js';

const STATUS: Record<string, number> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.RATE_LIMITED]: 429,
};

export function sendRouteError(res: Response, error: unknown, log: Logger, what: string): void {
  if (isClientError(error)) {
    const { http, ...extensions } = (error.extensions ?? {}) as { http?: { status?: number } } & Record<string, unknown>;
    const status = http?.status ?? STATUS[String(extensions.code)] ?? 400;
    // The rest of an oversized body is not read: the client must not reuse this connection.
    if (status === 413) res.setHeader('connection', 'close');
    res.status(status).json({ errors: [{ message: error.message, extensions }] });
    return;
  }
  log.error({ err: error, requestId: res.getHeader('x-request-id') }, `${what} failed`);
  res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, requestId: res.getHeader('x-request-id') } }] });
}
