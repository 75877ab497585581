/** Assessment in GraphQL: schemes, indicators, scorecards, diagnoses and improvement actions. */
import { Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../core/graphql/node.js';
import { UserError } from '../../core/graphql/payload.js';
import { connectionType } from '../../core/graphql/relay.js';
import { RecordFileType } from '../media/attachments.js';
import { OrganizationType } from '../organizations/organization.types.js';
import { DiagnosisKind, IndicatorMeasure, PdcaStage, SchemeStatus } from './assessment.entity.js';
import { PeriodKind } from './periods.js';
import { ScoreLevel } from './scoring.js';

registerEnumType(SchemeStatus, {
  name: 'AssessmentSchemeStatus',
  description: 'ACTIVE while the period runs (scorecards live); CLOSED once the final diagnosis froze it.',
  valuesConfig: {
    ACTIVE: { description: 'The period runs: scorecards are live.' },
    CLOSED: { description: 'The final diagnosis froze the scores; later data changes do not alter them.' },
  },
});
registerEnumType(IndicatorMeasure, {
  name: 'IndicatorMeasure',
  description: 'METRIC: computed from the platform’s data; EVIDENCE: submitted by the assessed and scored 0–100 by the assessors.',
  valuesConfig: {
    METRIC: { description: 'Computed from the platform’s data.' },
    EVIDENCE: { description: 'Submitted by the assessed organisation and scored 0–100 by the assessors.' },
  },
});
registerEnumType(DiagnosisKind, {
  name: 'DiagnosisKind',
  description: 'SCHEDULED on a set date, MANUAL on demand, FINAL at the close (frozen).',
  valuesConfig: {
    SCHEDULED: { description: 'On a date set in the scheme.' },
    MANUAL: { description: 'On demand, by the assessors.' },
    FINAL: { description: 'At the close: the frozen scores.' },
  },
});
registerEnumType(PdcaStage, {
  name: 'PdcaStage',
  description: 'An improvement action’s stage: PLAN → DO → CHECK → ACT → CLOSED.',
  valuesConfig: {
    PLAN: { description: 'Plan: the action is set, with an owner and a due date.' },
    DO: { description: 'Do: under way.' },
    CHECK: { description: 'Check: the next period’s diagnosis looks at the indicator again.' },
    ACT: { description: 'Act: the result is acted on (standardised, or a new cycle).' },
    CLOSED: { description: 'Closed, with its result.' },
  },
});
registerEnumType(PeriodKind, {
  name: 'AssessmentPeriodKind',
  description: 'A YEAR, a HALF or a QUARTER.',
  valuesConfig: {
    YEAR: { description: 'A calendar year.' },
    HALF: { description: 'A half-year: January–June or July–December.' },
    QUARTER: { description: 'A calendar quarter.' },
  },
});
registerEnumType(ScoreLevel, {
  name: 'ScoreLevel',
  description:
    'STRETCH: the stretch target (挑战) reached (100 points); MUST: the must-reach target (必达) reached (60–100); MISSED: below it (under 60, opens an improvement action); NO_DATA: nothing to measure in the span; NO_SOURCE: no module measures it here; NOT_SCORED: evidence awaits the assessors.',
  valuesConfig: {
    STRETCH: { description: '挑战目标达成' },
    MUST: { description: '必达目标达成' },
    MISSED: { description: '必达目标未达成' },
    NO_DATA: { description: 'Nothing to measure in the span (e.g. no transfer letter issued)' },
    NO_SOURCE: { description: 'No installed module measures it.' },
    NOT_SCORED: { description: 'Evidence submitted, not yet scored by the assessors.' },
  },
});

@ObjectType('AssessmentMetric', { description: 'A figure a module of the platform measures over an organisation’s subtree and a period.' })
export class AssessmentMetricType {
  @Field({ description: 'Stable, `<module>.<metric>`.' }) key!: string;
  @Field({ description: 'Its name in the workspace.' }) label!: string;
  @Field({ description: 'PERCENT, HOURS, COUNT or DAYS.' }) unit!: string;
  @Field({ description: 'How it is measured.' }) definition!: string;
  @Field({ description: 'False where less is better.' }) higherIsBetter!: boolean;
}

@ObjectType('AssessmentIndicator', { description: 'An indicator of a scheme (考核指标): its weight, how it is measured, and its 必达 and 挑战 targets.' })
export class AssessmentIndicatorType {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: 'Its place in the scheme.' }) position!: number;
  @Field({ description: 'The indicator’s name.' }) name!: string;
  @Field({ description: 'What it measures and how, in the scheme’s words.' }) description!: string;
  @Field(() => Int, { description: 'Its weight in the total (weights add up to 100).' }) weight!: number;
  @Field(() => IndicatorMeasure, { description: 'Computed from the platform’s data, or evidence scored by assessors.' }) measure!: IndicatorMeasure;
  @Field(() => String, { description: 'For a METRIC indicator: the metric (see `assessmentMetrics`).', nullable: true }) metricKey!: string | null;
  @Field(() => AssessmentMetricType, { nullable: true, description: 'The metric, or null where no installed module measures it (the scorecard says NO_SOURCE).' }) metric!: AssessmentMetricType | null;
  @Field(() => Float, { description: '必达目标.' }) mustReach!: number;
  @Field(() => Float, { description: '挑战目标.' }) stretch!: number;
}

