import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { UserError } from '../../core/graphql/payload.js';
import { MemberType } from '../members/member.types.js';
import { DuesChannel, DuesItemStatus, DuesMonthStatus } from './dues.entity.js';
import { DuesBaseKind } from './rate.js';
import { DuesFlag } from './standing.js';

registerEnumType(DuesBaseKind, {
  name: 'DuesBaseKind',
  description: 'WAGE 在职工资, ANNUAL_SALARY 年薪, SELF_EMPLOYED 个体收入, PENSION 养老金, FARMER 农民党员 (0.2–1 yuan), FIXED_MINIMUM 学生/失业/低保 (0.2 yuan).',
  valuesConfig: {
    WAGE: { description: '在职：税后月工资（含基本工资、岗位工资、奖金）' },
    ANNUAL_SALARY: { description: '年薪制：当月所得' },
    SELF_EMPLOYED: { description: '个体：上季度月平均纯收入' },
    PENSION: { description: '离退休：养老金' },
    FARMER: { description: '农民党员：每月 0.2–1 元' },
    FIXED_MINIMUM: { description: '学生、失业、领取救济或低保：每月 0.2 元' },
  },
});
registerEnumType(DuesItemStatus, {
  name: 'DuesItemStatus',
  description: 'Where a member’s dues for a month stand.',
  valuesConfig: {
    UNPAID: { description: 'Owed.' },
    PAID: { description: 'Paid (by the member, in cash or by proxy).' },
    EXEMPT: { description: 'Waived by the branch’s decision.' },
  },
});
registerEnumType(DuesMonthStatus, {
  name: 'DuesMonthStatus',
  description: 'Whether a branch’s month of dues is still being collected.',
  valuesConfig: {
    OPEN: { description: 'Being collected.' },
    SETTLED: { description: 'Closed by the branch: its items no longer change.' },
  },
});
registerEnumType(DuesChannel, {
  name: 'DuesChannel',
  description: 'ONLINE (the member), CASH or PROXY 代缴 (recorded by the branch’s admins).',
  valuesConfig: {
    ONLINE: { description: 'Paid by the member.' },
    CASH: { description: 'Paid in cash, recorded by the branch’s admins.' },
    PROXY: { description: '代缴: paid by someone else for the member, recorded by the branch’s admins.' },
  },
});
registerEnumType(DuesFlag, {
  name: 'DuesFlag',
  description: 'ARREARS at the enterprise’s threshold (LOCAL, 3 months by default); BRANCH_DECISION at 6 months in a row — for the branch to decide, never a status change.',
  valuesConfig: {
    NONE: { description: 'Nothing owed beyond the allowance.' },
    ARREARS: { description: 'Unpaid for as many months as the enterprise’s threshold (LOCAL, 3 by default).' },
    BRANCH_DECISION: { description: 'Unpaid 6 months in a row: for the branch to decide (never a status change by itself).' },
  },
});

@ObjectType('DuesItem', { description: 'What a member owes for a month, and whether it is paid. Money in fen.' })
export class DuesItemType {
  @Field(() => ID) id!: string;
  @Field({ description: 'YYYY-MM.' }) period!: string;
  @Field(() => DuesBaseKind, { description: 'How the dues were computed.' }) baseKind!: DuesBaseKind;
  @Field(() => Int, { nullable: true, description: 'The base (a wage or pension) — only for the member and the admins who keep the record.' }) baseFen!: number | null;
  @Field(() => String, { nullable: true, description: 'The rate applied, e.g. "1.5%"; null for the fixed classes.' }) rate!: string | null;
  @Field(() => Int, { description: 'What is owed, in fen.' }) dueFen!: number;
  @Field(() => Int, { description: 'What the branch waived, in fen.' }) reductionFen!: number;
  @Field(() => String, { description: 'Why it was reduced.', nullable: true }) reductionReason!: string | null;
  @Field(() => Int, { description: 'Due less reduction.' }) owedFen!: number;
  @Field(() => DuesItemStatus, { description: 'Owed, paid or waived.' }) status!: DuesItemStatus;
  @Field(() => Int, { description: 'What was paid, in fen.' }) paidFen!: number;
  @Field(() => GraphQLISODateTime, { description: 'When it was paid.', nullable: true }) paidAt!: Date | null;
  @Field(() => MemberType, { description: 'The member.', nullable: true }) member?: object | null;
}

