/** 发展党员 in GraphQL: applicants and the board under the read rule in SQL; steps through the service. */
import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { escapeLike } from '../../core/authz/sql-filter.js';
import type { Context } from '../../core/graphql/context.js';
import { badInput } from '../../core/graphql/errors.js';
import { defineLoader, groupByKey } from '../../core/graphql/loaders.js';
import { registerNodeType } from '../../core/graphql/node.js';
import { mutate } from '../../core/graphql/payload.js';
import { listById } from '../../core/graphql/list-by-id.js';
import { expectGlobalId, toGlobalId, type Connection } from '../../core/graphql/relay.js';
import { attachmentsOf, RecordFileType } from '../media/attachments.js';
import { memberById } from '../members/member.access.js';
import type { Member } from '../members/member.entity.js';
import { keysFor } from '../members/member.keys.js';
import { chinaToday } from '../members/member.rules.js';
import { MemberType } from '../members/member.types.js';
import { maskIdNumber, maskPhone } from '../members/personal-data.js';
import type { Organization } from '../organizations/organization.entity.js';
import { organizationById } from '../organizations/organization.loaders.js';
import { OrganizationType } from '../organizations/organization.types.js';
import { plannedPerSubtree } from '../organizations/subtree-plans.js';
import { localRuleValue } from '../local-rules/local-rules.service.js';
import { applicantById, applicantReadFilter, applicantUnmasked, auditApplicantUnmasked } from './applicant.access.js';
import { Applicant, DevelopmentRecord } from './development.entity.js';
import { ARCHIVE_DAYS, MONTHS_TO_ACTIVIST, POLITICAL_REVIEW_VALID_MONTHS } from './development.local-rules.js';
import { createApplicant, datesOf, recordStep, type StepResult } from './development.service.js';
import {
  ApplicantConnection,
  ApplicantCreateInput,
  ApplicantFilter,
  ApplicantType,
  DevelopmentColumnType,
  DevelopmentDueType,
  DevelopmentRecordType,
  DevelopmentStepInput,
  DevelopmentStepOptionType,
  DevelopmentStepPayload,
} from './development.types.js';
import { nextDue, type Due, type Settings } from './rules.js';
import { OPEN_STAGES, STAGE_LABEL, STEPS, type DevelopmentStage, type DevelopmentStep } from './stages.js';

registerNodeType({ typeName: 'Applicant', entity: Applicant, load: (ctx, id) => applicantById(ctx).load(id) });

const recordsOf = defineLoader<number, DevelopmentRecord[]>(async (ctx, ids) =>
  groupByKey(ids, await ctx.em.find(DevelopmentRecord, { applicant: { $in: [...ids] } }, { orderBy: { id: 'asc' } }), (r) => r.applicant.id),
);

/** An enterprise's settings for due dates (three LOCAL rules), once per enterprise and request. */
const settingsOf = defineLoader<number, Settings>((ctx, enterpriseIds) =>
  Promise.all(
    enterpriseIds.map(async (id) => ({
      monthsToActivist: await localRuleValue(ctx.em, id, MONTHS_TO_ACTIVIST.key),
      politicalReviewValidMonths: await localRuleValue(ctx.em, id, POLITICAL_REVIEW_VALID_MONTHS.key),
      archiveDays: await localRuleValue(ctx.em, id, ARCHIVE_DAYS.key),
    })),
  ),
);

async function dueOf(ctx: Context, applicant: Applicant): Promise<Due | null> {
  return nextDue(datesOf(applicant), await settingsOf(ctx).load(applicant.enterprise.id), chinaToday());
}

async function personal(ctx: Context, applicant: Applicant, sealed: string | null, mask: (v: string) => string): Promise<string | null> {
  if (!sealed) return null;
  const value = keysFor(ctx.em).open(sealed);
  if (!(await applicantUnmasked(ctx).load(applicant.id))) return mask(value);
  await auditApplicantUnmasked(ctx).load(applicant.id);
  return value;
}

/** A refused step has no warnings (an empty list, never null). */
const withWarnings = async (run: () => Promise<ReturnType<typeof payload>>) => ({ warnings: [], ...(await mutate(run)) });

const payload = (result: StepResult) => ({ applicant: result.applicant, record: result.record, warnings: result.warnings });

@Resolver(() => ApplicantType)
export class ApplicantResolver {
  @FieldResolver(() => ID)
  id(@Root() applicant: Applicant): string {
    return toGlobalId('Applicant', applicant.id);
  }

