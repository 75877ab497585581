import { Collection, type Opt, type Ref } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToOne, OneToMany, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { User } from '../identity/user.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { PeriodKind } from './periods.js';
import { ScoreLevel } from './scoring.js';

/** ACTIVE (assigned; the period runs, scorecards are live) → CLOSED (the final diagnosis taken and frozen). */
export const SchemeStatus = { ACTIVE: 'ACTIVE', CLOSED: 'CLOSED' } as const;
export type SchemeStatus = (typeof SchemeStatus)[keyof typeof SchemeStatus];

/** How an indicator is measured: a metric computed from the platform, or evidence scored by the assessors. */
export const IndicatorMeasure = { METRIC: 'METRIC', EVIDENCE: 'EVIDENCE' } as const;
export type IndicatorMeasure = (typeof IndicatorMeasure)[keyof typeof IndicatorMeasure];

/** SCHEDULED on one of the scheme's set dates, MANUAL when the owner asks, FINAL at the close (frozen). */
export const DiagnosisKind = { SCHEDULED: 'SCHEDULED', MANUAL: 'MANUAL', FINAL: 'FINAL' } as const;
export type DiagnosisKind = (typeof DiagnosisKind)[keyof typeof DiagnosisKind];

/** The PDCA cycle of an improvement action: plan → do → check → act, then closed. */
export const PdcaStage = { PLAN: 'PLAN', DO: 'DO', CHECK: 'CHECK', ACT: 'ACT', CLOSED: 'CLOSED' } as const;
export type PdcaStage = (typeof PdcaStage)[keyof typeof PdcaStage];

/** 考核方案: an upper organisation's scheme for a period, assigned to organisations below it. */
@Entity({ tableName: 'assessment_scheme' })
@Index({ name: 'assessment_scheme_organization_idx', properties: ['organization', 'id'] })
export class AssessmentScheme {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'assessment_scheme_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  /** The assessing organisation (its admins set the scheme up and score evidence). */
  @ManyToOne(() => Organization, { ref: true, deleteRule: 'restrict', index: false })
  organization!: Ref<Organization>;

  @Property({ type: 'string', length: 200 })
  name!: string;

  /** 2026, 2026-H2 or 2026-Q4. */
  @Property({ type: 'string', length: 7 })
  period!: string;

  @Enum({ items: () => PeriodKind })
  periodKind!: PeriodKind;

  @Property({ type: 'date' })
  startsOn!: string;

  @Property({ type: 'date' })
  endsOn!: string;

  /** The set dates of the diagnoses (诊断) within the period, YYYY-MM-DD. */
  @Property({ type: 'array', columnType: 'text[]', defaultRaw: "'{}'" })
  diagnosisDates: string[] & Opt = [];

  @Enum({ items: () => SchemeStatus })
  status: SchemeStatus & Opt = SchemeStatus.ACTIVE;

  /** The assessed organisations (read rules reach a scheme through them with `$some`). */
  @OneToMany(() => AssessmentAssignee, (a) => a.scheme)
  assignees = new Collection<AssessmentAssignee>(this);

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  createdBy: Ref<User> | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'datetime', nullable: true })
  closedAt: Date | null = null;
}

/** 考核指标: name, weight, how it is measured, and its 必达 and 挑战 targets. */
@Entity({ tableName: 'assessment_indicator' })
@Unique({ name: 'assessment_indicator_position_unique', properties: ['enterprise', 'scheme', 'position'] })
@Check({ name: 'assessment_indicator_measure', expression: "(measure = 'METRIC') = (metric_key is not null)" })
export class AssessmentIndicator {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'assessment_indicator_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => AssessmentScheme, { ref: true, deleteRule: 'cascade', index: false })
  scheme!: Ref<AssessmentScheme>;

