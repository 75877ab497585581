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
import { answerSurvey, createSurvey, readsResults, resultsOf, surveyReadFilter } from './survey.service.js';

registerEnumType(SurveyAudience, { name: 'SurveyAudience', description: 'MEMBERS of the organisation’s subtree, or every member of the ENTERPRISE.' });
registerEnumType(SurveyQuestionKind, { name: 'SurveyQuestionKind', description: 'SINGLE or MULTIPLE choice, RATING (1–5), TEXT.' });

@ObjectType('SurveyQuestion')
class SurveyQuestionType {
  @Field(() => ID) id!: string;
  @Field(() => Int) position!: number;
  @Field(() => SurveyQuestionKind) kind!: SurveyQuestionKind;
  @Field() prompt!: string;
  @Field(() => [String]) options!: string[];
  @Field() required!: boolean;
}

@ObjectType('SurveyOptionCount')
class SurveyOptionCountType {
  @Field() label!: string;
  @Field(() => Int) count!: number;
}

@ObjectType('SurveyQuestionResult')
class SurveyQuestionResultType {
  @Field(() => Int) position!: number;
  @Field() prompt!: string;
  @Field(() => SurveyQuestionKind) kind!: SurveyQuestionKind;
  @Field(() => Int) answered!: number;
  @Field(() => [SurveyOptionCountType]) options!: SurveyOptionCountType[];
  @Field(() => Float, { nullable: true }) ratingAverage!: number | null;
  @Field(() => [String], { description: 'Free answers, never with a name.' }) texts!: string[];
}

@ObjectType('SurveyResults')
class SurveyResultsType {
  @Field(() => Int) respondents!: number;
  @Field(() => Int, { description: 'Members the survey is for.' }) audience!: number;
  @Field(() => [SurveyQuestionResultType]) questions!: SurveyQuestionResultType[];
}

@ObjectType('Survey', { implements: Node, description: 'A survey or vote. Read by its organisation’s admins and reviewers, and by the members it is for.' })
class SurveyNode extends Node {
  @Field() title!: string;
  @Field() description!: string;
  @Field(() => SurveyAudience) audience!: SurveyAudience;
  @Field() anonymous!: boolean;
  @Field(() => GraphQLISODateTime) opensAt!: Date;
  @Field(() => GraphQLISODateTime) closesAt!: Date;
  @Field() resultsToRespondents!: boolean;
}
const SurveyConnection = connectionType('Survey', SurveyNode);

@InputType()
class SurveyQuestionInput {
  @Field(() => SurveyQuestionKind) kind!: SurveyQuestionKind;
  @Field() prompt!: string;
  @Field(() => [String], { nullable: true }) options?: string[] | null;
  @Field(() => Boolean, { nullable: true }) required?: boolean | null;
}

@InputType({ description: 'A survey of an organisation (its admins).' })
class SurveyInput {
  @Field(() => ID) organizationId!: string;
  @Field() title!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => SurveyAudience) audience!: SurveyAudience;
  @Field({ description: 'Anonymous: no answer can be joined to a person.' }) anonymous!: boolean;
  @Field(() => GraphQLISODateTime) opensAt!: Date;
  @Field(() => GraphQLISODateTime) closesAt!: Date;
  @Field(() => Boolean, { nullable: true }) resultsToRespondents?: boolean | null;
  @Field(() => [SurveyQuestionInput]) questions!: SurveyQuestionInput[];
}

@InputType()
class SurveyAnswerInput {
  @Field(() => ID) questionId!: string;
  @Field(() => [Int], { nullable: true, description: 'Option indices, from 0.' }) choices?: number[] | null;
  @Field(() => Int, { nullable: true }) rating?: number | null;
  @Field(() => String, { nullable: true }) text?: string | null;
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

  @FieldResolver(() => [SurveyQuestionType])
  async questions(@Root() s: Survey, @Ctx() ctx: Context): Promise<SurveyQuestionType[]> {
    return (await questionsOf(ctx).load(s.id)).map((q) => ({ ...q, id: toGlobalId('SurveyQuestion', q.id) }));
  }

  @FieldResolver(() => Boolean, { description: 'Whether you have answered.' })
  async answered(@Root() s: Survey, @Ctx() ctx: Context): Promise<boolean> {
    if (ctx.viewer.kind !== 'user') return false;
    const [row] = await ctx.em.execute<{ n: number }[]>(`select count(*)::int as n from survey_receipt r join member m on m.id = r.member_id where r.survey_id = ? and m.user_id = ?`, [s.id, ctx.viewer.userId]);
    return (row?.n ?? 0) > 0;
  }

  @FieldResolver(() => Boolean, { description: 'Whether you own it (its organisation’s admins and reviewers).' })
  canManage(@Root() s: Survey, @Ctx() ctx: Context): Promise<boolean> {
    return owns(ctx).load(s.organization.id);
  }

  @FieldResolver(() => SurveyResultsType, { nullable: true, description: 'For its owners; for respondents once closed, if the owner chose so.' })
  async results(@Root() s: Survey, @Ctx() ctx: Context): Promise<SurveyResultsType | null> {
    return (await readsResults(ctx.em, ctx, s, await owns(ctx).load(s.organization.id))) ? resultsOf(ctx.em, s) : null;
  }

  @Query(() => SurveyConnection, { description: 'Surveys you own or are asked to answer, newest first.' })
  surveys(@Arg('first', () => Int) first: number, @Arg('after', () => String, { nullable: true }) after: string | null, @Ctx() ctx: Context): Promise<Connection<Survey>> {
    return listById(ctx.em, Survey, surveyReadFilter(ctx), { first, after, order: 'desc' });
  }

  @Mutation(() => SurveyPayload, { description: 'Sets up a survey or vote (the organisation’s admins).' })
  surveyCreate(@Arg('input') input: SurveyInput, @Ctx() ctx: Context): Promise<SurveyPayload> {
    return mutate(async () => ({ survey: await createSurvey(ctx.em, ctx, { ...input, organizationId: expectGlobalId(input.organizationId, 'Organization', 'organizationId') }) }));
  }

  @Mutation(() => SurveyPayload, { description: 'Answers a survey — once.' })
  surveyAnswer(@Arg('id', () => ID) id: string, @Arg('answers', () => [SurveyAnswerInput]) answers: SurveyAnswerInput[], @Ctx() ctx: Context): Promise<SurveyPayload> {
    return mutate(async () => ({
      survey: await answerSurvey(ctx.em, ctx, expectGlobalId(id, 'Survey'), answers.map((a) => ({ ...a, questionId: expectGlobalId(a.questionId, 'SurveyQuestion', 'answers') }))),
    }));
  }
}
