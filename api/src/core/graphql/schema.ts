/** Builds the executable schema from the modules' resolvers; also printed to schema/schema.graphql. */
import 'reflect-metadata';
import path from 'node:path';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { REPO_ROOT } from '../config.js';
import { describeConventions } from './conventions.js';
import { NodeResolver } from './node.js';

export const SCHEMA_FILE = path.join(REPO_ROOT, 'schema', 'schema.graphql');

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql takes resolver classes
type Resolvers = readonly Function[];

/** One schema per process (type-graphql's metadata is global): built once, from one list. */
let built: { resolvers: Resolvers; schema: Promise<GraphQLSchema> } | undefined;

/**
 * Every subscription brings its own `subscribe` (fed by the LISTEN/NOTIFY event bus and re-checked
 * per subscriber), so type-graphql's topic-based PubSub is never used; it insists on one anyway.
 */
const noTopics = {
  publish(): never {
    throw new Error('use the event bus (core/events/bus.ts), not type-graphql topics');
  },
  subscribe(): never {
    throw new Error('subscriptions must declare `subscribe`: they read from the event bus');
  },
};

export function buildAppSchema(resolvers: Resolvers): Promise<GraphQLSchema> {
  if (built && built.resolvers !== resolvers) throw new Error('buildAppSchema: a process builds one schema, from one list of resolvers');
  built ??= {
    resolvers,
    schema: buildSchema({
      resolvers: [NodeResolver, ...resolvers] as unknown as [Function, ...Function[]],
      pubSub: noTopics,
      // Inputs are validated by hand in services, with errors that name the field.
      validate: false,
    }).then(describeConventions),
  };
  return built.schema;
}

const HEADER = '# Generated from the code by `pnpm schema:print`. Do not edit; CI fails when it drifts.\n\n';

export async function printAppSchema(resolvers: Resolvers): Promise<string> {
  return HEADER + printSchema(lexicographicSortSchema(await buildAppSchema(resolvers))) + '\n';
}
