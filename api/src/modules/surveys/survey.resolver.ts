/** Surveys in GraphQL: under their read rule in SQL; answering once; results to their owners (and respondents after the close, if chosen). */
import { Arg, Ctx, Field, FieldResolver, Float, GraphQLISODateTime, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root, registerEnumType } from 'type-graphql';
import { can } from '../../core/authz/check.js';
import type { Context } from '../../core/graphql/context.js';
import { byKey, defineLoader, groupByKey } from '../../core/graphql/loaders.js';
import { listById } from '../../core/graphql/list-by-id.js';
import { Node, registerNodeType } from '../../core/graphql/node.js';
import { mutate, UserError } from '../../core/graphql/payload.js';
import { connectionType, expectGlobalId, toGlobalId, type Connection } from '../../core/graphql/relay.js';
import { Organization } from '../organizations/organization.entity.js';
import { Survey, SurveyAudience, SurveyQuestion, SurveyQuestionKind } from './survey.entity.js';
import { answerSurvey, createSurvey, issueFormToken, publishResults, readsResults, resultsOf, surveyReadFilter } from './survey.service.js';
import type { FilterQuery } from '@mikro-orm/core';
import { notFound } from '../../core/graphql/errors.js';
import { organizationById } from '../organizations/organization.loaders.js';
import { findReadablePortals } from '../portals/portal.loaders.js';

registerEnumType(SurveyAudience, {
  name: 'SurveyAudience',
  description: 'MEMBERS of the organisation’s subtree, every member of the ENTERPRISE, or the PUBLIC on the organisation’s portal.',
  valuesConfig: {
    MEMBERS: { description: 'Members of the organisation’s subtree.' },
    ENTERPRISE: { description: 'Every member of the enterprise.' },
    PUBLIC: { description: 'Anyone, on the organisation’s portal.' },
  },
});
registerEnumType(SurveyQuestionKind, {
  name: 'SurveyQuestionKind',
  description: 'SINGLE or MULTIPLE choice, RATING (1–5), TEXT.',
  valuesConfig: {
    SINGLE: { description: 'One choice.' },
    MULTIPLE: { description: 'Several choices.' },
    RATING: { description: 'A rating from 1 to 5.' },
    TEXT: { description: 'Free text.' },
  },
});

@ObjectType('SurveyQuestion', { description: 'A question of a survey: its kind, text and options.' })
class SurveyQuestionType {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: 'Its place in the survey.' }) position!: number;
  @Field(() => SurveyQuestionKind, { description: 'The kind of question.' }) kind!: SurveyQuestionKind;
  @Field({ description: 'The question.' }) prompt!: string;
  @Field(() => [String], { description: 'The choices (for SINGLE and MULTIPLE).' }) options!: string[];
  @Field({ description: 'Whether it must be answered.' }) required!: boolean;
}

@ObjectType('SurveyOptionCount', { description: 'How many chose an option.' })
class SurveyOptionCountType {
  @Field({ description: 'The option.' }) label!: string;
  @Field(() => Int, { description: 'How many chose it.' }) count!: number;
}

@ObjectType('SurveyQuestionResult', { description: 'The results of one question: counts per option, the average rating, or the texts.' })
class SurveyQuestionResultType {
  @Field(() => Int, { description: 'Its place in the survey.' }) position!: number;
  @Field({ description: 'The question.' }) prompt!: string;
  @Field(() => SurveyQuestionKind, { description: 'The kind of question.' }) kind!: SurveyQuestionKind;
  @Field(() => Int, { description: 'How many answered it.' }) answered!: number;
  @Field(() => [SurveyOptionCountType], { description: 'Counts per option.' }) options!: SurveyOptionCountType[];
  @Field(() => Float, { description: 'For a RATING question: the average.', nullable: true }) ratingAverage!: number | null;
  @Field(() => [String], { description: 'Free answers, never with a name.' }) texts!: string[];
}

@ObjectType('SurveyResults', { description: 'A survey’s results, for its owner (and, once published, for respondents or the public).' })
class SurveyResultsType {
  @Field(() => Int, { description: 'How many answered.' }) respondents!: number;
  @Field(() => Int, { nullable: true, description: 'Members the survey is for (null for a public survey).' }) audience!: number | null;
  @Field(() => [SurveyQuestionResultType], { description: 'Results per question.' }) questions!: SurveyQuestionResultType[];
}

