/**
 * Mutation payloads (Shopify style): what the user can fix comes back as `userErrors` with a
 * field path and a stable code; access and faults stay top-level errors with `extensions.code`.
 */
import { Field, ObjectType } from 'type-graphql';
import { ErrorCode } from './errors.js';

@ObjectType({ description: 'A problem with the input that the user can fix.' })
export class UserError {
  @Field(() => [String], { nullable: true, description: 'Path to the input field at fault.' })
  field!: string[] | null;

  @Field({ description: 'What is wrong, in words.' })
  message!: string;

  @Field({ description: 'Stable code: BAD_USER_INPUT or CONFLICT.' })
  code!: string;

  @Field(() => String, { nullable: true, description: 'When a rule of Party work refused it: the rule, e.g. development.activistOneYear.' })
  rule?: string | null;

  @Field(() => String, { nullable: true, description: 'When a rule of Party work refused it: where the rule comes from.' })
  source?: string | null;
}

const USER_FIXABLE = new Set<string>([ErrorCode.BAD_USER_INPUT, ErrorCode.CONFLICT]);

/**
 * Runs a mutation; BAD_USER_INPUT and CONFLICT errors become `userErrors` (the transaction
 * they came from has rolled back), anything else propagates as a top-level error.
 */
export async function mutate<T extends object>(run: () => Promise<T>): Promise<Partial<T> & { userErrors: UserError[] }> {
  try {
    return { ...(await run()), userErrors: [] };
  } catch (error) {
    const ext = (error as { extensions?: { code?: unknown; field?: unknown; rule?: unknown; source?: unknown } }).extensions;
    if (typeof ext?.code === 'string' && USER_FIXABLE.has(ext.code)) {
      const userError: UserError = { field: typeof ext.field === 'string' ? ['input', ext.field] : null, message: (error as Error).message, code: ext.code };
      if (typeof ext.rule === 'string') Object.assign(userError, { rule: ext.rule, source: typeof ext.source === 'string' ? ext.source : null });
      return { userErrors: [userError] } as Partial<T> & { userErrors: UserError[] };
    }
    throw error;
  }
}
