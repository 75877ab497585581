import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { UserError } from '../../core/graphql/payload.js';
import { AwardKind, CareKind, Discipline } from './history.entity.js';
import { MemberType } from './member.types.js';

registerEnumType(AwardKind, {
  name: 'MemberAwardKind',
  description: 'AWARD 表彰奖励, DISCIPLINE 党纪处分.',
  valuesConfig: {
    AWARD: { description: '表彰奖励.' },
    DISCIPLINE: { description: '党纪处分.' },
  },
});
registerEnumType(Discipline, {
  name: 'PartyDiscipline',
  description: 'WARNING 警告, SERIOUS_WARNING 严重警告, REMOVAL_FROM_POST 撤销党内职务, PROBATION 留党察看 (开除党籍 is a status change).',
  valuesConfig: {
    WARNING: { description: '警告' },
    SERIOUS_WARNING: { description: '严重警告' },
    REMOVAL_FROM_POST: { description: '撤销党内职务' },
    PROBATION: { description: '留党察看 (with its end)' },
  },
});
registerEnumType(CareKind, {
  name: 'MemberCareKind',
  description: 'VISIT 走访慰问, HOLIDAY 节日慰问, ILLNESS 患病慰问, HARDSHIP_AID 困难帮扶, OTHER.',
  valuesConfig: {
    OTHER: { description: 'Other care, described.' },
    VISIT: { description: '走访慰问' },
    HOLIDAY: { description: '节日慰问' },
    ILLNESS: { description: '患病慰问' },
    HARDSHIP_AID: { description: '困难帮扶' },
  },
});

@ObjectType('MemberAward', { description: '奖惩: an award or a Party discipline, as decided.' })
export class MemberAwardType {
  @Field(() => AwardKind, { description: 'An award or a disciplinary measure.' }) kind!: AwardKind;
  @Field(() => Discipline, { description: 'For a disciplinary measure: which.', nullable: true }) discipline!: Discipline | null;
  @Field({ description: 'The award or the measure’s name.' }) title!: string;
  @Field({ description: 'When (YYYY-MM-DD).' }) decidedOn!: string;
  @Field({ description: 'Who decided it.' }) decidedBy!: string;
  @Field(() => String, { nullable: true, description: '留党察看: the day it ends.' }) until!: string | null;
  @Field(() => String, { description: 'A note.', nullable: true }) note!: string | null;
}

@ObjectType('MemberCare', { description: '党内关爱: a visit, or help given.' })
export class MemberCareType {
  @Field(() => CareKind, { description: 'What kind of care.' }) kind!: CareKind;
  @Field({ description: 'When (YYYY-MM-DD).' }) happenedOn!: string;
  @Field({ description: 'Who gave it.' }) by!: string;
  @Field(() => Int, { description: 'Money given, in fen, if any.', nullable: true }) amountFen!: number | null;
  @Field(() => String, { description: 'A note.', nullable: true }) note!: string | null;
  @Field(() => GraphQLISODateTime, { description: 'When it was recorded.' }) recordedAt!: Date;
}

@InputType({ description: 'An award or a disciplinary measure recorded for a member.' })
export class MemberAwardInput {
  @Field(() => ID) memberId!: string;
  @Field(() => AwardKind, { description: 'An award or a disciplinary measure.' }) kind!: AwardKind;
  @Field(() => Discipline, { description: 'For a disciplinary measure: which.', nullable: true }) discipline?: Discipline | null;
  @Field({ description: 'The award or the measure’s name.' }) title!: string;
  @Field({ description: 'YYYY-MM-DD.' }) decidedOn!: string;
  @Field({ description: '决定机关.' }) decidedBy!: string;
  @Field(() => String, { nullable: true, description: '留党察看 only: YYYY-MM-DD, at most two years on.' }) until?: string | null;
  @Field(() => String, { description: 'A note.', nullable: true }) note?: string | null;
}

@InputType({ description: 'Care given to a member (慰问, 帮扶), as recorded.' })
export class MemberCareInput {
  @Field(() => ID) memberId!: string;
  @Field(() => CareKind, { description: 'What kind of care.' }) kind!: CareKind;
  @Field({ description: 'YYYY-MM-DD.' }) happenedOn!: string;
  @Field({ description: 'Who went or helped.' }) by!: string;
  @Field(() => String, { nullable: true, description: 'Yuan given, if any.' }) amount?: string | null;
  @Field(() => String, { description: 'A note.', nullable: true }) note?: string | null;
}

@ObjectType()
export class MemberHistoryPayload {
  @Field(() => MemberType, { nullable: true }) member?: object;
  @Field(() => [UserError]) userErrors!: UserError[];
}