  @Property({ type: 'integer' })
  position!: number;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'string', length: 1000, default: '' })
  description: string & Opt = '';

  /** A positive whole number; the scorecard weighs by share of the total. */
  @Property({ type: 'integer' })
  weight!: number;

  @Enum({ items: () => IndicatorMeasure })
  measure!: IndicatorMeasure;

  /** For METRIC: the key of a metric a module measures (e.g. `dues.onTime`). */
  @Property({ type: 'string', length: 80, nullable: true })
  metricKey: string | null = null;

  @Property({ type: 'double' })
  mustReach!: number;

  @Property({ type: 'double' })
  stretch!: number;
}

/** An organisation assessed under a scheme (考核对象). */
@Entity({ tableName: 'assessment_assignee' })
@Unique({ name: 'assessment_assignee_unique', properties: ['enterprise', 'scheme', 'organization'] })
@Index({ name: 'assessment_assignee_organization_idx', properties: ['organization', 'scheme'] })
export class AssessmentAssignee {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'assessment_assignee_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => AssessmentScheme, { ref: true, deleteRule: 'cascade', index: false })
  scheme!: Ref<AssessmentScheme>;

  @ManyToOne(() => Organization, { ref: true, deleteRule: 'restrict', index: false })
  organization!: Ref<Organization>;
}

/** 佐证材料: what an assessed organisation submits for an evidence indicator, and the assessors' score (0–100). */
@Entity({ tableName: 'assessment_evidence' })
@Unique({ name: 'assessment_evidence_unique', properties: ['enterprise', 'assignee', 'indicator'] })
export class AssessmentEvidence {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'assessment_evidence_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => AssessmentAssignee, { ref: true, deleteRule: 'cascade', index: false })
  assignee!: Ref<AssessmentAssignee>;

  @ManyToOne(() => AssessmentIndicator, { ref: true, deleteRule: 'cascade', index: 'assessment_evidence_indicator_idx' })
  indicator!: Ref<AssessmentIndicator>;

  /** Sanitised rich text. */
  @Property({ type: 'text' })
  body!: string;

  /** Uploaded files (media ids), fetched by whoever reads the scorecard. */
  @Property({ type: 'array', columnType: 'text[]', defaultRaw: "'{}'" })
  files: string[] & Opt = [];

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  submittedBy: Ref<User> | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  submittedAt: Date & Opt = new Date();

  @Property({ type: 'double', nullable: true })
  score: number | null = null;

  @Property({ type: 'string', length: 1000, nullable: true })
  scoreNote: string | null = null;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  scoredBy: Ref<User> | null = null;

  @Property({ type: 'datetime', nullable: true })
  scoredAt: Date | null = null;
}

/** 诊断: the scorecards of every assessed organisation computed at a moment, kept as they were. */
@Entity({ tableName: 'assessment_diagnosis' })
@Index({ name: 'assessment_diagnosis_scheme_idx', properties: ['scheme', 'takenAt'] })
@Index({
  name: 'assessment_diagnosis_once',
  expression: `create unique index "assessment_diagnosis_once" on "assessment_diagnosis" ("enterprise_id", "scheme_id", "kind", "as_of") where kind <> 'MANUAL'`,
})
export class AssessmentDiagnosis {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'assessment_diagnosis_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => AssessmentScheme, { ref: true, deleteRule: 'cascade', index: false })
  scheme!: Ref<AssessmentScheme>;

  @Enum({ items: () => DiagnosisKind })
  kind!: DiagnosisKind;

  /** The day it speaks for (a set date, or the period's last day for the final one). */
  @Property({ type: 'date' })
  asOf!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  takenAt: Date & Opt = new Date();
}

/** One indicator of one assessed organisation in a diagnosis: the value measured, its score and level. */
@Entity({ tableName: 'assessment_score' })
@Unique({ name: 'assessment_score_unique', properties: ['enterprise', 'diagnosis', 'assignee', 'indicator'] })
export class AssessmentScore {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'assessment_score_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => AssessmentDiagnosis, { ref: true, deleteRule: 'cascade', index: false })
  diagnosis!: Ref<AssessmentDiagnosis>;

  @ManyToOne(() => AssessmentAssignee, { ref: true, deleteRule: 'cascade', index: 'assessment_score_assignee_idx' })
  assignee!: Ref<AssessmentAssignee>;

