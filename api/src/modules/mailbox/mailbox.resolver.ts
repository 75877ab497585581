/** 群众意见箱 in GraphQL: sending (anyone), the portal's public list, the organisation's box, answering. */
import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Ctx, Field, FieldResolver, GraphQLISODateTime, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root, registerEnumType } from 'type-graphql';
import type { Context } from '../../core/graphql/context.js';
import { notFound } from '../../core/graphql/errors.js';
import { defineLoader } from '../../core/graphql/loaders.js';
import { mutate, UserError } from '../../core/graphql/payload.js';
import { expectGlobalId, toGlobalId } from '../../core/graphql/relay.js';
import { can } from '../../core/authz/check.js';
import { Organization } from '../organizations/organization.entity.js';
import { organizationById } from '../organizations/organization.loaders.js';
import { OrganizationType } from '../organizations/organization.types.js';
import { findReadablePortals } from '../portals/portal.loaders.js';
import { MailStatus, MassSuggestion } from './mailbox.entity.js';
import { handleSuggestion, mailboxFilter, openContact, sendSuggestion } from './mailbox.service.js';

registerEnumType(MailStatus, {
  name: 'MailStatus',
  description: 'RECEIVED (收到), HANDLING (办理中), ANSWERED (已答复).',
  valuesConfig: {
    RECEIVED: { description: '收到: not yet taken in hand.' },
    HANDLING: { description: '办理中.' },
    ANSWERED: { description: '已答复: publicly or privately.' },
  },
});

@ObjectType('MassSuggestion', { description: 'A suggestion of the masses (群众意见) as its organisation handles it.' })
class MassSuggestionType {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: 'The number the sender was given (受理编号).' }) number!: number;
  @Field({ description: 'What it is about.' }) subject!: string;
  @Field({ description: 'The suggestion.' }) body!: string;
  @Field(() => String, { description: 'The name the sender gave; null when none.', nullable: true }) authorName!: string | null;
  @Field({ description: 'Whether the sender left a contact (read it with `contact`).' }) hasContact!: boolean;
  @Field({ description: 'The sender allows it on the portal’s public list.' }) allowPublic!: boolean;
  @Field(() => MailStatus, { description: 'Received, in hand, or answered.' }) status!: MailStatus;
  @Field(() => String, { description: 'The answer; null until answered.', nullable: true }) reply!: string | null;
  @Field({ description: 'Whether the answer is public (shown where the sender allowed it).' }) replyPublic!: boolean;
  @Field(() => GraphQLISODateTime, { description: 'When it was answered.', nullable: true }) repliedAt!: Date | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
}

@ObjectType('PublicSuggestion', { description: 'An answered suggestion on a portal’s public list (the sender allowed it; never their name or contact).' })
class PublicSuggestionType {
  @Field(() => Int, { description: 'Its number (受理编号).' }) number!: number;
  @Field({ description: 'What it is about.' }) subject!: string;
  @Field({ description: 'The suggestion.' }) body!: string;
  @Field({ description: 'The public answer.' }) reply!: string;
  @Field(() => GraphQLISODateTime, { description: 'When it was answered.' }) repliedAt!: Date;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
}

@InputType({ description: 'A suggestion sent from a portal: name and contact optional.' })
class SuggestionInput {
  @Field({ description: 'What it is about.' }) subject!: string;
  @Field({ description: 'The suggestion (plain text).' }) body!: string;
  @Field(() => String, { description: 'A name, if the sender gives one.', nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true, description: 'A phone number or e-mail address, for a private answer (sealed; only the organisation’s admins read it).' }) contact?: string | null;
  @Field({ description: 'Whether the suggestion and its answer may appear on the portal’s public list.' }) allowPublic!: boolean;
}

@InputType({ description: 'Taking a suggestion in hand, or answering it.' })
class SuggestionHandleInput {
  @Field(() => MailStatus, { description: 'The new status.' }) status!: MailStatus;
  @Field(() => String, { description: 'The answer (required for ANSWERED).', nullable: true }) reply?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Answer publicly (shown on the portal where the sender allowed it).' }) replyPublic?: boolean | null;
}