@ObjectType('DuesStanding', { description: 'A member’s dues standing: paid up to which month, months unpaid, and the flag it raises.' })
export class DuesStandingType {
  @Field(() => String, { nullable: true, description: 'YYYY-MM: every month up to it is paid or waived (the transfer letter’s 党费交至).' }) paidUpTo!: string | null;
  @Field(() => Int, { description: 'Unpaid months in a row, the current month not counted.' }) unpaidMonths!: number;
  @Field(() => DuesFlag, { description: 'What the standing raises for the branch.' }) flag!: DuesFlag;
}

@ObjectType('DuesMonth', { description: 'A branch’s dues for one month.' })
export class DuesMonthType {
  @Field(() => ID) id!: string;
  @Field({ description: 'The month (YYYY-MM).' }) month!: string;
  @Field(() => DuesMonthStatus, { description: 'Being collected, or closed.' }) status!: DuesMonthStatus;
  @Field(() => GraphQLISODateTime, { description: 'When collection opened.' }) openedAt!: Date;
  @Field(() => GraphQLISODateTime, { description: 'When the branch closed it.', nullable: true }) settledAt!: Date | null;
}

@ObjectType('DuesTotals', { description: 'A month’s dues over a branch: members, amounts owed and paid (in fen), and how many are unpaid.' })
export class DuesTotalsType {
  @Field(() => Int, { description: 'Members in the month.' }) members!: number;
  @Field(() => Int, { description: 'What is owed in all, in fen.' }) owedFen!: number;
  @Field(() => Int, { description: 'What was paid in all, in fen.' }) paidFen!: number;
  @Field(() => Int, { description: 'Members who have not paid.' }) unpaid!: number;
}

@InputType({ description: 'A member’s dues base (党费基数) for a year: the income it is computed from, or a fixed class.' })
export class DuesBaseInput {
  @Field(() => ID) memberId!: string;
  @Field(() => DuesBaseKind, { description: 'How the dues are computed: from income, or a fixed class.' }) kind!: DuesBaseKind;
  @Field({ description: 'Yuan, e.g. "6850.00" (for FARMER the monthly amount; for FIXED_MINIMUM "0").' }) amount!: string;
  @Field({ description: 'YYYY-MM: the month the base applies from.' }) fromMonth!: string;
}

@InputType({ description: 'Opening a month’s dues collection for a branch.' })
export class DuesMonthOpenInput {
  @Field(() => ID, { description: 'A branch.' }) organizationId!: string;
  @Field({ description: 'YYYY-MM.' }) month!: string;
}

@InputType({ description: 'A payment recorded for a member’s month of dues.' })
export class DuesPayInput {
  @Field(() => ID, { description: 'The member’s item of the month.' }) itemId!: string;
  @Field({ description: 'Yuan; at least what is owed (more is a voluntary extra).' }) amount!: string;
  @Field(() => DuesChannel, { description: 'How it was paid.' }) channel!: DuesChannel;
  @Field({ description: 'The client’s key for this payment (a UUID): a retry with it counts once.' }) idempotencyKey!: string;
  @Field(() => String, { nullable: true, description: 'For PROXY: who paid.' }) proxyName?: string | null;
}

@InputType({ description: 'A reduction or waiver of a member’s dues decided by the branch, with the reason.' })
export class DuesReduceInput {
  @Field(() => ID, { description: 'The member’s item of the month.' }) itemId!: string;
  @Field({ description: 'Yuan to waive; the whole amount exempts the month.' }) amount!: string;
  @Field({ description: 'Why, as the branch decided.' }) reason!: string;
}

@ObjectType()
export class DuesBasePayload {
  @Field(() => MemberType, { nullable: true }) member?: object;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType()
export class DuesMonthPayload {
  @Field(() => DuesMonthType, { nullable: true }) duesMonth?: object;
  @Field(() => [MemberType], { description: 'Members on the roll without a base for the month: set one, they are itemised when you open the next month.' }) missingBase?: object[];
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType()
export class DuesItemPayload {
  @Field(() => DuesItemType, { nullable: true }) item?: object;
  @Field(() => [UserError]) userErrors!: UserError[];
}