  @ManyToOne(() => AssessmentIndicator, { ref: true, deleteRule: 'cascade', index: 'assessment_score_indicator_idx' })
  indicator!: Ref<AssessmentIndicator>;

  @Property({ type: 'double', nullable: true })
  value: number | null = null;

  @Property({ type: 'double', nullable: true })
  score: number | null = null;

  @Enum({ items: () => ScoreLevel })
  level!: ScoreLevel;
}

/** An assessed organisation's total and place among its peers in a diagnosis. */
@Entity({ tableName: 'assessment_standing' })
@Unique({ name: 'assessment_standing_unique', properties: ['enterprise', 'diagnosis', 'assignee'] })
export class AssessmentStanding {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'assessment_standing_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => AssessmentDiagnosis, { ref: true, deleteRule: 'cascade', index: false })
  diagnosis!: Ref<AssessmentDiagnosis>;

  @ManyToOne(() => AssessmentAssignee, { ref: true, deleteRule: 'cascade', index: 'assessment_standing_assignee_idx' })
  assignee!: Ref<AssessmentAssignee>;

  @Property({ type: 'double', nullable: true })
  total: number | null = null;

  @Property({ type: 'integer', nullable: true })
  rank: number | null = null;
}

/**
 * 整改措施: opened for every must-reach target a diagnosis finds missed (once per scheme, assessed
 * organisation and indicator), run as a PDCA cycle, and followed up by the next period's check.
 */
@Entity({ tableName: 'improvement_action' })
@Unique({ name: 'improvement_action_once', properties: ['enterprise', 'assignee', 'indicator'] })
@Index({ name: 'improvement_action_organization_idx', properties: ['organization', 'stage'] })
export class ImprovementAction {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'improvement_action_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => AssessmentAssignee, { ref: true, deleteRule: 'cascade', index: false })
  assignee!: Ref<AssessmentAssignee>;

  @ManyToOne(() => AssessmentIndicator, { ref: true, deleteRule: 'cascade', index: 'improvement_action_indicator_idx' })
  indicator!: Ref<AssessmentIndicator>;

  /** The assessed organisation (it owns the action). */
  @ManyToOne(() => Organization, { ref: true, deleteRule: 'restrict', index: false })
  organization!: Ref<Organization>;

  /** What was missed, as the diagnosis found it (e.g. "党费按月按时交纳率 72.5%，必达目标 90%"). */
  @Property({ type: 'string', length: 500 })
  problem!: string;

  @ManyToOne(() => AssessmentDiagnosis, { ref: true, deleteRule: 'cascade', index: 'improvement_action_diagnosis_idx' })
  openedBy!: Ref<AssessmentDiagnosis>;

  @Enum({ items: () => PdcaStage })
  stage: PdcaStage & Opt = PdcaStage.PLAN;

  /** Plan: the measures, who answers for them, by when. */
  @Property({ type: 'string', length: 2000, nullable: true })
  plan: string | null = null;

  @Property({ type: 'string', length: 80, nullable: true })
  owner: string | null = null;

  @Property({ type: 'date', nullable: true })
  dueOn: string | null = null;

  /** Do: what was done. */
  @Property({ type: 'string', length: 2000, nullable: true })
  done: string | null = null;

  /** Check: the value the next period's diagnosis measured, and whether it now reaches the must-reach target. */
  @Property({ type: 'double', nullable: true })
  checkValue: number | null = null;

  @Property({ type: 'boolean', nullable: true })
  checkMet: boolean | null = null;

  @ManyToOne(() => AssessmentScheme, { ref: true, nullable: true, deleteRule: 'set null', index: false })
  checkedIn: Ref<AssessmentScheme> | null = null;

  /** Act: the result — what is kept as practice, or carried into the next cycle. */
  @Property({ type: 'string', length: 2000, nullable: true })
  result: string | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  openedAt: Date & Opt = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  updatedAt: Date & Opt = new Date();

  @Property({ type: 'datetime', nullable: true })
  closedAt: Date | null = null;
}
