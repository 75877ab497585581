import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../core/graphql/context.js';
import { mutate } from '../../core/graphql/payload.js';
import { expectGlobalId } from '../../core/graphql/relay.js';
import { localRulesOf, setLocalRule, type LocalRuleState } from './local-rules.service.js';
import { LocalRulePayload, LocalRuleSetInput, LocalRuleType } from './local-rules.types.js';

const toType = ({ rule, value, setting }: LocalRuleState): LocalRuleType => ({
  key: rule.key,
  label: rule.label,
  description: rule.description,
  source: rule.source,
  unit: rule.unit,
  value,
  defaultValue: rule.default,
  min: rule.min,
  max: rule.max,
  isDefault: setting === null,
  updatedAt: setting?.updatedAt ?? null,
});

@Resolver()
export class LocalRulesResolver {
  @Query(() => [LocalRuleType], { description: 'The LOCAL rules of Party work and the values an enterprise applies (anyone holding a role in it).' })
  async localRules(@Arg('enterpriseId', () => ID) enterpriseId: string, @Ctx() ctx: Context): Promise<LocalRuleType[]> {
    return (await localRulesOf(ctx.em, ctx, expectGlobalId(enterpriseId, 'Enterprise', 'enterpriseId'))).map(toType);
  }

  @Mutation(() => LocalRulePayload, { description: 'Sets the value an enterprise applies for a LOCAL rule, within its bounds (its top-level admins; audited).' })
  localRuleSet(@Arg('input') input: LocalRuleSetInput, @Ctx() ctx: Context): Promise<LocalRulePayload> {
    const enterpriseId = expectGlobalId(input.enterpriseId, 'Enterprise', 'enterpriseId');
    return mutate(async () => ({ rule: toType(await setLocalRule(ctx.em, ctx, enterpriseId, input.key.trim().slice(0, 80), input.value)) }));
  }
}
