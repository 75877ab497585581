/**
 * 党务公开 on the common content workflow: 提出 (create, submit) → 审核 (a reviewer's secrecy
 * review, recorded) → 审批 (an admin approves; the disclosure is published, 实施) — plus the
 * public-notice window (公示) and the feedback received during it.
 */
import { emit } from '../../core/events/bus.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertCan, requireUser, type Actor } from '../../core/authz/check.js';
import { countAuthorised } from '../../core/authz/queries.js';
import { AppError, ErrorCode, badInput, conflict, notFound } from '../../core/graphql/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { Content, ContentTarget } from '../content/content.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { ContentKind, ContentStatus, Visibility } from '../content/content-enums.js';
import { createContent, publicationTime, transition, updateContent, type ContentFields } from '../content/content.service.js';
import { DisclosureCategory, DisclosureScope, DisclosureStep } from './disclosure-enums.js';
import { Disclosure, DisclosureFeedback } from './disclosure.entity.js';
import { optionalLine, plainText } from '../../core/graphql/text-input.js';
import { announceFeedback } from './disclosure.notifications.js';

export const VISIBILITY_OF: Record<DisclosureScope, Visibility> = {
  SOCIETY: Visibility.PUBLIC,
  WHOLE_ENTERPRISE: Visibility.ENTERPRISE,
  OWN_ORG_SUBTREE: Visibility.ORGANIZATION,
  TARGETED: Visibility.TARGETED,
};

const MAX_TARGETS = 50;

/**
 * The organisations a TARGETED disclosure is addressed to: 1–50 existing, active organisations of
 * the owner's enterprise. Other scopes have none.
 */
async function setTargets(tx: EntityManager, content: Content, scope: DisclosureScope, targetIds: number[] | null | undefined): Promise<void> {
  const ids = [...new Set(targetIds ?? [])];
  if (scope !== DisclosureScope.TARGETED) {
    if (ids.length) throw badInput('Target organisations go with scope TARGETED only.', 'targetOrganizationIds');
    await tx.nativeDelete(ContentTarget, { content: content.id });
    return;
  }
  if (ids.length === 0 || ids.length > MAX_TARGETS) throw badInput(`Name 1–${MAX_TARGETS} organisations for a TARGETED disclosure.`, 'targetOrganizationIds');
  const orgs = await tx.find(Organization, { id: { $in: ids }, enterprise: content.enterprise.id, archivedAt: null });
  if (orgs.length !== ids.length) throw badInput('Every target must be an active organisation of the same enterprise.', 'targetOrganizationIds');
  await tx.nativeDelete(ContentTarget, { content: content.id });
  for (const org of orgs) tx.create(ContentTarget, { content, enterprise: content.enterprise, organization: org });
}

const MAX_NOTICE_DAYS = 90;
const MAX_FEEDBACK_CHARS = 2000;

export interface NoticeWindow {
  noticeStartsAt?: Date | null;
  noticeEndsAt?: Date | null;
}

function checkWindow(window: NoticeWindow): { start: Date | null; end: Date | null } {
  const start = window.noticeStartsAt ?? null;
  const end = window.noticeEndsAt ?? null;
  if ((start === null) !== (end === null)) throw badInput('A notice needs both a start and an end.', start ? 'noticeEndsAt' : 'noticeStartsAt');
  if (start && end) {
    if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) throw badInput('Not a valid time.', 'noticeStartsAt');
    if (end <= start) throw badInput('A notice must end after it starts.', 'noticeEndsAt');
    if (end.getTime() - start.getTime() > MAX_NOTICE_DAYS * 86_400_000) throw badInput(`A notice lasts at most ${MAX_NOTICE_DAYS} days.`, 'noticeEndsAt');
  }
  return { start, end };
}

export async function createDisclosure(
  em: EntityManager,
  actor: Actor,
  input: ContentFields & NoticeWindow & { organizationId: number; title: string; category: DisclosureCategory; scope: DisclosureScope; targetOrganizationIds?: number[] | null },
): Promise<Content> {
  const window = checkWindow(input);
  return em.transactional(async (tx) => {
    const content = await createContent(tx, actor, ContentKind.DISCLOSURE, { ...input, visibility: VISIBILITY_OF[input.scope] });
    tx.create(Disclosure, { content, enterprise: content.enterprise, category: input.category, scope: input.scope, step: DisclosureStep.PROPOSED, noticeStartsAt: window.start, noticeEndsAt: window.end });
    await setTargets(tx, content, input.scope, input.targetOrganizationIds);
    await tx.flush();
    return content;
  });
}

/**
 * A notice that a recorded decision has already authorised (a 支委会 naming a 发展对象, a 转正
 * application): created by the decision's recorder, marked reviewed and approved by that
 * decision, and published at once (or, entered from the records, when it was held). The calling
 * module has authorised the decision; the content rules still require the recorder to write for
 * the organisation.
 */
