import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../core/graphql/node.js';
import { UserError } from '../../core/graphql/payload.js';
import { connectionType } from '../../core/graphql/relay.js';
import { AppraisalStage, Grade } from './stages.js';

registerEnumType(AppraisalStage, {
  name: 'AppraisalStage',
  description: '民主评议: SELF (个人自评) → PEER (互评) → BALLOT (anonymous 民主测评) → COMMITTEE_PROPOSAL → ASSEMBLY (大会评定) → PUBLISHED.',
  valuesConfig: {
    SELF: { description: '个人自评' },
    PEER: { description: '党员互评' },
    BALLOT: { description: '民主测评 (anonymous)' },
    COMMITTEE_PROPOSAL: { description: '支委会提出评定意见' },
    ASSEMBLY: { description: '支部党员大会评定' },
    PUBLISHED: { description: '向党员公布' },
  },
});
registerEnumType(Grade, {
  name: 'AppraisalGrade',
  description: '优秀 (EXCELLENT, at most one third), 合格, 基本合格, 不合格 (with its follow-up).',
  valuesConfig: {
    EXCELLENT: { description: '优秀: at most one third of those appraised.' },
    QUALIFIED: { description: '合格.' },
    BASIC: { description: '基本合格: with a talk and a rectification plan.' },
    UNQUALIFIED: { description: '不合格: with its follow-up (限期改正 or 劝退/除名 as the branch decides).' },
  },
});

@ObjectType('AppraisalTally', { description: 'The anonymous ballots on one member, counted (for the committee once the ballot closes).' })
export class AppraisalTallyType {
  @Field(() => Int, { description: 'Votes for 优秀.' }) excellent!: number;
  @Field(() => Int, { description: 'Votes for 合格.' }) qualified!: number;
  @Field(() => Int, { description: 'Votes for 基本合格.' }) basic!: number;
  @Field(() => Int, { description: 'Votes for 不合格.' }) unqualified!: number;
}

@ObjectType('AppraisalComment', { description: '互评: a signed comment of a peer.' })
export class AppraisalCommentType {
  @Field({ description: 'Who said it.' }) byName!: string;
  @Field({ description: 'What was said.' }) body!: string;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
}

@ObjectType('AppraisalSubject', { description: 'A member appraised in a round. Grades show to the branch’s admins, and to members once published.' })
export class AppraisalSubjectType {
  @Field(() => ID, { description: 'The member (global id).' }) memberId!: string;
  @Field({ description: 'The member appraised.' }) name!: string;
  @Field({ description: 'Whether this is you.' }) isYou!: boolean;
  @Field(() => String, { description: 'The member’s self-assessment (自评).', nullable: true }) selfAssessment!: string | null;
  @Field(() => [AppraisalCommentType], { description: 'Peers’ comments (互评).' }) comments!: AppraisalCommentType[];
  @Field(() => AppraisalTallyType, { description: 'The ballot’s count, once counted.', nullable: true }) tally!: AppraisalTallyType | null;
  @Field(() => Grade, { nullable: true, description: '支委会 proposal (admins).' }) proposedGrade!: Grade | null;
  @Field(() => String, { description: 'The committee’s note with its proposed grade.', nullable: true }) proposalNote!: string | null;
  @Field(() => Grade, { description: 'The grade the branch decided; null until then.', nullable: true }) grade!: Grade | null;
  @Field(() => String, { nullable: true, description: 'For 不合格: the follow-up (admins, and the member).' }) followUp!: string | null;
}

@ObjectType('AppraisalRound', { implements: Node, description: 'One branch’s 民主评议党员 for a year.' })
export class AppraisalRoundNode extends Node {
  @Field(() => Int, { description: 'The year appraised.' }) year!: number;
  @Field(() => AppraisalStage, { description: 'Where the round stands.' }) stage!: AppraisalStage;
  @Field(() => GraphQLISODateTime, { description: 'When the results were published to the branch.', nullable: true }) publishedAt!: Date | null;
}
export const AppraisalRoundConnection = connectionType('AppraisalRound', AppraisalRoundNode);

@InputType({ description: 'A grade for one member: on a ballot, in the proposal, or in the decision (the note is the proposal’s reason or, for 不合格, the follow-up).' })
export class AppraisalGradeInput {
  @Field(() => ID) memberId!: string;
  @Field(() => Grade, { description: 'The grade proposed or decided.' }) grade!: Grade;
  @Field(() => String, { description: 'Why, where the grade needs a reason.', nullable: true }) note?: string | null;
}

@ObjectType()
export class AppraisalPayload {
  @Field(() => AppraisalRoundNode, { nullable: true }) round?: object;
  @Field(() => [UserError]) userErrors!: UserError[];
}
