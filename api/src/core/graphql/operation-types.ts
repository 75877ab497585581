/**
 * TypeScript types for the trusted documents (schema/operations/*.graphql), generated from the
 * printed schema: `<Operation>Result` and `<Operation>Variables` for every operation, written to
 * portals/src/lib/operations.generated.ts by `pnpm schema:print` and checked by `schema:check`.
 */
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  typeFromAST,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { Kind, parse } from 'graphql';

const SCALARS: Record<string, string> = { ID: 'string', String: 'string', DateTimeISO: 'string', Int: 'number', Float: 'number', Boolean: 'boolean' };

const scalar = (type: GraphQLNamedType): string => {
  if (isEnumType(type)) return type.getValues().map((v) => `'${v.name}'`).join(' | ');
  return SCALARS[type.name] ?? 'unknown';
};

function fieldsOf(schema: GraphQLSchema, parent: GraphQLNamedType, selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, optional = false): string[] {
  const out: string[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const name = selection.alias?.value ?? selection.name.value;
      const mark = optional || selection.directives?.some((d) => d.name.value === 'include' || d.name.value === 'skip') ? '?' : '';
      if (selection.name.value === '__typename') {
        out.push(`${name}${mark}: string;`);
        continue;
      }
      const field = 'getFields' in parent ? (parent.getFields() as Record<string, { type: GraphQLOutputType }>)[selection.name.value] : undefined;
      if (!field) throw new Error(`${parent.name}.${selection.name.value} is not in the schema`);
      out.push(`${name}${mark}: ${output(schema, field.type, selection.selectionSet, fragments)};`);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const on = selection.typeCondition ? schema.getType(selection.typeCondition.name.value)! : parent;
      // Fields of a type condition are there only for that type: optional on the union.
      out.push(...fieldsOf(schema, on, selection.selectionSet, fragments, optional || on !== parent));
    } else {
      const fragment = fragments.get(selection.name.value)!;
      const on = schema.getType(fragment.typeCondition.name.value)!;
      out.push(...fieldsOf(schema, on, fragment.selectionSet, fragments, optional || on !== parent));
    }
  }
  // The same field from two fragments: keep one.
  return [...new Set(out)];
}

function output(schema: GraphQLSchema, type: GraphQLOutputType, selectionSet: SelectionSetNode | undefined, fragments: Map<string, FragmentDefinitionNode>, nullable = true): string {
  if (isNonNullType(type)) return output(schema, type.ofType, selectionSet, fragments, false);
  const orNull = nullable ? ' | null' : '';
  if (isListType(type)) return `Array<${output(schema, type.ofType, selectionSet, fragments)}>${orNull}`;
  const named = getNamedType(type);
  if (isScalarType(named) || isEnumType(named)) return `${scalar(named)}${orNull}`;
  return `{ ${fieldsOf(schema, named, selectionSet!, fragments).join(' ')} }${orNull}`;
}

function input(type: GraphQLInputType, nullable = true): string {
  if (isNonNullType(type)) return input(type.ofType, false);
  const orNull = nullable ? ' | null' : '';
  if (isListType(type)) return `Array<${input(type.ofType)}>${orNull}`;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).map((f) => `${f.name}${isNonNullType(f.type) ? '' : '?'}: ${input(f.type)};`);
    return `{ ${fields.join(' ')} }${orNull}`;
  }
  return `${scalar(type)}${orNull}`;
}

export function operationTypes(schema: GraphQLSchema, documents: Iterable<string>): string {
  const parsed: DocumentNode[] = [...documents].map((text) => parse(text));
  const lines = [
    '// Generated from schema/schema.graphql and schema/operations/ by `pnpm schema:print`. Do not edit.',
    '/* eslint-disable */',
    '',
  ];
  const names: string[] = [];
  for (const document of parsed) {
    const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION || !definition.name) continue;
      const root = definition.operation === 'query' ? schema.getQueryType() : definition.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
      if (!root || !isObjectType(root)) continue;
      const name = definition.name.value;
      names.push(name);
      const variables = (definition.variableDefinitions ?? []).map((v) => {
        const type = typeFromAST(schema, v.type as never) as GraphQLInputType;
        return `${v.variable.name.value}${isNonNullType(type) && !v.defaultValue ? '' : '?'}: ${input(type)};`;
      });
      lines.push(`export interface ${name}Variables { ${variables.join(' ')} }`);
      lines.push(`export interface ${name}Result { ${fieldsOf(schema, root, definition.selectionSet, fragments).join(' ')} }`);
      lines.push('');
    }
  }
  lines.push('/** Every operation by name: what it takes and what it answers. */');
  lines.push(`export interface Operations { ${names.map((n) => `${n}: { variables: ${n}Variables; result: ${n}Result };`).join(' ')} }`);
  lines.push('');
  return lines.join('\n');
}
