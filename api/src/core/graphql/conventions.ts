/**
 * Descriptions that follow from the API's conventions, filled in where a module gave none: the
 * Relay pieces (connections, edges, page info, global ids), mutation payloads and their
 * `userErrors`, paging arguments and the usual ids. The same sentence written by hand in a
 * hundred places would say the same thing less consistently; anything a module describes itself
 * is left as it is. The docs panel of GraphiQL and `schema/schema.graphql` read these.
 */
import {
  getNamedType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLInterfaceType,
  type GraphQLObjectType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';

const ID_OF: Record<string, string> = {
  organizationId: 'The organisation’s global id.',
  enterpriseId: 'The enterprise’s global id.',
  memberId: 'The member’s global id.',
  userId: 'The user’s global id.',
  portalId: 'The portal’s global id.',
  contentId: 'The item’s global id.',
};

const PAGE_INFO: Record<string, string> = {
  hasNextPage: 'Whether there are items after this page.',
  hasPreviousPage: 'Whether there are items before this page.',
  startCursor: 'The cursor of the first item of this page.',
  endCursor: 'The cursor of the last item of this page: pass it as `after:` for the next page.',
};

const isConnection = (type: GraphQLNamedType) => type.name.endsWith('Connection');
const isEdge = (type: GraphQLNamedType) => type.name.endsWith('Edge') || type.name.endsWith('Hit');
const isPayload = (type: GraphQLNamedType) => type.name.endsWith('Payload');

const ROOTS: Record<string, string> = {
  Query: 'Reads. Every answer is filtered by who you are: what you may not read is absent — null, or left out of lists and their counts.',
  Mutation: 'Changes. Each answers a payload whose `userErrors` name the input the rules refused (then nothing was written); other failures are top-level errors with a stable `extensions.code`.',
  Subscription: 'Live events over WebSocket (graphql-ws, on the same path), each checked against your rights before it is sent.',
};

function typeDescription(type: GraphQLNamedType): string | undefined {
  if (ROOTS[type.name]) return ROOTS[type.name];
  if (type.name === 'PageInfo') return 'Where a page lies in its list (Relay): whether there is more, and the cursors to go on with.';
  if (isConnection(type)) return `A page of a list (Relay connection): its items, the cursors to go on with, and the size of the whole list.`;
  if (isEdge(type)) return 'An item of a page, with the cursor that continues after it.';
  if (isPayload(type)) return 'What a mutation answers: the object as it is after the change, or `userErrors` saying why it was refused (then nothing was written).';
  return undefined;
}

function fieldDescription(parent: GraphQLNamedType, field: GraphQLField<unknown, unknown>): string | undefined {
  const named = getNamedType(field.type);
  if (parent.name === 'PageInfo') return PAGE_INFO[field.name];
  if (field.name === 'id' && named.name === 'ID') return 'The object’s global id: opaque and stable; `node(id:)` fetches the object by it.';
  if (field.name === 'userErrors') return 'Why the change was refused, naming the input field at fault (nothing was written); empty when it succeeded.';
  if (field.name === 'createdAt') return 'When it was created.';
  if (field.name === 'updatedAt') return 'When it last changed.';
  if (isConnection(parent)) {
    if (field.name === 'edges') return 'The items of this page, each with its cursor.';
    if (field.name === 'nodes') return 'The items of this page.';
    if (field.name === 'pageInfo') return 'Where this page lies in the list, and the cursor to go on with (`after: pageInfo.endCursor`).';
    if (field.name === 'totalCount') return 'How many items the whole list has (of those you may read).';
  }
  if (isEdge(parent)) {
    if (field.name === 'node') return 'The item.';
    if (field.name === 'cursor') return 'Pass it as `after:` to continue after this item.';
  }
  if (isPayload(parent) && (isObjectType(named) || isInterfaceType(named))) return 'The object as it is after the change; null when the change was refused.';
  if (named.name === 'ID' && ID_OF[field.name]) return ID_OF[field.name];
  return undefined;
}

function argumentDescription(arg: GraphQLArgument): string | undefined {
  const named = getNamedType(arg.type);
  if (arg.name === 'first') return 'How many items to return (at most 100; some lists allow fewer, as they say).';
  if (arg.name === 'after') return 'A cursor (`pageInfo.endCursor`, or an edge’s `cursor`): return the items after it.';
  if (arg.name === 'id' && named.name === 'ID') return 'The object’s global id.';
  if (arg.name === 'input') return 'What to create or change (each field is described on the input type).';
  if (arg.name === 'filter') return 'Which items to return; without it, all that you may read.';
  if (arg.name === 'portalSlug') return 'The portal’s slug, as in its address `/p/<slug>/`.';
  if (named.name === 'ID' && ID_OF[arg.name]) return ID_OF[arg.name];
  return undefined;
}

function inputFieldDescription(field: GraphQLInputField): string | undefined {
  const named = getNamedType(field.type);
  if (named.name === 'ID' && ID_OF[field.name]) return ID_OF[field.name];
  return undefined;
}

/** An object type's field means what the same field of an interface it implements means. */
function inheritedDescription(type: GraphQLObjectType | GraphQLInterfaceType, name: string): string | undefined {
  for (const parent of type.getInterfaces()) {
    const description = parent.getFields()[name]?.description;
    if (description) return description;
  }
  return undefined;
}

/** Fills the conventional descriptions into `schema` (in place) and returns it. */
export function describeConventions(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    type.description ??= typeDescription(type);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        field.description ??= inheritedDescription(type, field.name) ?? fieldDescription(type, field);
        for (const arg of field.args) arg.description ??= argumentDescription(arg);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) field.description ??= inputFieldDescription(field);
    }
  }
  return schema;
}
