import { Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../core/graphql/node.js';
import { UserError } from '../../core/graphql/payload.js';
import { connectionType } from '../../core/graphql/relay.js';
import { AttemptKind, AttemptStatus, Difficulty, Dimension, ExamStatus, QuestionType } from './question-types.js';

registerEnumType(QuestionType, {
  name: 'QuestionType',
  description: 'SINGLE (单选), MULTIPLE (多选), TRUE_FALSE (判断), FILL (填空: one or several accepted answers).',
  valuesConfig: {
    SINGLE: { description: '单选.' },
    MULTIPLE: { description: '多选: all correct options, no wrong one.' },
    TRUE_FALSE: { description: '判断.' },
    FILL: { description: '填空: one or several accepted answers.' },
  },
});
registerEnumType(Dimension, {
  name: 'LearningDimension',
  description: '学习地图 dimensions: POLITICAL (政治素养), PROFESSIONAL (业务水平), ETHICS (职业道德).',
  valuesConfig: {
    POLITICAL: { description: '政治素养.' },
    PROFESSIONAL: { description: '业务水平.' },
    ETHICS: { description: '职业道德.' },
  },
});
registerEnumType(Difficulty, {
  name: 'QuestionDifficulty',
  description: 'EASY, MEDIUM, HARD.',
  valuesConfig: {
    EASY: { description: 'Easy.' },
    MEDIUM: { description: 'Medium.' },
    HARD: { description: 'Hard.' },
  },
});
registerEnumType(ExamStatus, {
  name: 'ExamStatus',
  description: 'DRAFT → PUBLISHED (its window opens and closes it), or WITHDRAWN.',
  valuesConfig: {
    DRAFT: { description: 'Being prepared.' },
    PUBLISHED: { description: 'Open to its members in its window.' },
    WITHDRAWN: { description: 'Taken back; papers already handed in are kept.' },
  },
});
registerEnumType(AttemptStatus, {
  name: 'AttemptStatus',
  description: 'STARTED → SUBMITTED (graded at once), or EXPIRED (handed in by the server at the deadline).',
  valuesConfig: {
    STARTED: { description: 'Being answered.' },
    SUBMITTED: { description: 'Handed in and graded.' },
    EXPIRED: { description: 'Handed in by the server at the deadline, and graded.' },
  },
});
registerEnumType(AttemptKind, {
  name: 'AttemptKind',
  description: 'EXAM, or PRACTICE (每日答题, 错题本).',
  valuesConfig: {
    EXAM: { description: 'A paper of a published exam, in its window.' },
    PRACTICE: { description: 'Practice (每日答题, 错题本): graded, never counted as an exam.' },
  },
});

@ObjectType('Question', { implements: Node, description: 'A question of the bank, for those who keep it (with its key).' })
export class QuestionNode extends Node {
  @Field(() => QuestionType, { description: 'The kind of question.' }) type!: QuestionType;
  @Field({ description: 'The question.' }) stem!: string;
  @Field(() => [String], { description: 'The choices.' }) options!: string[];
  @Field(() => [String], { description: 'The key: letters, TRUE/FALSE, or the accepted answers.' }) answer!: string[];
  @Field(() => Dimension, { description: 'Its 学习地图 dimension.' }) dimension!: Dimension;
  @Field({ description: '考点' }) topic!: string;
  @Field(() => Difficulty, { description: 'How hard it is.' }) difficulty!: Difficulty;
  @Field(() => String, { description: 'Why the answer is right (shown after grading).', nullable: true }) explanation!: string | null;
  @Field(() => String, { description: 'Where it comes from (a document, a chapter).', nullable: true }) source!: string | null;
  @Field({ description: 'Whether papers may draw it.' }) active!: boolean;
  @Field({ description: 'Partner enterprises draw it into their exams too.' }) sharedWithPartners!: boolean;
}
export const QuestionConnection = connectionType('Question', QuestionNode);

@InputType({ description: 'A question for the bank.' })
export class QuestionInput {
  @Field(() => ID) organizationId!: string;
  @Field(() => QuestionType, { description: 'The kind of question.' }) type!: QuestionType;
  @Field({ description: 'The question.' }) stem!: string;
  @Field(() => [String], { description: 'The choices (for SINGLE and MULTIPLE).', nullable: true }) options?: string[] | null;
  @Field(() => [String], { description: 'Letters (A, B …), TRUE or FALSE, or the accepted answers of a fill-in.' }) answer!: string[];
  @Field(() => Dimension, { description: 'Its 学习地图 dimension.' }) dimension!: Dimension;
  @Field({ description: '考点' }) topic!: string;
  @Field(() => Difficulty, { description: 'How hard it is (default MEDIUM).', nullable: true }) difficulty?: Difficulty | null;
  @Field(() => String, { description: 'Why the answer is right.', nullable: true }) explanation?: string | null;
  @Field(() => String, { description: 'Where it comes from.', nullable: true }) source?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Share with partner enterprises (an active 共建 partnership): they draw it too.' }) sharedWithPartners?: boolean | null;
}

@InputType('DrawRuleInput', { description: 'So many questions of a type (and a dimension), so many points each.' })
export class DrawRuleInput {
  @Field(() => QuestionType, { description: 'The kind of question.' }) type!: QuestionType;
  @Field(() => Dimension, { description: 'Only questions of this 学习地图 dimension; any when omitted.', nullable: true }) dimension?: Dimension | null;
  @Field(() => Int, { description: 'How many questions to draw.' }) count!: number;
  @Field(() => Int, { description: 'Points per question.' }) points!: number;
}

@ObjectType('DrawRule', { description: 'How many questions of a type (and, optionally, a 学习地图 dimension) a paper draws from the bank, and their points.' })
export class DrawRuleType {
  @Field(() => QuestionType, { description: 'The kind of question.' }) type!: QuestionType;
  @Field(() => Dimension, { description: 'Only questions of this 学习地图 dimension; any when null.', nullable: true }) dimension!: Dimension | null;
  @Field(() => Int, { description: 'How many questions to draw.' }) count!: number;
  @Field(() => Int, { description: 'Points per question.' }) points!: number;
}

@InputType({ description: 'An exam over the enterprise’s bank.' })
export class ExamInput {
  @Field(() => ID) organizationId!: string;
  @Field({ description: 'The exam’s title.' }) title!: string;
  @Field(() => [DrawRuleInput], { description: 'How each paper is drawn from the bank.' }) rules!: DrawRuleInput[];
  @Field(() => Int, { description: 'Minutes for one paper.' }) durationMinutes!: number;
  @Field(() => Int, { description: 'Out of 100.' }) passMark!: number;
  @Field(() => Int, { description: 'How many papers a member may take (default 1).', nullable: true }) maxAttempts?: number | null;
  @Field(() => GraphQLISODateTime, { description: 'When its window opens.' }) opensAt!: Date;
  @Field(() => GraphQLISODateTime, { description: 'When its window closes.' }) closesAt!: Date;
  @Field(() => [ID], { nullable: true, description: 'Default: the whole of the exam’s organisation.' }) eligibleOrganizationIds?: string[] | null;
}

@ObjectType('Exam', { implements: Node, description: 'An exam: its rule, time limit, pass mark and window. Read by its organisation’s admins and reviewers, and — published — by the members it is open to.' })
export class ExamNode extends Node {
  @Field({ description: 'The exam’s title.' }) title!: string;
  @Field(() => [DrawRuleType], { description: 'How each paper is drawn from the bank.' }) rules!: DrawRuleType[];
  @Field(() => Int, { description: 'Minutes for one paper.' }) durationMinutes!: number;
  @Field(() => Int, { description: 'The score that passes.' }) passMark!: number;
  @Field(() => Int, { description: 'How many papers a member may take.' }) maxAttempts!: number;
  @Field(() => GraphQLISODateTime, { description: 'When its window opens.' }) opensAt!: Date;
  @Field(() => GraphQLISODateTime, { description: 'When its window closes.' }) closesAt!: Date;
  @Field(() => ExamStatus, { description: 'Draft, published or withdrawn.' }) status!: ExamStatus;
}
export const ExamConnection = connectionType('Exam', ExamNode);

@ObjectType('AttemptItem', { description: 'A question of a paper. Its key and explanation appear only once the paper is handed in.' })
export class AttemptItemType {
  @Field(() => Int, { description: 'Its place in the paper.' }) position!: number;
  @Field(() => QuestionType, { description: 'The kind of question.' }) type!: QuestionType;
  @Field({ description: 'The question.' }) stem!: string;
  @Field(() => [String], { description: 'The choices, in the order shown.' }) options!: string[];
  @Field(() => Int, { description: 'What a right answer scores.' }) points!: number;
  @Field(() => [String], { nullable: true, description: 'The answer given.' }) answer!: string[] | null;
  @Field(() => Boolean, { description: 'Whether the answer was right; null until graded.', nullable: true }) correct!: boolean | null;
  @Field(() => [String], { nullable: true, description: 'After hand-in only.' }) correctAnswer!: string[] | null;
  @Field(() => String, { nullable: true, description: 'After hand-in only.' }) explanation!: string | null;
  @Field(() => Dimension, { description: 'The 学习地图 dimension of the question.' }) dimension!: Dimension;
  @Field({ description: '考点' }) topic!: string;
}

@ObjectType('ScoreShare', { description: 'Points earned of points possible, for a dimension or a 考点.' })
export class ScoreShareType {
  @Field({ description: 'Stable key of the part.' }) key!: string;
  @Field({ description: 'Its name.' }) label!: string;
  @Field(() => Int, { description: 'Points earned.' }) earned!: number;
  @Field(() => Int, { description: 'Points it can give.' }) points!: number;
}

@ObjectType('Attempt', { implements: Node, description: 'One sitting of an exam, or a practice. Read by its member and the readers of the exam’s organisation.' })
export class AttemptNode extends Node {
  @Field(() => AttemptKind, { description: 'An exam paper or practice.' }) kind!: AttemptKind;
  @Field(() => AttemptStatus, { description: 'Being answered, handed in, or handed in by the server.' }) status!: AttemptStatus;
  @Field(() => GraphQLISODateTime, { description: 'When it was started.' }) startedAt!: Date;
  @Field(() => GraphQLISODateTime, { description: 'By server time.' }) deadline!: Date;
  @Field(() => GraphQLISODateTime, { description: 'When it was handed in.', nullable: true }) submittedAt!: Date | null;
  @Field(() => Boolean, { description: 'Whether it reached the pass mark; null until graded.', nullable: true }) passed!: boolean | null;
}
export const AttemptConnection = connectionType('Attempt', AttemptNode);

@ObjectType('ExamBand', { description: 'How many papers scored within a band of marks.' })
export class ExamBandType {
  @Field({ description: 'The band of scores, e.g. 80–89.' }) band!: string;
  @Field(() => Int, { description: 'Papers in it.' }) count!: number;
}

@ObjectType('ExamHardQuestion', { description: 'A question of an exam that few answered correctly.' })
export class ExamHardQuestionType {
  @Field({ description: 'The question.' }) stem!: string;
  @Field({ description: 'Its topic in the bank.' }) topic!: string;
  @Field(() => Int, { description: 'How often it was answered.' }) answered!: number;
  @Field(() => Float, { description: 'Per cent.' }) correctRate!: number;
}

@ObjectType('ExamBranch', { description: 'An exam’s results for one branch: papers, average and pass rate.' })
export class ExamBranchType {
  @Field(() => ID) organizationId!: string;
  @Field({ description: 'The branch.' }) name!: string;
  @Field(() => Int, { description: 'Papers handed in.' }) attempts!: number;
  @Field(() => Float, { description: 'The average score.' }) average!: number;
  @Field(() => Float, { description: 'Per cent.' }) passRate!: number;
}

@ObjectType('ExamReport', { description: 'An exam in figures, for its organisation’s admins and reviewers.' })
export class ExamReportType {
  @Field(() => Int, { description: 'Members it is open to.' }) eligible!: number;
  @Field(() => Int, { description: 'Members who sat it.' }) sat!: number;
  @Field(() => Int, { description: 'Papers handed in.' }) attempts!: number;
  @Field(() => Float, { description: 'The average score; null without papers.', nullable: true }) average!: number | null;
  @Field(() => Float, { nullable: true, description: 'Per cent of attempts.' }) passRate!: number | null;
  @Field(() => [ExamBandType], { description: 'Papers by band of scores.' }) distribution!: ExamBandType[];
  @Field(() => [ExamHardQuestionType], { description: 'The five answered worst.' }) hardest!: ExamHardQuestionType[];
  @Field(() => [ExamBranchType], { description: 'Results by branch.' }) branches!: ExamBranchType[];
}

@ObjectType('WrongQuestion', { description: 'A question of one’s 错题本, with its key and explanation.' })
export class WrongQuestionType {
  @Field(() => QuestionType, { description: 'The kind of question.' }) type!: QuestionType;
  @Field({ description: 'The question.' }) stem!: string;
  @Field(() => [String], { description: 'The choices.' }) options!: string[];
  @Field(() => [String], { description: 'The right answer.' }) correctAnswer!: string[];
  @Field(() => String, { description: 'Why it is right.', nullable: true }) explanation!: string | null;
  @Field({ description: 'Its topic.' }) topic!: string;
}

@ObjectType()
export class QuestionPayload {
  @Field(() => QuestionNode, { nullable: true }) question?: object;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType()
export class ExamPayload {
  @Field(() => ExamNode, { nullable: true }) exam?: object;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType()
export class AttemptPayload {
  @Field(() => AttemptNode, { nullable: true }) attempt?: object;
  @Field(() => [UserError]) userErrors!: UserError[];
}