@ObjectType('Survey', { implements: Node, description: 'A survey or vote. Read by its organisation’s admins and reviewers, and by the members it is for.' })
class SurveyNode extends Node {
  @Field({ description: 'Its title.' }) title!: string;
  @Field({ description: 'What it is for.' }) description!: string;
  @Field(() => SurveyAudience, { description: 'Who may answer.' }) audience!: SurveyAudience;
  @Field({ description: 'Answers cannot be joined to a person (a separate receipt still allows one each).' }) anonymous!: boolean;
  @Field(() => GraphQLISODateTime, { description: 'When it opens.' }) opensAt!: Date;
  @Field(() => GraphQLISODateTime, { description: 'When it closes.' }) closesAt!: Date;
  @Field({ description: 'Whether respondents see the results after it closes.' }) resultsToRespondents!: boolean;
  @Field(() => Int, { description: 'An anonymous public survey: answers per network address and day.' }) perAddressLimit!: number;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When a public survey’s results were published on its portal.' }) resultsPublishedAt!: Date | null;
}
const SurveyConnection = connectionType('Survey', SurveyNode);

@InputType({ description: 'A question of a new survey.' })
class SurveyQuestionInput {
  @Field(() => SurveyQuestionKind, { description: 'The kind of question.' }) kind!: SurveyQuestionKind;
  @Field({ description: 'The question.' }) prompt!: string;
  @Field(() => [String], { description: 'The choices (for SINGLE and MULTIPLE: 2 to 20).', nullable: true }) options?: string[] | null;
  @Field(() => Boolean, { description: 'Whether it must be answered (default true).', nullable: true }) required?: boolean | null;
}

@InputType({ description: 'A survey of an organisation (its admins).' })
class SurveyInput {
  @Field(() => ID) organizationId!: string;
  @Field({ description: 'Its title.' }) title!: string;
  @Field(() => String, { description: 'What it is for.', nullable: true }) description?: string | null;
  @Field(() => SurveyAudience, { description: 'Who may answer.' }) audience!: SurveyAudience;
  @Field({ description: 'Anonymous: no answer can be joined to a person.' }) anonymous!: boolean;
  @Field(() => GraphQLISODateTime, { description: 'When it opens.' }) opensAt!: Date;
  @Field(() => GraphQLISODateTime, { description: 'When it closes.' }) closesAt!: Date;
  @Field(() => Boolean, { description: 'Whether respondents see the results after it closes.', nullable: true }) resultsToRespondents?: boolean | null;
  @Field(() => Int, { nullable: true, description: 'An anonymous public survey: answers one network address may give per day (1–50, default 3).' }) perAddressLimit?: number | null;
  @Field(() => [SurveyQuestionInput], { description: 'Its questions, in order.' }) questions!: SurveyQuestionInput[];
}

@InputType({ description: 'One answer of a respondent to one question.' })
class SurveyAnswerInput {
  @Field(() => ID, { description: 'The question.' }) questionId!: string;
  @Field(() => [Int], { nullable: true, description: 'Option indices, from 0.' }) choices?: number[] | null;
  @Field(() => Int, { description: 'For a RATING question: 1 to 5.', nullable: true }) rating?: number | null;
  @Field(() => String, { description: 'For a TEXT question: the answer.', nullable: true }) text?: string | null;
}

@ObjectType()
class SurveyPayload {
  @Field(() => SurveyNode, { nullable: true }) survey?: object;
  @Field(() => [UserError]) userErrors!: UserError[];
}

const surveyById = defineLoader<number, Survey | null>(async (ctx, ids) => {
  const access = surveyReadFilter(ctx);
  return access ? byKey(ids, await ctx.em.find(Survey, { $and: [{ id: { $in: [...ids] } }, access] }), (s) => s.id) : ids.map(() => null);
});
registerNodeType({ typeName: 'Survey', entity: Survey, load: (ctx, id) => surveyById(ctx).load(id) });
const questionsOf = defineLoader<number, SurveyQuestion[]>(async (ctx, ids) =>
  groupByKey(ids, await ctx.em.find(SurveyQuestion, { survey: { $in: [...ids] } }, { orderBy: { position: 'asc' } }), (q) => q.survey.id),
);
const owns = defineLoader<number, boolean>(async (ctx, ids) => Promise.all(ids.map((id) => can(ctx.em, ctx, 'readOrganizationalLife', Organization, 'Organization', id))));

@Resolver(() => SurveyNode)
export class SurveyResolver {
  @FieldResolver(() => ID)
  id(@Root() s: Survey): string {
    return toGlobalId('Survey', s.id);
  }

  @FieldResolver(() => Boolean, { description: 'Open for answers now.' })
  open(@Root() s: Survey): boolean {
    const now = new Date();
    return now >= s.opensAt && now < s.closesAt;
  }

  @FieldResolver(() => [SurveyQuestionType], { description: 'Its questions, in order.' })
  async questions(@Root() s: Survey, @Ctx() ctx: Context): Promise<SurveyQuestionType[]> {
    return (await questionsOf(ctx).load(s.id)).map((q) => ({ ...q, id: toGlobalId('SurveyQuestion', q.id) }));
  }

