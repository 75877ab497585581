/**
 * Limits checked before anything runs: depth, aliases and a cost estimate, Shopify-style:
 *   an object field          1 + what is selected in it
 *   a connection (`first`)   2 + first × what is selected in it
 *   `edges`/`nodes` inside a connection: 1 + their contents (their number is the `first` above)
 *   any other list           10 × (1 + its contents), an estimate
 * Over a limit, the request gets BAD_USER_INPUT with `extensions.limit` and nothing executes.
 * The cost is reported back (`extensions.cost`, `x-query-cost` headers), as GitHub and Shopify do.
 */
import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { AppError, ErrorCode } from './errors.js';

export const LIMITS = {
  depth: 12,
  aliases: 30,
  cost: 10_000,
  /** Lexical tokens in a document (enforced by the parser). */
  tokens: 3_000,
  /** Characters in a document. */
  documentChars: 20_000,
} as const;

const LIST_ESTIMATE = 10;

export interface QueryCost {
  requested: number;
  limit: number;
}

/** Over a limit is the client's doing: BAD_USER_INPUT with HTTP 400, never a 5xx. */
const tooComplex = (limit: string, message: string, extra: Record<string, unknown> = {}) =>
  new AppError(ErrorCode.BAD_USER_INPUT, message, { limit, ...extra, http: { status: 400 } });

export function checkDocumentSize(query: string | undefined): void {
  if (query && query.length > LIMITS.documentChars) {
    throw tooComplex('documentChars', `The query document is longer than ${LIMITS.documentChars} characters.`);
  }
}

/** Throws when the operation is over a limit; returns its cost otherwise. */
export function checkLimits(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): QueryCost {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);

  let aliases = 0;
  let maxDepth = 0;

  const argument = (node: FieldNode, name: string): number | undefined => {
    const arg = node.arguments?.find((a) => a.name.value === name);
    if (!arg) return undefined;
    if (arg.value.kind === Kind.INT) return Number(arg.value.value);
    if (arg.value.kind === Kind.VARIABLE) {
      const value = variables[arg.value.name.value];
      return typeof value === 'number' ? value : undefined;
    }
    return undefined;
  };

  const walk = (set: SelectionSetNode, parent: GraphQLCompositeType, depth: number, seen: ReadonlySet<string>): number => {
    if (depth > maxDepth) maxDepth = depth;
    if (depth > LIMITS.depth) throw tooComplex('depth', `The query is nested deeper than ${LIMITS.depth} levels.`);
    let cost = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || seen.has(name)) continue; // validation reports unknown and cyclic fragments
        const type = schema.getType(fragment.typeCondition.name.value);
        if (type && isCompositeType(type)) cost += walk(fragment.selectionSet, type, depth, new Set([...seen, name]));
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (type && isCompositeType(type)) cost += walk(selection.selectionSet, type, depth, seen);
        continue;
      }
      if (selection.alias) aliases++;
      if (aliases > LIMITS.aliases) throw tooComplex('aliases', `The query uses more than ${LIMITS.aliases} aliases.`);
      if (!selection.selectionSet) continue;
      // Unions have no fields of their own; their members are reached through inline fragments.
      const field = 'getFields' in parent ? parent.getFields()[selection.name.value] : undefined;
      const childType = field && getNamedType(field.type);
      if (!field || !childType || !isCompositeType(childType)) continue;
      const inner = walk(selection.selectionSet, childType, depth + 1, seen);
      const first = argument(selection, 'first');
      if (first !== undefined) cost += 2 + Math.max(first, 0) * inner;
      else if (isListType(getNullableType(field.type)) && !parent.name.endsWith('Connection')) cost += LIST_ESTIMATE * (1 + inner);
      else cost += 1 + inner;
    }
    return cost;
  };

  const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  if (!root) return { requested: 0, limit: LIMITS.cost };
  const requested = Math.max(1, walk(operation.selectionSet, root, 1, new Set()));
  if (requested > LIMITS.cost) {
    throw tooComplex('cost', `The query would cost ${requested} points; the limit is ${LIMITS.cost}. Ask for smaller pages or fewer nested connections.`, {
      cost: { requested, limit: LIMITS.cost },
    });
  }
  return { requested, limit: LIMITS.cost };
}
