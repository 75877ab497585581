import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { UserError } from '../../core/graphql/payload.js';

export const LocalRuleUnit = { DAYS: 'DAYS', WORKING_DAYS: 'WORKING_DAYS', MONTHS: 'MONTHS', HOURS: 'HOURS', COUNT: 'COUNT' } as const;
export type LocalRuleUnit = (typeof LocalRuleUnit)[keyof typeof LocalRuleUnit];
registerEnumType(LocalRuleUnit, {
  name: 'LocalRuleUnit',
  description: 'The unit a LOCAL rule is counted in.',
  valuesConfig: {
    DAYS: { description: 'Calendar days.' },
    WORKING_DAYS: { description: 'Working days (the working calendar’s).' },
    MONTHS: { description: 'Months.' },
    HOURS: { description: 'Hours.' },
    COUNT: { description: 'A number of times or items.' },
  },
});

@ObjectType('LocalRule', { description: 'A rule of Party work tagged LOCAL (common local practice): the value this enterprise applies, and the default.' })
export class LocalRuleType {
  @Field({ description: 'Stable, e.g. members.electionReminderDays.' }) key!: string;
  @Field({ description: 'Its name in the workspace (Chinese).' }) label!: string;
  @Field({ description: 'What the rule is.' }) description!: string;
  @Field({ description: 'Where the rule and its default come from.' }) source!: string;
  @Field(() => LocalRuleUnit, { description: 'What it is counted in.' }) unit!: LocalRuleUnit;
  @Field(() => Int, { description: 'The value this enterprise applies.' }) value!: number;
  @Field(() => Int, { description: 'The default DOMAIN-RULES names.' }) defaultValue!: number;
  @Field(() => Int, { description: 'The smallest value allowed.' }) min!: number;
  @Field(() => Int, { description: 'The largest value allowed.' }) max!: number;
  @Field({ description: 'Whether the default is in force (nothing set).' }) isDefault!: boolean;
  @Field(() => GraphQLISODateTime, { nullable: true }) updatedAt!: Date | null;
}

@InputType({ description: 'An enterprise’s value for a LOCAL rule, within its bounds.' })
export class LocalRuleSetInput {
  @Field(() => ID) enterpriseId!: string;
  @Field({ description: 'The rule, `<module>.<rule>`.' }) key!: string;
  @Field(() => Int, { nullable: true, description: 'null goes back to the default.' }) value!: number | null;
}

@ObjectType()
export class LocalRulePayload {
  @Field(() => LocalRuleType, { nullable: true }) rule?: LocalRuleType;
  @Field(() => [UserError]) userErrors!: UserError[];
}