  @FieldResolver(() => Boolean, { description: 'Whether you have answered.' })
  async answered(@Root() s: Survey, @Ctx() ctx: Context): Promise<boolean> {
    if (ctx.viewer.kind !== 'user') return false;
    const [row] = await ctx.em.execute<{ n: number }[]>(
      s.audience === SurveyAudience.PUBLIC
        ? `select count(*)::int as n from survey_user_receipt r where r.survey_id = ? and r.user_id = ?`
        : `select count(*)::int as n from survey_receipt r join member m on m.id = r.member_id where r.survey_id = ? and m.user_id = ?`,
      [s.id, ctx.viewer.userId],
    );
    return (row?.n ?? 0) > 0;
  }

  @FieldResolver(() => Boolean, { description: 'Whether you own it (its organisation’s admins and reviewers).' })
  canManage(@Root() s: Survey, @Ctx() ctx: Context): Promise<boolean> {
    return owns(ctx).load(s.organization.id);
  }

  @FieldResolver(() => SurveyResultsType, { nullable: true, description: 'For its owners; for respondents once closed, if the owner chose so.' })
  async results(@Root() s: Survey, @Ctx() ctx: Context): Promise<SurveyResultsType | null> {
    if (!(await readsResults(ctx.em, ctx, s, await owns(ctx).load(s.organization.id)))) return null;
    const results = await resultsOf(ctx.em, s);
    return { ...results, audience: s.audience === SurveyAudience.PUBLIC ? null : results.audience };
  }

  @FieldResolver(() => String, { nullable: true, description: 'For a visitor’s form of an open anonymous public survey: a one-time token to send with the answers (valid two hours).' })
  formToken(@Root() s: Survey, @Ctx() ctx: Context): string | null {
    const now = new Date();
    return s.audience === SurveyAudience.PUBLIC && s.anonymous && ctx.viewer.kind === 'anonymous' && now >= s.opensAt && now < s.closesAt ? issueFormToken(ctx.em, s.id, now) : null;
  }

  @Query(() => [SurveyNode], { description: 'The public surveys of a portal (its organisation’s subtree): open ones, and closed ones whose results are published; newest first.' })
  async portalSurveys(@Arg('portalSlug') portalSlug: string, @Ctx() ctx: Context): Promise<Survey[]> {
    const [portal] = await findReadablePortals(ctx, { slug: portalSlug });
    const org = portal && (await organizationById(ctx).load(portal.organization.id));
    if (!org) throw notFound('The portal does not exist.');
    const now = new Date();
    return ctx.em.find(
      Survey,
      { audience: SurveyAudience.PUBLIC, organization: { path: { $like: `${org.path}%` } }, opensAt: { $lte: now }, $or: [{ closesAt: { $gt: now } }, { resultsPublishedAt: { $ne: null } }] } as FilterQuery<Survey>,
      { orderBy: { id: 'desc' }, limit: 20 },
    );
  }

  @Query(() => SurveyConnection, { description: 'Surveys you own or are asked to answer, newest first.' })
  surveys(@Arg('first', () => Int) first: number, @Arg('after', () => String, { nullable: true }) after: string | null, @Ctx() ctx: Context): Promise<Connection<Survey>> {
    return listById(ctx.em, Survey, surveyReadFilter(ctx, true), { first, after, order: 'desc' });
  }

  @Mutation(() => SurveyPayload, { description: 'Sets up a survey or vote (the organisation’s admins).' })
  surveyCreate(@Arg('input') input: SurveyInput, @Ctx() ctx: Context): Promise<SurveyPayload> {
    return mutate(async () => ({ survey: await createSurvey(ctx.em, ctx, { ...input, organizationId: expectGlobalId(input.organizationId, 'Organization', 'organizationId') }) }));
  }

  @Mutation(() => SurveyPayload, { description: 'Answers a survey — once per person (per account for a public one; a visitor to an anonymous public survey sends the form’s token).' })
  surveyAnswer(
    @Arg('id', () => ID) id: string,
    @Arg('answers', () => [SurveyAnswerInput], { description: 'One answer per question.' }) answers: SurveyAnswerInput[],
    @Arg('formToken', () => String, { nullable: true, description: 'A visitor’s one-time token (`Survey.formToken`).' }) formToken: string | null,
    @Ctx() ctx: Context,
  ): Promise<SurveyPayload> {
    return mutate(async () => ({
      survey: await answerSurvey(ctx.em, ctx, expectGlobalId(id, 'Survey'), answers.map((a) => ({ ...a, questionId: expectGlobalId(a.questionId, 'SurveyQuestion', 'answers') })), { token: formToken }),
    }));
  }

  @Mutation(() => SurveyPayload, { description: 'Publishes a public survey’s results on its portal (its organisation’s admins).' })
  surveyPublishResults(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<SurveyPayload> {
    return mutate(async () => ({ survey: await publishResults(ctx.em, ctx, expectGlobalId(id, 'Survey')) }));
  }
}