  @FieldResolver(() => String, { description: 'ID number, masked unless you keep the branch’s records (whole reads audited).' })
  async idNumber(@Root() applicant: Applicant, @Ctx() ctx: Context): Promise<string> {
    return (await personal(ctx, applicant, applicant.idNumberSealed, maskIdNumber))!;
  }

  @FieldResolver(() => String, { description: 'The applicant’s phone number (masked unless you may see it whole).', nullable: true })
  phone(@Root() applicant: Applicant, @Ctx() ctx: Context): Promise<string | null> {
    return personal(ctx, applicant, applicant.phoneSealed, maskPhone);
  }

  @FieldResolver(() => String, { description: 'The stage in Chinese.' })
  stageLabel(@Root() applicant: Applicant): string {
    return STAGE_LABEL[applicant.stage];
  }

  @FieldResolver(() => OrganizationType, { description: 'The branch developing the applicant.', nullable: true })
  organization(@Root() applicant: Applicant, @Ctx() ctx: Context): Promise<Organization | null> {
    return organizationById(ctx).load(applicant.organization.id);
  }

  @FieldResolver(() => DevelopmentDueType, { nullable: true, description: 'What the stage waits for, and by when.' })
  due(@Root() applicant: Applicant, @Ctx() ctx: Context): Promise<Due | null> {
    return dueOf(ctx, applicant);
  }

  @FieldResolver(() => [MemberType], { description: '培养联系人 (the records you may read).' })
  async contacts(@Root() applicant: Applicant, @Ctx() ctx: Context): Promise<Member[]> {
    return (await Promise.all([applicant.contact1, applicant.contact2].filter((r) => r !== null).map((r) => memberById(ctx).load(r!.id)))).filter((m): m is Member => m !== null);
  }

  @FieldResolver(() => [MemberType], { description: '入党介绍人 (the records you may read).' })
  async introducers(@Root() applicant: Applicant, @Ctx() ctx: Context): Promise<Member[]> {
    return (await Promise.all([applicant.introducer1, applicant.introducer2].filter((r) => r !== null).map((r) => memberById(ctx).load(r!.id)))).filter((m): m is Member => m !== null);
  }

  @FieldResolver(() => MemberType, { nullable: true, description: 'The member record the approval created.' })
  member(@Root() applicant: Applicant, @Ctx() ctx: Context): Promise<Member | null> {
    return applicant.member ? memberById(ctx).load(applicant.member.id) : Promise.resolve(null);
  }

  @FieldResolver(() => ID, { nullable: true, description: 'The running or last 公示 (a Disclosure).' })
  noticeId(@Root() applicant: Applicant): string | null {
    return applicant.notice ? toGlobalId('Disclosure', applicant.notice.id) : null;
  }

  @FieldResolver(() => [DevelopmentStepOptionType], { description: 'The steps the stage allows, in the order of the procedure.' })
  availableSteps(@Root() applicant: Applicant): DevelopmentStepOptionType[] {
    return Object.entries(STEPS)
      .filter(([, rule]) => rule.from.includes(applicant.stage))
      .map(([step, rule]) => ({ step: step as DevelopmentStep, label: rule.label, byCommittee: !!rule.byCommittee }));
  }

  @FieldResolver(() => [DevelopmentRecordType], { description: 'Every recorded step, oldest first.' })
  records(@Root() applicant: Applicant, @Ctx() ctx: Context): Promise<DevelopmentRecord[]> {
    return recordsOf(ctx).load(applicant.id);
  }

  @Query(() => ApplicantConnection, { description: '发展党员: applicants you may read (admins and reviewers of their branch and above), oldest application first.' })
  async applicants(
    @Arg('first', () => Int) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => ApplicantFilter, { nullable: true }) filter: ApplicantFilter | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<Applicant>> {
    const access = applicantReadFilter(ctx);
    const where: FilterQuery<Applicant>[] = access ? [access] : [];
    if (filter?.stage) where.push({ stage: filter.stage });
    if (filter?.name?.trim()) where.push({ name: { $like: `${escapeLike(filter.name.trim().slice(0, 50))}%` } });
    let planEveryTime = false;
    if (filter?.organizationId) {
      const org = await organizationById(ctx).load(expectGlobalId(filter.organizationId, 'Organization', 'organizationId'));
      where.push(org ? ({ organization: { path: { $like: `${org.path}%` } } } as FilterQuery<Applicant>) : { id: 0 });
      planEveryTime = !!org && plannedPerSubtree(org);
    }
    return listById(ctx.em, Applicant, access ? { $and: where } : null, { first, after, order: 'asc', planEveryTime });
  }