export async function publishDecisionNotice(
  em: EntityManager,
  actor: Actor,
  input: { organizationId: number; title: string; bodyHtml: string; scope: DisclosureScope; noticeStartsAt: Date; noticeEndsAt: Date; decision: string },
): Promise<Content> {
  const me = requireUser(actor.viewer);
  const now = new Date();
  const created = await createDisclosure(em, actor, { ...input, category: DisclosureCategory.ORGANIZATION_BUILDING });
  return transition(
    em,
    actor,
    String(created.id),
    'edit',
    async (content, tx) => {
      const disclosure = await tx.findOneOrFail(Disclosure, { content: content.id });
      tx.assign(disclosure, { step: DisclosureStep.APPROVED, secrecyReviewer: me.userId, secrecyReviewedAt: now, secrecyConclusion: `依据${input.decision}公示`, approver: me.userId, approvedAt: now });
      content.status = ContentStatus.PUBLISHED;
      // A notice entered from the records was published when it was held.
      content.publishedAt = input.noticeStartsAt < now ? input.noticeStartsAt : now;
    },
    'publishDecisionNotice',
    { decision: input.decision },
  );
}

/** Edits while DRAFT or REJECTED (the content rules decide who may), category and scope included. */
export async function updateDisclosure(
  em: EntityManager,
  actor: Actor,
  id: string,
  input: ContentFields &
    NoticeWindow & { category?: DisclosureCategory | null; scope?: DisclosureScope | null; targetOrganizationIds?: number[] | null; expectedVersion?: number | null },
): Promise<Content> {
  return em.transactional(async (tx) => {
    const content = await updateContent(tx, actor, id, { ...input, visibility: input.scope ? VISIBILITY_OF[input.scope] : null });
    const disclosure = await tx.findOneOrFail(Disclosure, { content: id });
    if (input.category) disclosure.category = input.category;
    if (input.scope) disclosure.scope = input.scope;
    if (input.scope || input.targetOrganizationIds) await setTargets(tx, content, disclosure.scope, input.targetOrganizationIds ?? (await currentTargets(tx, id)));
    if (input.noticeStartsAt !== undefined || input.noticeEndsAt !== undefined) {
      const window = checkWindow({ noticeStartsAt: input.noticeStartsAt ?? disclosure.noticeStartsAt, noticeEndsAt: input.noticeEndsAt ?? disclosure.noticeEndsAt });
      disclosure.noticeStartsAt = window.start;
      disclosure.noticeEndsAt = window.end;
    }
    disclosure.step = DisclosureStep.PROPOSED;
    await tx.flush();
    return content;
  });
}

/** 审核: the reviewer records the secrecy review. Not cleared means rejected, with the conclusion as reason. */
export function reviewDisclosure(em: EntityManager, actor: Actor, id: string, input: { secrecyCleared: boolean; conclusion: string }): Promise<Content> {
  const me = requireUser(actor.viewer);
  const conclusion = plainText(input.conclusion, 'conclusion', 500, true);
  return transition(
    em,
    actor,
    id,
    'review',
    async (content, tx) => {
      const disclosure = await tx.findOneOrFail(Disclosure, { content: id });
      if (disclosure.step !== DisclosureStep.PROPOSED) throw conflict('This disclosure has been reviewed already.');
      tx.assign(disclosure, { secrecyReviewer: me.userId, secrecyReviewedAt: new Date(), secrecyConclusion: conclusion });
      if (input.secrecyCleared) {
        disclosure.step = DisclosureStep.REVIEWED;
      } else {
        content.status = ContentStatus.REJECTED;
        content.rejectionReason = conclusion;
      }
    },
    'secrecyReview',
    { cleared: input.secrecyCleared, conclusion },
  );
}

/** 审批 → 实施: an admin approves a reviewed disclosure; it is published now or at `publishAt`. */
export function approveDisclosure(em: EntityManager, actor: Actor, id: string, publishAt?: Date | null): Promise<Content> {
  const me = requireUser(actor.viewer);
  const at = publicationTime(publishAt);
  return transition(
    em,
    actor,
    id,
    'approveDisclosure',
    async (content, tx) => {
      const disclosure = await tx.findOneOrFail(Disclosure, { content: id });
      if (disclosure.step !== DisclosureStep.REVIEWED) throw conflict('A disclosure is approved after its secrecy review.');
      tx.assign(disclosure, { step: DisclosureStep.APPROVED, approver: me.userId, approvedAt: new Date() });
      content.status = ContentStatus.PUBLISHED;
      content.publishedAt = at;
    },
    'approve',
    { publishAt: at.toISOString() },
  );
}

async function currentTargets(tx: EntityManager, id: string): Promise<number[]> {
  return (await tx.find(ContentTarget, { content: id })).map((t) => t.organization.id);
}

export function noticeOpen(disclosure: Disclosure, now = new Date()): boolean {
  return !!disclosure.noticeStartsAt && !!disclosure.noticeEndsAt && disclosure.noticeStartsAt <= now && now < disclosure.noticeEndsAt;
}

/**
 * Feedback on a notice, only while its window is open: anonymous visitors on notices to society,
 * signed-in readers on internal ones. Plain text only.
 */
