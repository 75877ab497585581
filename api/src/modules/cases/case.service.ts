/**
 * 经验交流: experience cases on the common content workflow, plus what members do with them —
 * comments (moderated), likes, adoptions by other organisations — and featuring (优秀案例) by a
 * level above the owner. Counters move in the transaction that writes the row they count.
 */
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertCan, requireUser, type Actor } from '../../core/authz/check.js';
import { badInput, conflict, notFound } from '../../core/graphql/errors.js';
import { plainText } from '../../core/graphql/text-input.js';
import { recordAudit } from '../audit/audit.service.js';
import { Content } from '../content/content.entity.js';
import { ContentKind, ContentStatus } from '../content/content-enums.js';
import { createContent, updateContent, type ContentFields } from '../content/content.service.js';
import { MAX_BODY_CHARS, sanitiseRichText } from '../content/sanitize.js';
import { User } from '../identity/user.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { CaseAdoption, CaseComment, CaseFeature, ExperienceCase } from './case.entity.js';

export interface CaseSections {
  backgroundHtml?: string | null;
  practiceHtml?: string | null;
  resultsHtml?: string | null;
}

const SECTIONS = [
  ['backgroundHtml', '背景'],
  ['practiceHtml', '做法'],
  ['resultsHtml', '成效'],
] as const;

const MAX_COMMENT = 1000;
const MAX_NOTE = 1000;

export function sanitiseSections(input: CaseSections, current?: ExperienceCase): Required<{ [K in keyof CaseSections]: string }> {
  const out = {} as Record<keyof CaseSections, string>;
  for (const [key] of SECTIONS) {
    const raw = input[key];
    if (raw == null) {
      out[key] = current?.[key] ?? '';
      continue;
    }
    if (raw.length > MAX_BODY_CHARS / 3) throw badInput(`Each section must be at most ${Math.floor(MAX_BODY_CHARS / 3)} characters of HTML.`, key);
    out[key] = sanitiseRichText(raw).html;
  }
  return out;
}

/** The body every kind has (search, snippets, plain readers): the three sections under their headings. */
export const composeBody = (s: Record<keyof CaseSections, string>) => SECTIONS.filter(([key]) => s[key]).map(([key, heading]) => `<h2>${heading}</h2>${s[key]}`).join('');

export async function createCase(em: EntityManager, actor: Actor, input: ContentFields & CaseSections & { organizationId: number; title: string }): Promise<Content> {
  const sections = sanitiseSections(input);
  return em.transactional(async (tx) => {
    const content = await createContent(tx, actor, ContentKind.CASE, { ...input, bodyHtml: composeBody(sections) });
    tx.create(ExperienceCase, { content, enterprise: content.enterprise, ...sections });
    await tx.flush();
    return content;
  });
}

export async function updateCase(em: EntityManager, actor: Actor, id: string, input: ContentFields & CaseSections & { expectedVersion?: number | null }): Promise<Content> {
  return em.transactional(async (tx) => {
    const row = await tx.findOneOrFail(ExperienceCase, { content: id });
    const changed = SECTIONS.some(([key]) => input[key] != null);
    const sections = sanitiseSections(input, row);
    // updateContent authorises the edit before anything is written.
    const content = await updateContent(tx, actor, id, { ...input, ...(changed ? { bodyHtml: composeBody(sections) } : {}) });
    if (changed) tx.assign(row, sections);
    await tx.flush();
    return content;
  });
}

/** Comments, likes and adoptions are for published cases only. */
async function publishedCase(tx: EntityManager, id: string): Promise<Content> {
  const content = await tx.findOneOrFail(Content, id);
  if (content.status !== ContentStatus.PUBLISHED) throw conflict('The case is not published: comments, likes and adoptions are closed.');
  return content;
}

/** Any signed-in user who may read the case (the resolver checked that) comments on it. */
export async function commentOnCase(em: EntityManager, actor: Actor, caseId: string, body: string): Promise<CaseComment> {
  const me = requireUser(actor.viewer);
  const text = plainText(body, 'body', MAX_COMMENT, true);
  return em.transactional(async (tx) => {
    const content = await publishedCase(tx, caseId);
    const comment = tx.create(CaseComment, { content: caseId, enterprise: content.enterprise, author: me.userId, body: text });
    await tx.flush();
    await tx.execute('update experience_case set comment_count = comment_count + 1 where content_id = ?', [caseId]);
    return comment;
  });
}

/** Hides (or restores) a comment, with the reason recorded; for the owner's reviewers and admins. */
export async function moderateComment(em: EntityManager, actor: Actor, commentId: string, hide: boolean, reason: string | null | undefined): Promise<CaseComment> {
  const me = requireUser(actor.viewer);
  return em.transactional(async (tx) => {
    const comment = await tx.findOne(CaseComment, commentId, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!comment) throw notFound('The comment does not exist.');
    await assertCan(tx, actor, 'moderate', Content, 'Content', comment.content.id, 'The comment');
    const why = plainText(reason, 'reason', 500, true);
    if (hide === (comment.hiddenAt !== null)) throw conflict(hide ? 'The comment is hidden already.' : 'The comment is not hidden.');
    comment.hiddenAt = hide ? new Date() : null;
    comment.hiddenReason = why;
    comment.moderatedBy = tx.getReference(User, me.userId, { wrapped: true });
    await tx.flush();
    await tx.execute(`update experience_case set comment_count = comment_count ${hide ? '-' : '+'} 1 where content_id = ?`, [comment.content.id]);
    const owner = await tx.findOneOrFail(Content, comment.content.id);
    recordAudit(tx, actor.viewer, {
      action: hide ? 'comment.hide' : 'comment.restore',
      subjectType: 'CaseComment',
      subjectId: comment.id,
      organizationId: owner.organization.id,
      enterpriseId: owner.enterprise.id,
      details: { reason: why, contentId: owner.id },
    });
    await tx.flush();
    return comment;
  });
}

