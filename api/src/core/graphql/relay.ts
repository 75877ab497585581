/**
 * Relay conventions: opaque global ids and cursor connections with `first`
 * required and capped. Every connection in the API is built with `connectionType` and `paginate`.
 */
import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { badInput } from './errors.js';

export const MAX_PAGE_SIZE = 100;

/** Global ids are base64url("Type:localId"), so they are opaque and carry their type. */
export function toGlobalId(type: string, id: number | string): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

export function fromGlobalId(globalId: string): { type: string; id: number } | null {
  if (globalId.length > 200 || !/^[A-Za-z0-9_-]+$/.test(globalId)) return null;
  const match = /^([A-Za-z]+):(\d{1,15})$/.exec(Buffer.from(globalId, 'base64url').toString('utf8'));
  if (!match) return null;
  const id = Number(match[2]);
  return Number.isSafeInteger(id) && id > 0 ? { type: match[1]!, id } : null;
}

/** Decodes an id that must be of one type; anything else is a BAD_USER_INPUT naming the field. */
export function expectGlobalId(globalId: string, type: string, field = 'id'): number {
  const decoded = fromGlobalId(globalId);
  if (!decoded || decoded.type !== type) throw badInput(`Not a valid ${type} id.`, field);
  return decoded.id;
}

@ObjectType()
export class PageInfo {
  @Field() hasNextPage!: boolean;
  @Field() hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true }) startCursor!: string | null;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  /** Evaluated only when the client asks for it: a COUNT is not free. */
  readonly totalCount: Promise<number>;
  /** Whether the count stopped at the list's cap (there are more). */
  readonly totalCountCapped: Promise<boolean>;
}

/** Builds `<Name>Connection` and `<Name>Edge` object types for a node type. */
export function connectionType<T extends object>(name: string, node: ClassType<T>): ClassType<Connection<T>> {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String, { description: 'Opaque cursor; pass it as `after` to continue.' }) cursor!: string;
    @Field(() => node) node!: T;
  }
  @ObjectType(`${name}Connection`)
  class ConnectionClass {
    @Field(() => [Edge]) edges!: Edge[];
    @Field(() => [node], { description: 'The nodes of `edges`, for clients that need no cursors.' }) nodes!: T[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
    @Field(() => Int, { description: 'How many items match, counting only what the caller may see (content lists stop at 10,000: see `totalCountCapped`).' })
    totalCount!: number;
    @Field({ description: 'True when `totalCount` stopped at the list’s cap: there are more than it says.' })
    totalCountCapped!: boolean;
  }
  return ConnectionClass as unknown as ClassType<Connection<T>>;
}

/** Cursors are versioned, opaque encodings of the sort key of the row they point at. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(['v1', ...key]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, shape: readonly ('string' | 'number')[]): (string | number)[] {
  const invalid = () => badInput('Not a valid cursor for this connection.', 'after');
  if (cursor.length > 1000 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed[0] !== 'v1' || parsed.length !== shape.length + 1) throw invalid();
  const key = parsed.slice(1);
  if (!key.every((part, i) => typeof part === shape[i])) throw invalid();
  return key;
}

export function checkFirst(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badInput(`\`first\` must be between 1 and ${MAX_PAGE_SIZE}.`, 'first');
  }
  return first;
}

/**
 * Keyset pagination: fetches `first + 1` rows after the cursor's key to learn whether there is a
 * next page. `fetch` and `count` must apply the caller's authorisation themselves.
 */
export async function paginate<T, K extends (string | number)[]>(args: {
  first: number;
  after: K | null;
  fetch: (limit: number, after: K | null) => Promise<T[]>;
  keyOf: (row: T) => K;
  count: () => Promise<number>;
  /** Where `count` stops counting, if it does. */
  countCap?: number;
}): Promise<Connection<T>> {
  const first = checkFirst(args.first);
  const rows = await args.fetch(first + 1, args.after);
  const page = rows.slice(0, first);
  const edges = page.map((node) => ({ cursor: encodeCursor(args.keyOf(node)), node }));
  let total: Promise<number> | undefined;
  const count = () => (total ??= args.count());
  return {
    edges,
    nodes: page,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: args.after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    get totalCount() {
      return count();
    },
    get totalCountCapped() {
      return count().then((n) => args.countCap !== undefined && n >= args.countCap);
    },
  };
}
