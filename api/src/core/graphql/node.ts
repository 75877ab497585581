/**
 * The Relay `Node` interface and `node(id:)`. Each module registers its node types with a loader
 * that applies the caller's ability, so `node(id:)` never returns what a list would hide.
 */
import { Arg, Ctx, Field, ID, InterfaceType, Query, Resolver } from 'type-graphql';
import type { Context } from './context.js';
import { badInput } from './errors.js';
import { fromGlobalId, toGlobalId } from './relay.js';

interface NodeDefinition {
  typeName: string;
  /** The class (or classes: an entity and its plain read view) of its values. */
  entity: (abstract new (...args: never[]) => object) | (abstract new (...args: never[]) => object)[];
  /** When several types share an entity (content kinds), which of its rows are of this type. */
  is?: (value: object) => boolean;
  load: (ctx: Context, id: number) => Promise<object | null>;
}

const definitions = new Map<string, NodeDefinition>();

export function registerNodeType(definition: NodeDefinition): void {
  definitions.set(definition.typeName, definition);
}

function typeNameOf(value: object): string | undefined {
  for (const def of definitions.values()) {
    const classes = Array.isArray(def.entity) ? def.entity : [def.entity];
    if (classes.some((c) => value instanceof c) && (!def.is || def.is(value))) return def.typeName;
  }
  return undefined;
}

@InterfaceType({
  description: 'An object with a globally unique, opaque id (Relay).',
  resolveType: (value: object) => typeNameOf(value),
})
export abstract class Node {
  @Field(() => ID, { description: 'Opaque global id; pass it to `node(id:)` to fetch the object again.' })
  id!: string;
}

/** Global id of an entity registered as a node type. */
export function globalIdOf(value: object & { id: number }): string {
  const typeName = typeNameOf(value);
  if (!typeName) throw new Error(`${value.constructor.name} is not a registered node type`);
  return toGlobalId(typeName, value.id);
}

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Fetches any object by its global id; null when it does not exist or is hidden from you.' })
  async node(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<object | null> {
    const decoded = fromGlobalId(id);
    const definition = decoded && definitions.get(decoded.type);
    if (!decoded || !definition) throw badInput('Not a valid global id.', 'id');
    return definition.load(ctx, decoded.id);
  }
}