export async function leaveFeedback(
  em: EntityManager,
  actor: Actor,
  id: string,
  input: { body: string; authorName?: string | null; contact?: string | null },
): Promise<DisclosureFeedback> {
  const body = plainText(input.body, 'body', MAX_FEEDBACK_CHARS, true);
  const authorName = optionalLine(input.authorName, 'authorName', 50);
  const contact = optionalLine(input.contact, 'contact', 100);
  return em.transactional(async (tx) => {
    if (!(await countAuthorised({ em: tx, ability: actor.ability }, Content, 'Content', { id, kind: ContentKind.DISCLOSURE }))) {
      throw notFound('The disclosure does not exist.');
    }
    const disclosure = await tx.findOneOrFail(Disclosure, { content: id });
    if (!noticeOpen(disclosure)) throw conflict('Feedback is received only while the notice is open.', 'body');
    if (actor.viewer.kind !== 'user' && disclosure.scope !== DisclosureScope.SOCIETY) {
      throw new AppError(ErrorCode.UNAUTHENTICATED, 'Sign in to give feedback on an internal notice.');
    }
    const feedback = tx.create(DisclosureFeedback, {
      content: id,
      enterprise: disclosure.enterprise,
      author: actor.viewer.kind === 'user' ? actor.viewer.userId : null,
      authorName,
      contact,
      body,
      ip: actor.viewer.ip,
    });
    await tx.flush();
    await announceFeedback(tx, id, body);
    await emit(tx, { type: 'disclosure.feedbackReceived', id, feedbackId: String(feedback.id), enterpriseId: disclosure.enterprise.id });
    return feedback;
  });
}

/** The owner's reviewers and admins answer feedback; the reply is recorded and audited. */
export async function replyToFeedback(em: EntityManager, actor: Actor, feedbackId: string, reply: string): Promise<DisclosureFeedback> {
  const me = requireUser(actor.viewer);
  const text = plainText(reply, 'reply', MAX_FEEDBACK_CHARS, true);
  return em.transactional(async (tx) => {
    const feedback = await tx.findOne(DisclosureFeedback, feedbackId);
    if (!feedback) throw notFound('The feedback does not exist.');
    await assertCan(tx, actor, 'readFeedback', Content, 'Content', String(feedback.content.id), 'The feedback');
    tx.assign(feedback, { reply: text, repliedBy: me.userId, repliedAt: new Date() });
    const content = await tx.findOneOrFail(Content, feedback.content.id);
    recordAudit(tx, actor.viewer, { action: 'disclosure.feedbackReply', subjectType: 'DisclosureFeedback', subjectId: feedbackId, organizationId: content.organization.id, enterpriseId: content.enterprise.id });
    await tx.flush();
    return feedback;
  });
}

/** A member confirms reading an internal disclosure they may read. Idempotent. */
export async function confirmRead(em: EntityManager, actor: Actor, id: string): Promise<void> {
  const me = requireUser(actor.viewer);
  if (!(await countAuthorised({ em, ability: actor.ability }, Content, 'Content', { id, kind: ContentKind.DISCLOSURE, status: ContentStatus.PUBLISHED }))) {
    throw notFound('The disclosure does not exist.');
  }
  const disclosure = await em.findOneOrFail(Disclosure, { content: id });
  if (disclosure.scope === DisclosureScope.SOCIETY) throw conflict('Read receipts are kept for internal disclosures only.');
  await em.execute('insert into disclosure_read (enterprise_id, content_id, user_id) select enterprise_id, id, ? from content where id = ? on conflict do nothing', [me.userId, id]);
}

/**
 * How far an internal disclosure reached: members who confirmed reading it, out of the members
 * it is addressed to (memberships in the owner's subtree, or anywhere in the enterprise).
 */
export async function reachOf(em: EntityManager, id: string): Promise<{ confirmed: number; eligible: number } | null> {
  const [row] = await em.execute<{ scope: DisclosureScope; path: string; enterprise_id: number }[]>(
    `select d.scope, o.path, c.enterprise_id from disclosure d join content c on c.id = d.content_id join organization o on o.id = c.organization_id where d.content_id = ?`,
    [id],
  );
  if (!row || row.scope === DisclosureScope.SOCIETY) return null;
  const audience =
    row.scope === DisclosureScope.OWN_ORG_SUBTREE
      ? { sql: `o.path like ? and o.archived_at is null`, params: [`${row.path}%`] }
      : row.scope === DisclosureScope.TARGETED
        ? {
            sql: `o.archived_at is null and exists (select 1 from content_target t join organization target on target.id = t.organization_id
                    where t.content_id = ? and o.path like target.path || '%')`,
            params: [id],
          }
        : { sql: `m.enterprise_id = ? and o.archived_at is null`, params: [row.enterprise_id] };
  const [counts] = await em.execute<{ eligible: number; confirmed: number }[]>(
    `with audience as (select distinct m.user_id from membership m join organization o on o.id = m.organization_id where ${audience.sql})
     select (select count(*) from audience)::int as eligible,
            (select count(*) from disclosure_read r where r.content_id = ? and r.user_id in (select user_id from audience))::int as confirmed`,
    [...audience.params, id],
  );
  return counts ?? { eligible: 0, confirmed: 0 };
}