@ObjectType('AssessmentEvidence', { description: 'Evidence (佐证材料) submitted for an indicator, and its score.' })
export class AssessmentEvidenceType {
  @Field(() => ID) id!: string;
  @Field({ description: 'Sanitised HTML.' }) body!: string;
  @Field(() => [RecordFileType], { description: 'The files submitted.' }) files!: RecordFileType[];
  @Field(() => GraphQLISODateTime, { description: 'When it was submitted.' }) submittedAt!: Date;
  @Field(() => Float, { description: 'The assessors’ score, 0–100; null until scored.', nullable: true }) score!: number | null;
  @Field(() => String, { description: 'The assessors’ note with the score.', nullable: true }) scoreNote!: string | null;
  @Field(() => GraphQLISODateTime, { description: 'When it was scored.', nullable: true }) scoredAt!: Date | null;
}

@ObjectType('ScorecardRow', { description: 'One indicator on a scorecard: the value measured (or the evidence score), its score and level.' })
export class ScorecardRowType {
  @Field(() => AssessmentIndicatorType, { description: 'The indicator.' }) indicator!: AssessmentIndicatorType;
  @Field(() => Float, { description: 'The measured value; null without data.', nullable: true }) value!: number | null;
  @Field(() => Float, { nullable: true, description: '0–100.' }) score!: number | null;
  @Field(() => ScoreLevel, { description: 'Stretch reached, must-reach reached, missed, or no data.' }) level!: ScoreLevel;
  @Field(() => AssessmentEvidenceType, { description: 'For an EVIDENCE indicator: what was submitted, and its score.', nullable: true }) evidence!: AssessmentEvidenceType | null;
}

@ObjectType('ImprovementAction', { implements: Node, description: 'An improvement action (整改措施) for a missed must-reach target, run as a PDCA cycle.' })
export class ImprovementActionType extends Node {
  @Field(() => OrganizationType, { description: 'The organisation that owns it.', nullable: true }) organization!: unknown;
  @Field({ description: 'The scheme whose diagnosis opened it.' }) schemeName!: string;
  @Field({ description: 'That scheme’s period.' }) schemePeriod!: string;
  @Field({ description: 'The must-reach target missed.' }) indicatorName!: string;
  @Field({ description: 'What the diagnosis found missed.' }) problem!: string;
  @Field(() => PdcaStage, { description: 'Its PDCA stage.' }) stage!: PdcaStage;
  @Field(() => String, { description: 'The plan (PLAN).', nullable: true }) plan!: string | null;
  @Field(() => String, { nullable: true, description: 'Who answers for it.' }) owner!: string | null;
  @Field(() => String, { description: 'When it is due (YYYY-MM-DD).', nullable: true }) dueOn!: string | null;
  @Field(() => String, { description: 'What was done (DO).', nullable: true }) done!: string | null;
  @Field(() => Float, { nullable: true, description: 'The value the next period’s diagnosis measured.' }) checkValue!: number | null;
  @Field(() => Boolean, { nullable: true, description: 'Whether it now reaches the must-reach target.' }) checkMet!: boolean | null;
  @Field(() => String, { nullable: true, description: 'The period whose diagnosis checked it.' }) checkedInPeriod!: string | null;
  @Field(() => String, { description: 'Its result (CHECK, ACT).', nullable: true }) result!: string | null;
  @Field({ description: 'Past its due date and not closed.' }) overdue!: boolean;
  @Field(() => GraphQLISODateTime, { description: 'When the diagnosis opened it.' }) openedAt!: Date;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
  @Field(() => GraphQLISODateTime, { description: 'When it was closed.', nullable: true }) closedAt!: Date | null;
}

