/**
 * The rest of organisational life kept by the platform: 谈心谈话 logged for the yearly coverage,
 * exemptions granted by the committee above (§6 a, EM 23), and an enterprise's own frequencies.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { can, requireUser, type Actor } from '../../core/authz/check.js';
import { AppError, badInput, ErrorCode, forbidden } from '../../core/graphql/errors.js';
import { plainLine, plainText } from '../../core/graphql/text-input.js';
import { recordAudit } from '../audit/audit.service.js';
import { memberReadFilter } from '../members/member.access.js';
import { Member, MemberStatus } from '../members/member.entity.js';
import { pastDate, ruleRefusal } from '../members/member.rules.js';
import { committeeAbove } from '../organizations/committee-above.js';
import { Organization } from '../organizations/organization.entity.js';
import { DEFAULT_REQUIREMENTS, type Cycle, type LifeItem } from './compliance.js';
import { HeartTalk, LifeRequirement } from './life.entity.js';
import { LifeExemption } from './meeting.entity.js';
import { manages } from './meeting.service.js';
import type { ExemptionReason } from './meeting-types.js';

async function readableMember(tx: EntityManager, actor: Actor, id: number, field: string): Promise<Member> {
  const access = memberReadFilter(actor);
  const member = access ? await tx.findOne(Member, { $and: [{ id }, access] }) : null;
  if (!member) throw new AppError(ErrorCode.NOT_FOUND, `The member (${field}) does not exist.`);
  return member;
}

export interface TalkInput {
  organizationId: number;
  byMemberId: number;
  withMemberId: number;
  talkedOn: string;
  topic: string;
}

/** Logs a 谈心谈话 in a branch: by its admins, or by the one who led the talk. */
export async function recordTalk(em: EntityManager, actor: Actor, input: TalkInput): Promise<HeartTalk> {
  const me = requireUser(actor.viewer);
  const on = pastDate(input.talkedOn, 'talkedOn');
  const topic = plainLine(input.topic, 'topic', 200, true);
  if (input.byMemberId === input.withMemberId) throw badInput('A talk is between two people.', 'withMemberId');
  return em.transactional(async (tx) => {
    const branch = await tx.findOne(Organization, { id: input.organizationId, level: 'BRANCH' });
    if (!branch) throw badInput('Talks are logged in a 党支部.', 'organizationId');
    const by = await readableMember(tx, actor, input.byMemberId, 'byMemberId');
    const withWhom = await readableMember(tx, actor, input.withMemberId, 'withMemberId');
    if (by.user?.id !== me.userId && !(await manages(tx, actor, branch.id))) throw forbidden('The branch’s admins, or the one who led the talk, log it.');
    const inBranch = await tx.count(Organization, { id: { $in: [by.organization.id, withWhom.organization.id] }, path: { $like: `${branch.path}%` } });
    const distinct = new Set([by.organization.id, withWhom.organization.id]).size;
    if (inBranch < distinct) throw badInput('Both are members of the branch.', 'withMemberId');
    const talk = tx.create(HeartTalk, { enterprise: branch.enterprise.id, organization: branch, by, with: withWhom, talkedOn: on, topic, recordedBy: me.userId } as never) as HeartTalk;
    await tx.flush();
    return talk;
  });
}

export interface ExemptionInput {
  memberId: number;
  reason: ExemptionReason;
  note?: string | null;
  startsOn: string;
  endsOn?: string | null;
}

/** The committee above a member's branch excuses them from attendance for a time. */
export async function grantExemption(em: EntityManager, actor: Actor, input: ExemptionInput): Promise<LifeExemption> {
  const me = requireUser(actor.viewer);
  const note = plainText(input.note, 'note', 300) || null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.startsOn)) throw badInput('From which day, like 2026-01-01.', 'startsOn');
  if (input.endsOn && (!/^\d{4}-\d{2}-\d{2}$/.test(input.endsOn) || input.endsOn < input.startsOn)) throw badInput('The last day comes after the first.', 'endsOn');
  return em.transactional(async (tx) => {
    const member = await readableMember(tx, actor, input.memberId, 'memberId');
    if (member.status !== MemberStatus.NORMAL) throw badInput('The member is not in good standing.', 'memberId');
    const branch = await tx.findOneOrFail(Organization, member.organization.id);
    const committee = await committeeAbove(tx, branch);
    if (!committee || !(await manages(tx, actor, committee.id))) {
      throw ruleRefusal(`不参加组织生活、不计入应到人数须经上级党组织（${committee?.name ?? '上级党委'}）同意。`, 'meetings.exemptionByCommittee', 'DOMAIN-RULES §6 a（年老体弱、患病党员；党员教育管理工作条例第二十三条）');
    }
    const exemption = tx.create(LifeExemption, { enterprise: member.enterprise.id, member, reason: input.reason, note, startsOn: input.startsOn, endsOn: input.endsOn ?? null, approvedBy: committee, recordedBy: me.userId } as never) as LifeExemption;
    recordAudit(tx, actor.viewer, { action: 'meeting.exempt', subjectType: 'Member', subjectId: member.id, organizationId: branch.id, enterpriseId: member.enterprise.id });
    await tx.flush();
    return exemption;
  });
}

const MAX_TARGET: Record<string, number> = { TALKS: 100, CLASS_HOURS: 200 };

/** An enterprise's own frequency for an item (its root committee's admins). */
export async function setRequirement(em: EntityManager, actor: Actor, organizationId: number, item: LifeItem, cycle: Cycle, target: number): Promise<LifeRequirement> {
  const me = requireUser(actor.viewer);
  if (!Number.isInteger(target) || target < 0 || target > (MAX_TARGET[item] ?? 31)) throw badInput('A whole number: meetings per cycle, per cent for 谈心谈话, hours for 学时 (0 switches the item off).', 'target');
  if ((item === 'TALKS' || item === 'CLASS_HOURS') && cycle !== 'YEAR') throw badInput('Coverage and hours are counted per year.', 'cycle');
  if (!DEFAULT_REQUIREMENTS.some((d) => d.item === item)) throw badInput('Not an item of the compliance calendar.', 'item');
  return em.transactional(async (tx) => {
    const root = await tx.findOne(Organization, { id: organizationId, parent: null });
    if (!root || !(await can(tx, actor, 'manageOrganizationalLife', Organization, 'Organization', root.id))) throw forbidden('The enterprise’s root committee sets its compliance calendar.');
    const existing = await tx.findOne(LifeRequirement, { enterprise: root.enterprise.id, item });
    const row = existing ?? (tx.create(LifeRequirement, { enterprise: root.enterprise.id, item, cycle, target } as never) as LifeRequirement);
    Object.assign(row, { cycle, target, setBy: me.userId });
    recordAudit(tx, actor.viewer, { action: 'meeting.requirement', subjectType: 'LifeRequirement', subjectId: item, organizationId: root.id, enterpriseId: root.enterprise.id });
    await tx.flush();
    return row;
  });
}
