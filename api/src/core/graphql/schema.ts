/** Builds the executable schema from the modules' resolvers; also printed to schema/schema.graphql. */
import 'reflect-metadata';
import path from 'node:path';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { REPO_ROOT } from '../config.js';
import { moduleResolvers } from '../../modules/index.js';
import { NodeResolver } from './node.js';

export const SCHEMA_FILE = path.join(REPO_ROOT, 'schema', 'schema.graphql');

let built: Promise<GraphQLSchema> | undefined;

export function buildAppSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: [NodeResolver, ...moduleResolvers],
    // Inputs are validated by hand in services, with errors that name the field.
    validate: false,
  });
  return built;
}

const HEADER = '# Generated from the code by `pnpm schema:print`. Do not edit; CI fails when it drifts.\n\n';

export async function printAppSchema(): Promise<string> {
  return HEADER + printSchema(lexicographicSortSchema(await buildAppSchema())) + '\n';
}
