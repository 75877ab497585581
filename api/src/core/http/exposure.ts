/**
 * What the open internet may do, decided once per operation on the authenticated identity, by the
 * same code for HTTP and WebSocket (`admit`):
 *  - limits first (depth, aliases, cost): an over-limit operation runs nothing and costs nothing;
 *  - anonymous callers may be held to the portals' trusted documents (ANONYMOUS_DOCUMENTS=trusted);
 *  - introspection and "did you mean" suggestions may be withheld from anonymous callers;
 *  - every operation is charged to its caller's one rate budget (rate-budget.ts), keyed by who the
 *    caller is — API key, user or address — whatever the transport.
 */
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { visit } from 'graphql';
import type { Context } from '../graphql/context.js';
import { AppError, ErrorCode } from '../graphql/errors.js';
import { checkLimits } from '../graphql/limits.js';
import { budgetKey, type RateBudgets } from './rate-budget.js';

export interface ExposurePolicy {
  budgets: RateBudgets | null;
  anonymousDocuments: 'any' | 'trusted';
  hideSchemaFromAnonymous: boolean;
}

export const OPEN_POLICY: ExposurePolicy = { budgets: null, anonymousDocuments: 'any', hideSchemaFromAnonymous: false };

/** Per parsed document: Apollo hands the same DocumentNode back for every run of a cached document. */
const schemaAsked = new WeakMap<DocumentNode, boolean>();

function asksForSchema(document: DocumentNode): boolean {
  let found = schemaAsked.get(document);
  if (found !== undefined) return found;
  found = visitsSchema(document);
  schemaAsked.set(document, found);
  return found;
}

function visitsSchema(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') found = true;
    },
  });
  return found;
}

/** Whether this caller's error messages may spell out the schema ("Did you mean …?"). */
export const mayHearSuggestions = (policy: ExposurePolicy, ctx: Pick<Context, 'viewer'>) => !(policy.hideSchemaFromAnonymous && ctx.viewer.kind === 'anonymous');

/**
 * Admits an operation (parsed and validated) for the caller of `ctx`, or throws the client error
 * that refuses it. Records the operation's name and cost on the context, then charges the budget.
 */
export async function admit(
  policy: ExposurePolicy,
  ctx: Context,
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode | null | undefined,
  variables: Record<string, unknown>,
): Promise<void> {
  ctx.operation.name = operation?.name?.value ?? ctx.operation.name;
  if (operation) ctx.operation.cost = checkLimits(schema, document, operation, variables);
  const anonymous = ctx.viewer.kind === 'anonymous';
  if (anonymous && policy.anonymousDocuments === 'trusted' && !ctx.operation.trustedDocument) {
    throw new AppError(ErrorCode.FORBIDDEN, 'Anonymous callers may run only trusted documents (send `documentId`); other documents need an API key or a session.', {
      http: { status: 403 },
    });
  }
  if (anonymous && policy.hideSchemaFromAnonymous && asksForSchema(document)) {
    throw new AppError(ErrorCode.FORBIDDEN, 'Introspection is not available to anonymous callers; the schema is published as schema/schema.graphql.', { http: { status: 403 } });
  }
  const payer = policy.budgets && budgetKey(ctx.viewer, policy.budgets.limits);
  if (payer) {
    // Subscriptions are charged when they start; each operation at least one point.
    ctx.operation.budget = await policy.budgets!.charge(payer, Math.max(1, ctx.operation.cost?.requested ?? 1));
  }
}

/** graphql-js adds "Did you mean …?" to validation messages; they spell out the schema. */
export const withoutSuggestions = (message: string) => message.replace(/\s*Did you mean [^?]*\?/g, '');