@ObjectType('Scorecard', { description: 'An assessed organisation’s scorecard: live while the period runs, frozen once it is closed.' })
export class ScorecardType {
  @Field(() => OrganizationType, { description: 'The organisation assessed.', nullable: true }) organization!: unknown;
  @Field(() => ID, { description: 'The organisation’s id (also when the caller cannot read the organisation itself).' }) organizationId!: string;
  @Field({ description: 'Its name.' }) organizationName!: string;
  @Field(() => Float, { nullable: true, description: 'The weighted mean of the scored indicators.' }) total!: number | null;
  @Field(() => Int, { nullable: true, description: 'Place among the organisations assessed under the scheme.' }) rank!: number | null;
  @Field(() => Int, { description: 'How many organisations the scheme assesses.' }) peers!: number;
  @Field({ description: 'The day the figures speak for.' }) asOf!: string;
  @Field({ description: 'A closed period’s result, which later data changes do not alter.' }) frozen!: boolean;
  @Field(() => [ScorecardRowType], { description: 'One row per indicator.' }) rows!: ScorecardRowType[];
  @Field(() => [ImprovementActionType], { description: 'Improvement actions opened for missed must-reach targets.' }) actions!: ImprovementActionType[];
  @Field({ description: 'Whether you may submit its evidence.' }) canSubmitEvidence!: boolean;
}

@ObjectType('AssessmentStanding', { description: 'An assessed organisation’s total and place in a diagnosis.' })
export class AssessmentStandingType {
  @Field(() => ID) organizationId!: string;
  @Field({ description: 'The organisation assessed.' }) organizationName!: string;
  @Field(() => Float, { description: 'Its weighted total score; null when no indicator has data.', nullable: true }) total!: number | null;
  @Field(() => Int, { description: 'Its place among its peers; null without a total.', nullable: true }) rank!: number | null;
  @Field(() => Int, { description: 'Missed must-reach targets.' }) missed!: number;
}

@ObjectType('AssessmentDiagnosis', { description: 'A diagnosis (诊断): the scorecards as found on a day, kept.' })
export class AssessmentDiagnosisType {
  @Field(() => ID) id!: string;
  @Field(() => DiagnosisKind, { description: 'Scheduled, manual or final.' }) kind!: DiagnosisKind;
  @Field({ description: 'The last day of data it covers (YYYY-MM-DD).' }) asOf!: string;
  @Field(() => GraphQLISODateTime, { description: 'When it was computed.' }) takenAt!: Date;
  @Field(() => [AssessmentStandingType], { description: 'Every assessed organisation for the owner’s readers; one’s own otherwise.' }) standings!: AssessmentStandingType[];
}