  @Query(() => [DevelopmentColumnType], { description: 'The development board of an organisation’s subtree: the open stages, each with its applicants, most urgent first.' })
  async developmentBoard(@Arg('organizationId', () => ID) organizationId: string, @Ctx() ctx: Context): Promise<DevelopmentColumnType[]> {
    const org = await organizationById(ctx).load(expectGlobalId(organizationId, 'Organization', 'organizationId'));
    const access = applicantReadFilter(ctx);
    const rows =
      org && access
        ? await ctx.em.find(Applicant, { $and: [access, { organization: { path: { $like: `${org.path}%` } } } as FilterQuery<Applicant>, { stage: { $in: [...OPEN_STAGES] } }] }, { orderBy: { stageSince: 'asc', id: 'asc' }, limit: 2000 })
        : [];
    const withDue = await Promise.all(rows.map(async (a) => ({ a, due: await dueOf(ctx, a) })));
    const urgency = (x: { due: Due | null }) => (x.due ? `${x.due.overdue ? 0 : 1}${x.due.on}` : '2');
    return OPEN_STAGES.map((stage: DevelopmentStage) => {
      const column = withDue.filter((x) => x.a.stage === stage).sort((x, y) => urgency(x).localeCompare(urgency(y)));
      return { stage, label: STAGE_LABEL[stage], totalCount: column.length, overdueCount: column.filter((x) => x.due?.overdue).length, applicants: column.slice(0, 50).map((x) => x.a) };
    });
  }

  @Mutation(() => DevelopmentStepPayload, { description: '递交入党申请书: opens a development at a 党支部 (its admins and those above).' })
  async applicantCreate(@Arg('input') input: ApplicantCreateInput, @Ctx() ctx: Context): Promise<DevelopmentStepPayload> {
    return withWarnings(async () => payload(await createApplicant(ctx.em, ctx, { ...input, organizationId: expectGlobalId(input.organizationId, 'Organization', 'organizationId') })));
  }

  @Mutation(() => DevelopmentStepPayload, {
    description: 'Records a step of 发展党员. Hard rules refuse it (userErrors with the rule and its source); soft rules let it through with warnings.',
  })
  developmentRecord(@Arg('input') input: DevelopmentStepInput, @Ctx() ctx: Context): Promise<DevelopmentStepPayload> {
    return withWarnings(async () => {
      if (input.step === 'APPLICATION') throw badInput('An application opens a development: use applicantCreate.', 'step');
      return payload(
        await recordStep(ctx.em, ctx, {
          ...input,
          step: input.step as Exclude<DevelopmentStep, 'APPLICATION'>,
          applicantId: expectGlobalId(input.applicantId, 'Applicant', 'applicantId'),
          contactIds: input.contactIds?.map((id) => expectGlobalId(id, 'Member', 'contactIds')) ?? null,
          introducerIds: input.introducerIds?.map((id) => expectGlobalId(id, 'Member', 'introducerIds')) ?? null,
          attachmentIds: input.attachmentIds?.map((id) => String(expectGlobalId(id, 'MediaFile', 'attachmentIds'))) ?? null,
          vote: input.vote ?? null,
        }),
      );
    });
  }
}

/** The development that admitted a member (培养发展), for those who read applicants. */
const developmentOfMember = defineLoader<number, Applicant | null>(async (ctx, memberIds) => {
  const access = applicantReadFilter(ctx);
  const rows = access ? await ctx.em.find(Applicant, { $and: [{ member: { $in: [...memberIds] } }, access] }) : [];
  return memberIds.map((id) => rows.find((a) => a.member?.id === id) ?? null);
});

@Resolver(() => MemberType)
export class MemberDevelopmentResolver {
  @FieldResolver(() => ApplicantType, { nullable: true, description: '培养发展: the development that admitted the member, when it was kept here (for those who read applicants).' })
  development(@Root() member: Member, @Ctx() ctx: Context): Promise<Applicant | null> {
    return developmentOfMember(ctx).load(member.id);
  }
}

@Resolver(() => DevelopmentRecordType)
export class DevelopmentRecordResolver {
  @FieldResolver(() => ID)
  id(@Root() record: DevelopmentRecord): string {
    return toGlobalId('DevelopmentRecord', record.id);
  }

  @FieldResolver(() => String)
  label(@Root() record: DevelopmentRecord): string {
    return record.step === 'APPLICATION' ? '递交入党申请书' : STEPS[record.step].label;
  }

  @FieldResolver(() => [RecordFileType], { description: 'Files kept with the step (minutes, forms).' })
  attachments(@Root() record: DevelopmentRecord, @Ctx() ctx: Context): Promise<RecordFileType[]> {
    return attachmentsOf(ctx, record.attachmentIds);
  }
}