@ObjectType()
class SuggestionSendPayload {
  @Field(() => Int, { nullable: true, description: 'The number to quote (受理编号).' }) number?: number;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType()
class SuggestionHandlePayload {
  @Field(() => MassSuggestionType, { nullable: true }) suggestion?: MassSuggestion;
  @Field(() => [UserError]) userErrors!: UserError[];
}

const manages = defineLoader<number, boolean>((ctx, ids) => Promise.all(ids.map((id) => can(ctx.em, ctx, 'manageOrganizationalLife', Organization, 'Organization', id))));

async function portalOrganization(ctx: Context, slug: string): Promise<Organization> {
  const [portal] = await findReadablePortals(ctx, { slug });
  const org = portal && (await organizationById(ctx).load(portal.organization.id));
  if (!org) throw notFound('The portal does not exist.');
  return org;
}

@Resolver(() => MassSuggestionType)
export class MailboxResolver {
  @FieldResolver(() => ID)
  id(@Root() s: MassSuggestion): string {
    return toGlobalId('MassSuggestion', s.id);
  }

  @FieldResolver(() => Int)
  number(@Root() s: MassSuggestion): number {
    return s.id;
  }

  @FieldResolver(() => Boolean)
  hasContact(@Root() s: MassSuggestion): boolean {
    return s.contactSealed !== null;
  }

  @FieldResolver(() => OrganizationType, { description: 'The organisation it was sent to.', nullable: true })
  organization(@Root() s: MassSuggestion, @Ctx() ctx: Context): Promise<Organization | null> {
    return organizationById(ctx).load(s.organization.id);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The sender’s contact, whole — for the organisation’s admins only, each reading audited; null for others.' })
  async contact(@Root() s: MassSuggestion, @Ctx() ctx: Context): Promise<string | null> {
    return (await manages(ctx).load(s.organization.id)) ? openContact(ctx.em, ctx, s) : null;
  }

  @Query(() => [MassSuggestionType], { description: 'The suggestions sent to the organisations whose life you read (their admins and reviewers), newest first.' })
  async mailbox(@Arg('status', () => MailStatus, { description: 'Only suggestions in this status.', nullable: true }) status: MailStatus | null, @Arg('first', () => Int, { defaultValue: 50 }) first: number, @Ctx() ctx: Context): Promise<MassSuggestion[]> {
    const access = mailboxFilter(ctx);
    if (!access) return [];
    return ctx.em.find(MassSuggestion, { $and: [access, status ? { status } : {}] } as FilterQuery<MassSuggestion>, { orderBy: { id: 'desc' }, limit: Math.min(Math.max(first, 1), 100) });
  }

  @Query(() => [PublicSuggestionType], { description: 'A portal’s answered suggestions that their senders allowed and that were answered publicly, newest first.' })
  async portalSuggestions(@Arg('portalSlug') portalSlug: string, @Arg('first', () => Int, { defaultValue: 20 }) first: number, @Ctx() ctx: Context): Promise<PublicSuggestionType[]> {
    const org = await portalOrganization(ctx, portalSlug);
    const rows = await ctx.em.find(MassSuggestion, { organization: org.id, status: MailStatus.ANSWERED, allowPublic: true, replyPublic: true }, { orderBy: { repliedAt: 'desc' }, limit: Math.min(Math.max(first, 1), 50) });
    return rows.map((s) => ({ number: s.id, subject: s.subject, body: s.body, reply: s.reply!, repliedAt: s.repliedAt!, createdAt: s.createdAt }));
  }

  @Query(() => [MassSuggestionType], { description: 'The suggestions you sent while signed in, with their status and answers (private ones too).' })
  async mySuggestions(@Ctx() ctx: Context): Promise<MassSuggestion[]> {
    return ctx.viewer.kind === 'user' ? ctx.em.find(MassSuggestion, { author: ctx.viewer.userId }, { orderBy: { id: 'desc' }, limit: 50 }) : [];
  }

  @Mutation(() => SuggestionSendPayload, { description: 'Sends a suggestion to a portal’s organisation (anyone; plain text; a budget per network address).' })
  suggestionSend(@Arg('portalSlug') portalSlug: string, @Arg('input') input: SuggestionInput, @Ctx() ctx: Context): Promise<SuggestionSendPayload> {
    return mutate(async () => ({ number: (await sendSuggestion(ctx.em, ctx, portalSlug, input)).id }));
  }

  @Mutation(() => SuggestionHandlePayload, { description: 'Takes a suggestion in hand or answers it (the organisation’s admins).' })
  suggestionHandle(@Arg('id', () => ID) id: string, @Arg('input') input: SuggestionHandleInput, @Ctx() ctx: Context): Promise<SuggestionHandlePayload> {
    return mutate(async () => ({ suggestion: await handleSuggestion(ctx.em, ctx, expectGlobalId(id, 'MassSuggestion'), input) }));
  }
}
