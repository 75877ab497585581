import { type Opt, type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { User } from '../identity/user.entity.js';
import { Member } from '../members/member.entity.js';
import { Organization } from '../organizations/organization.entity.js';

/**
 * Who answers: the members of the organisation's subtree, every member of the enterprise, or the
 * public on the organisation's portal (signed-in users once each; for an anonymous public survey
 * also visitors, within a per-address budget and with a one-time form token).
 */
export const SurveyAudience = { MEMBERS: 'MEMBERS', ENTERPRISE: 'ENTERPRISE', PUBLIC: 'PUBLIC' } as const;
export type SurveyAudience = (typeof SurveyAudience)[keyof typeof SurveyAudience];

export const SurveyQuestionKind = { SINGLE: 'SINGLE', MULTIPLE: 'MULTIPLE', RATING: 'RATING', TEXT: 'TEXT' } as const;
export type SurveyQuestionKind = (typeof SurveyQuestionKind)[keyof typeof SurveyQuestionKind];

/** A survey or vote (问卷调查 / 投票) of an organisation: its questions, audience, window, and whether answers are anonymous. */
@Entity({ tableName: 'survey' })
@Index({ name: 'survey_organization_idx', properties: ['organization', 'id'] })
export class Survey {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'survey_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => Organization, { ref: true, deleteRule: 'restrict', index: false })
  organization!: Ref<Organization>;

  @Property({ type: 'string', length: 200 })
  title!: string;

  @Property({ type: 'string', length: 2000, default: '' })
  description: string & Opt = '';

  @Enum({ items: () => SurveyAudience })
  audience!: SurveyAudience;

  /** Anonymous: an answer cannot be joined to a person (only a receipt says who answered). */
  @Property({ type: 'boolean' })
  anonymous!: boolean;

  @Property({ type: 'datetime' })
  opensAt!: Date;

  @Property({ type: 'datetime' })
  closesAt!: Date;

  /** The results are shown to the respondents once the survey closes. */
  @Property({ type: 'boolean', default: false })
  resultsToRespondents: boolean & Opt = false;

  /** A public survey's results, published by the owner on the portal (never before). */
  @Property({ type: 'datetime', nullable: true })
  resultsPublishedAt: Date | null = null;

  /** An anonymous public survey: how many answers one network address may give per day. */
  @Property({ type: 'smallint', default: 3 })
  perAddressLimit: number & Opt = 3;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  createdBy: Ref<User> | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();
}

@Entity({ tableName: 'survey_question' })
@Unique({ name: 'survey_question_position_unique', properties: ['enterprise', 'survey', 'position'] })
export class SurveyQuestion {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: false })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => Survey, { ref: true, deleteRule: 'cascade', index: false })
  survey!: Ref<Survey>;

  @Property({ type: 'smallint' })
  position!: number;

  @Enum({ items: () => SurveyQuestionKind })
  kind!: SurveyQuestionKind;

  @Property({ type: 'string', length: 500 })
  prompt!: string;

  @Property({ type: 'array', columnType: 'text[]', defaultRaw: "'{}'" })
  options: string[] & Opt = [];

  @Property({ type: 'boolean', default: true })
  required: boolean & Opt = true;
}

/**
 * One response. Named: it names the member. Anonymous: no member, no time, a random key — the
 * receipt (`survey_receipt`) holds who answered, never what.
 */
@Entity({ tableName: 'survey_response' })
@Index({ name: 'survey_response_survey_idx', properties: ['survey'] })
export class SurveyResponse {
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string & Opt;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'survey_response_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => Survey, { ref: true, deleteRule: 'cascade', index: false })
  survey!: Ref<Survey>;

  /** Null for an anonymous survey. */
  @ManyToOne(() => Member, { ref: true, nullable: true, deleteRule: 'set null', index: 'survey_response_member_idx' })
  member: Ref<Member> | null = null;

  /** A named public survey's respondent (an account, not necessarily a member); null otherwise. */
  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null', index: 'survey_response_user_idx' })
  user: Ref<User> | null = null;

  /** Choices (option indices), a rating (1–5) or a text, by question id. */
  @Property({ type: 'jsonb' })
  answers!: Record<string, { choices?: number[]; rating?: number; text?: string }>;
}

/** That a member answered a survey — one per person, enforced here; nothing of what they answered. */
@Entity({ tableName: 'survey_receipt' })
export class SurveyReceipt {
  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', primary: true })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => Survey, { ref: true, deleteRule: 'cascade', primary: true })
  survey!: Ref<Survey>;

  @ManyToOne(() => Member, { ref: true, deleteRule: 'cascade', primary: true, index: 'survey_receipt_member_idx' })
  member!: Ref<Member>;
}

/** That an account answered a public survey — one per account, enforced here; nothing of what. */
@Entity({ tableName: 'survey_user_receipt' })
export class SurveyUserReceipt {
  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', primary: true })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => Survey, { ref: true, deleteRule: 'cascade', primary: true })
  survey!: Ref<Survey>;

  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade', primary: true, index: 'survey_user_receipt_user_idx' })
  user!: Ref<User>;
}

/**
 * Visitors' answers to an anonymous public survey per network address and day: the address only as
 * a keyed hash (it is personal data), the count checked against the survey's per-address limit.
 */
@Entity({ tableName: 'survey_guest_budget' })
export class SurveyGuestBudget {
  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', primary: true })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => Survey, { ref: true, deleteRule: 'cascade', primary: true })
  survey!: Ref<Survey>;

  @PrimaryKey({ type: 'string', length: 64 })
  addressHash!: string;

  @PrimaryKey({ type: 'date' })
  day!: string;

  @Property({ type: 'smallint' })
  answers!: number;
}

/** A form token that was used: a visitor's token answers once. */
@Entity({ tableName: 'survey_token_use' })
export class SurveyTokenUse {
  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', primary: true })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => Survey, { ref: true, deleteRule: 'cascade', primary: true })
  survey!: Ref<Survey>;

  @PrimaryKey({ type: 'string', length: 32 })
  nonce!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  usedAt: Date & Opt = new Date();
}
