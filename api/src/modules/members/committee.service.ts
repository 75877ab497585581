/**
 * 支委会 and its terms: recording an election (the term's start and length) and the posts members
 * hold. Who may stand is a rule: only 正式党员 in good standing (DOMAIN-RULES §1 a).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertCan, requireUser, type Actor } from '../../core/authz/check.js';
import { AppError, badInput, conflict, ErrorCode } from '../../core/graphql/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { Organization } from '../organizations/organization.entity.js';
import { CommitteePost, CommitteeTerm, MemberPost } from './committee.entity.js';
import { memberReadFilter } from './member.access.js';
import { underProbation } from './history.service.js';
import { MemberCategory, MemberStatus } from './member.entity.js';
import { pastDate, ruleRefusal, uniqueViolation } from './member.rules.js';
import { loadManageable } from './member.service.js';

const TERM_SOURCE = 'DOMAIN-RULES §1 a, 党章; 基层组织选举工作条例';

async function committeeOrganization(tx: EntityManager, actor: Actor, organizationId: number, post: CommitteePost | null = null): Promise<Organization> {
  await assertCan(tx, actor, 'manageMemberRecords', Organization, 'Organization', organizationId, 'The organisation');
  const org = await tx.findOneOrFail(Organization, organizationId);
  // A 党小组 has a 组长 and no committee; the 组长 is a post of a 党小组 only.
  if (org.level === 'GROUP' && post !== CommitteePost.GROUP_LEADER) throw badInput('A Party group (党小组) has a 组长, not a committee.', 'organizationId');
  if (org.level !== 'GROUP' && post === CommitteePost.GROUP_LEADER) throw badInput('A 组长 leads a 党小组.', 'organizationId');
  if (org.archivedAt) throw conflict('The organisation is archived.', 'organizationId');
  return org;
}

/** Records an election: the committee's new term starts on `electedOn` for `termYears` years. */
export async function recordCommitteeTerm(em: EntityManager, actor: Actor, input: { organizationId: number; electedOn: string; termYears: number }): Promise<CommitteeTerm> {
  const me = requireUser(actor.viewer);
  const electedOn = pastDate(input.electedOn, 'electedOn');
  if (!Number.isInteger(input.termYears) || input.termYears < 3 || input.termYears > 5) {
    throw ruleRefusal('A committee’s term is 3 to 5 years (村/社区 branches 5, others generally 3).', 'committee.termYears', TERM_SOURCE);
  }
  try {
    return await em.transactional(async (tx) => {
      const org = await committeeOrganization(tx, actor, input.organizationId);
      const term = tx.create(CommitteeTerm, { enterprise: org.enterprise.id, organization: org.id, electedOn, termYears: input.termYears, recordedBy: me.userId });
      await tx.flush();
      recordAudit(tx, actor.viewer, { action: 'committee.term', subjectType: 'Organization', subjectId: org.id, organizationId: org.id, enterpriseId: org.enterprise.id, details: { electedOn, termYears: input.termYears } });
      await tx.flush();
      return term;
    });
  } catch (error) {
    if (uniqueViolation(error, 'committee_term_unique')) throw conflict('An election on that day is recorded already.', 'electedOn');
    throw error;
  }
}

/** A member takes a post in the committee of their branch or of an organisation above it. */
export async function assignPost(em: EntityManager, actor: Actor, input: { memberId: number; organizationId: number; post: CommitteePost; startedOn: string }): Promise<MemberPost> {
  requireUser(actor.viewer);
  const startedOn = pastDate(input.startedOn, 'startedOn');
  try {
    return await em.transactional(async (tx) => {
      const member = await loadManageable(tx, actor, input.memberId);
      const org = await committeeOrganization(tx, actor, input.organizationId, input.post);
      const home = await tx.findOneOrFail(Organization, member.organization.id);
      if (!home.path.startsWith(org.path)) throw badInput('A member sits on the committee of their own branch or of an organisation above it.', 'organizationId');
      if (member.category !== MemberCategory.FULL || member.status !== MemberStatus.NORMAL) {
        throw ruleRefusal('Only 正式党员 in good standing may be elected to a committee: not 预备党员, nor members whose 党籍 is stopped.', 'committee.fullMembersOnly', 'DOMAIN-RULES §1 a, 基层组织选举工作条例');
      }
      if (await underProbation(tx, member.id, startedOn)) {
        throw ruleRefusal('A member under 留党察看 may not vote or stand until their rights are restored.', 'committee.notUnderProbation', 'DOMAIN-RULES §1 a, 基层组织选举工作条例');
      }
      const post = tx.create(MemberPost, { enterprise: org.enterprise.id, member: member.id, organization: org.id, post: input.post, startedOn });
      await tx.flush();
      recordAudit(tx, actor.viewer, { action: 'committee.postAssign', subjectType: 'Member', subjectId: member.id, organizationId: org.id, enterpriseId: org.enterprise.id, details: { post: input.post, startedOn } });
      await tx.flush();
      return post;
    });
  } catch (error) {
    if (uniqueViolation(error, 'member_post_one_secretary')) throw conflict('The organisation has a 书记 already: end that post first.', 'post');
    if (uniqueViolation(error, 'member_post_one_group_leader')) throw conflict('The 党小组 has a 组长 already: end that post first.', 'post');
    if (uniqueViolation(error, 'member_post_held_once')) throw conflict('The member holds that post already.', 'post');
    throw error;
  }
}

/** Ends a post on a day (kept as history). */
export async function endPost(em: EntityManager, actor: Actor, postId: number, endedOn: string): Promise<MemberPost> {
  requireUser(actor.viewer);
  const day = pastDate(endedOn, 'endedOn');
  return em.transactional(async (tx) => {
    const access = memberReadFilter(actor);
    const post = access ? await tx.findOne(MemberPost, { id: postId, member: access }) : null;
    if (!post) throw new AppError(ErrorCode.NOT_FOUND, 'The post does not exist.');
    await assertCan(tx, actor, 'manageMemberRecords', Organization, 'Organization', post.organization.id, 'The post');
    if (post.endedOn) throw conflict('The post has ended already.', 'id');
    if (day < post.startedOn) throw badInput('A post ends after it starts.', 'endedOn');
    post.endedOn = day;
    recordAudit(tx, actor.viewer, { action: 'committee.postEnd', subjectType: 'Member', subjectId: post.member.id, organizationId: post.organization.id, enterpriseId: post.enterprise.id, details: { post: post.post, endedOn: day } });
    await tx.flush();
    return post;
  });
}