/**
 * Likes or unlikes once: the row's primary key decides between concurrent clicks, and only the
 * click that changed the row moves the counter. Returns the new count.
 */
export async function setLike(em: EntityManager, actor: Actor, caseId: string, liked: boolean): Promise<number> {
  const me = requireUser(actor.viewer);
  return em.transactional(async (tx) => {
    await publishedCase(tx, caseId);
    const changed = liked
      ? await tx.execute('insert into content_like (enterprise_id, content_id, user_id) select enterprise_id, id, ? from content where id = ? on conflict do nothing returning content_id', [me.userId, caseId])
      : await tx.execute('delete from content_like where content_id = ? and user_id = ? returning content_id', [caseId, me.userId]);
    if (changed.length === 0) throw conflict(liked ? 'You like this case already.' : 'You have not liked this case.');
    const [row] = await tx.execute<{ like_count: number }[]>(`update experience_case set like_count = like_count ${liked ? '+' : '-'} 1 where content_id = ? returning like_count`, [caseId]);
    return row!.like_count;
  });
}

/** Records that an organisation adopted the case's practice; editors and admins at or above it. */
export async function adoptCase(em: EntityManager, actor: Actor, caseId: string, organizationId: number, note: string): Promise<CaseAdoption> {
  const me = requireUser(actor.viewer);
  const text = plainText(note, 'note', MAX_NOTE, true);
  return em.transactional(async (tx) => {
    await assertCan(tx, actor, 'createContent', Organization, 'Organization', organizationId, 'The organisation');
    const content = await publishedCase(tx, caseId);
    if (content.organization.id === organizationId) throw badInput('An organisation cannot adopt its own case.', 'organizationId');
    const [inserted] = await tx.execute<{ id: string }[]>(
      'insert into case_adoption (enterprise_id, content_id, organization_id, note, adopted_by_id) values (?, ?, ?, ?, ?) on conflict do nothing returning id',
      [content.enterprise.id, caseId, organizationId, text, me.userId],
    );
    if (!inserted) throw conflict('That organisation has adopted this case already.', 'organizationId');
    await tx.execute('update experience_case set adoption_count = adoption_count + 1 where content_id = ?', [caseId]);
    recordAudit(tx, actor.viewer, { action: 'case.adopt', subjectType: 'Content', subjectId: caseId, organizationId, enterpriseId: content.enterprise.id, details: { adoptionId: inserted.id } });
    await tx.flush();
    return tx.findOneOrFail(CaseAdoption, inserted.id);
  });
}

/** Withdraws an adoption record; editors and admins at or above the adopting organisation. */
export async function withdrawAdoption(em: EntityManager, actor: Actor, adoptionId: string): Promise<CaseAdoption> {
  requireUser(actor.viewer);
  return em.transactional(async (tx) => {
    const adoption = await tx.findOne(CaseAdoption, adoptionId);
    if (!adoption) throw notFound('The adoption does not exist.');
    await assertCan(tx, actor, 'createContent', Organization, 'Organization', adoption.organization.id, 'The adoption');
    const deleted = await tx.execute('delete from case_adoption where id = ? returning id', [adoptionId]);
    if (deleted.length) await tx.execute('update experience_case set adoption_count = adoption_count - 1 where content_id = ?', [adoption.content.id]);
    return adoption;
  });
}

/** 优秀案例: features (or stops featuring) a published case at an organisation strictly above its owner. */
export async function featureCase(em: EntityManager, actor: Actor, caseId: string, organizationId: number, featured: boolean): Promise<Content> {
  const me = requireUser(actor.viewer);
  return em.transactional(async (tx) => {
    await assertCan(tx, actor, 'decideRecommendations', Organization, 'Organization', organizationId, 'The organisation');
    const content = await tx.findOneOrFail(Content, caseId);
    const [level, owner] = await Promise.all([tx.findOneOrFail(Organization, organizationId), tx.findOneOrFail(Organization, content.organization.id)]);
    if (owner.path === level.path || !owner.path.startsWith(level.path)) throw badInput('A case is featured by an organisation above its owner.', 'organizationId');
    if (featured) {
      if (content.status !== ContentStatus.PUBLISHED) throw conflict('Only published cases can be featured.');
      const inserted = await tx.execute('insert into case_feature (enterprise_id, content_id, organization_id, featured_by_id) values (?, ?, ?, ?) on conflict do nothing returning content_id', [content.enterprise.id, caseId, organizationId, me.userId]);
      if (!inserted.length) throw conflict('The case is featured there already.');
    } else {
      const deleted = await tx.nativeDelete(CaseFeature, { content: caseId, organization: organizationId });
      if (!deleted) throw conflict('The case is not featured there.');
    }
    recordAudit(tx, actor.viewer, { action: featured ? 'case.feature' : 'case.unfeature', subjectType: 'Content', subjectId: caseId, organizationId, enterpriseId: content.enterprise.id });
    await tx.flush();
    return content;
  });
}
