/**
 * A typed GraphQL client in a few lines: the documents are TypedDocumentNodes generated from the
 * API's schema, so variables and results are checked by the compiler — no hand-written types.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

export class ApiError extends Error {
  readonly code: string | undefined;
  constructor(message: string, code: string | undefined) {
    super(message);
    this.code = code;
  }
}

export function apiClient(url: string, apiKey: string) {
  return async function request<R, V extends Record<string, unknown>>(document: TypedDocumentNode<R, V>, variables: V): Promise<R> {
    const response = await fetch(url, {
      method: 'POST',
      // An API key goes in the Authorization header as a bearer token (see docs/integrators.md).
      headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
      body: JSON.stringify({ query: print(document), variables }),
    });
    const body = (await response.json()) as { data?: R; errors?: { message: string; extensions?: { code?: string } }[] };
    const error = body.errors?.[0];
    if (error) throw new ApiError(error.message, error.extensions?.code);
    if (!body.data) throw new ApiError(`HTTP ${response.status}`, undefined);
    return body.data;
  };
}