@ObjectType('AssessmentScheme', { implements: Node, description: 'An assessment scheme (考核方案) of an organisation for a period, assigned to organisations below it.' })
export class AssessmentSchemeNode extends Node {
  @Field({ description: 'The scheme’s name.' }) name!: string;
  @Field({ description: '2026, 2026-H2 or 2026-Q4.' }) period!: string;
  @Field(() => PeriodKind, { description: 'Year, half-year or quarter.' }) periodKind!: PeriodKind;
  @Field({ description: 'The period’s first day (YYYY-MM-DD).' }) startsOn!: string;
  @Field({ description: 'The period’s last day (YYYY-MM-DD).' }) endsOn!: string;
  @Field(() => [String], { description: 'The set dates of the diagnoses.' }) diagnosisDates!: string[];
  @Field(() => SchemeStatus, { description: 'Running, or closed and frozen.' }) status!: SchemeStatus;
  @Field(() => GraphQLISODateTime, { description: 'When the final diagnosis froze it; null while it runs.', nullable: true }) closedAt!: Date | null;
}
export const AssessmentSchemeConnection = connectionType('AssessmentScheme', AssessmentSchemeNode);

@InputType({ description: 'An indicator of a new scheme.' })
export class AssessmentIndicatorInput {
  @Field({ description: 'The indicator’s name.' }) name!: string;
  @Field(() => String, { description: 'What it measures and how.', nullable: true }) description?: string | null;
  @Field(() => Int, { description: '1–100; the total weighs by share.' }) weight!: number;
  @Field(() => IndicatorMeasure, { description: 'METRIC or EVIDENCE.' }) measure!: IndicatorMeasure;
  @Field(() => String, { nullable: true, description: 'For METRIC: a key from assessmentMetrics.' }) metricKey?: string | null;
  @Field(() => Float, { description: '必达目标 (for EVIDENCE, on the 0–100 score).' }) mustReach!: number;
  @Field(() => Float, { description: '挑战目标, beyond the must-reach one.' }) stretch!: number;
}

@InputType({ description: 'A scheme set up by an organisation’s admins for organisations below it.' })
export class AssessmentSchemeInput {
  @Field(() => ID) organizationId!: string;
  @Field({ description: 'The scheme’s name.' }) name!: string;
  @Field({ description: '2026, 2026-H2 or 2026-Q4.' }) period!: string;
  @Field(() => [String], { nullable: true, description: 'Days (YYYY-MM-DD) within the period on which a diagnosis is taken.' }) diagnosisDates?: string[] | null;
  @Field(() => [AssessmentIndicatorInput], { description: 'Its indicators (weights add up to 100).' }) indicators!: AssessmentIndicatorInput[];
  @Field(() => [ID], { description: 'The organisations assessed (below the owner).' }) assigneeIds!: string[];
}

@InputType({ description: 'Evidence for an evidence indicator, from the assessed organisation.' })
export class AssessmentEvidenceInput {
  @Field(() => ID, { description: 'The scheme.' }) schemeId!: string;
  @Field(() => ID) organizationId!: string;
  @Field(() => ID, { description: 'The evidence indicator it is for.' }) indicatorId!: string;
  @Field({ description: 'Rich text (sanitised).' }) body!: string;
  @Field(() => [ID], { nullable: true, description: 'Uploaded files.' }) fileIds?: string[] | null;
}

@InputType({ description: 'What changes on an improvement action; `stage` moves it one step forward.' })
export class ImprovementActionInput {
  @Field(() => PdcaStage, { description: 'The next PDCA stage.', nullable: true }) stage?: PdcaStage | null;
  @Field(() => String, { description: 'The plan.', nullable: true }) plan?: string | null;
  @Field(() => String, { description: 'Who is responsible.', nullable: true }) owner?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) dueOn?: string | null;
  @Field(() => String, { description: 'What was done.', nullable: true }) done?: string | null;
  @Field(() => String, { description: 'Its result.', nullable: true }) result?: string | null;
}

@ObjectType()
export class AssessmentSchemePayload {
  @Field(() => AssessmentSchemeNode, { nullable: true }) scheme?: object;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType()
export class AssessmentEvidencePayload {
  @Field(() => AssessmentEvidenceType, { nullable: true }) evidence?: AssessmentEvidenceType;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType()
export class AssessmentDiagnosisPayload {
  @Field(() => AssessmentDiagnosisType, { nullable: true }) diagnosis?: AssessmentDiagnosisType;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType()
export class ImprovementActionPayload {
  @Field(() => ImprovementActionType, { nullable: true }) action?: ImprovementActionType;
  @Field(() => [UserError]) userErrors!: UserError[];
}
