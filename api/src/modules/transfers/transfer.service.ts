/**
 * Keeping transfers: the application (by the member or their branch), then each action of the
 * state machine (states.ts) — authorised on its side, written with its step, audit event and
 * notifications in one transaction. The letter's number comes from an atomic counter; the member,
 * their dues and their record move only when the receiving side receives.
 */
import { LockMode } from '@mikro-orm/core';
import { emit } from '../../core/events/bus.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { can, requireUser, type Actor } from '../../core/authz/check.js';
import { AppError, badInput, conflict, ErrorCode } from '../../core/graphql/errors.js';
import { plainLine, plainText } from '../../core/graphql/text-input.js';
import { recordAudit } from '../audit/audit.service.js';
import { paidUpToOf } from '../dues/dues.service.js';
import { localRuleValue } from '../local-rules/local-rules.service.js';
import { memberReadFilter } from '../members/member.access.js';
import { Member, MemberStatus, MemberStatusChange } from '../members/member.entity.js';
import { chinaToday, ruleRefusal, uniqueViolation } from '../members/member.rules.js';
import { committeeAbove } from '../organizations/committee-above.js';
import { Organization } from '../organizations/organization.entity.js';
import { ACTIONS, statusOn, TransferAction, TransferReach, TransferStatus, type Side } from './states.js';
import { transferReadFilter } from './transfer.access.js';
import { Transfer, TransferStep } from './transfer.entity.js';
import { LETTER_VALIDITY_DAYS } from './transfer.local-rules.js';
import { adminsAbove } from '../identity/admins-above.js';
import { DECIDED, INCOMING, LETTER_ISSUED, notify, transferLink, WAITING } from './transfer.notifications.js';

const SOURCE = 'DOMAIN-RULES §4, 党员教育管理工作条例第二十五条';
const daysLater = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export interface ApplyInput {
  memberId: number;
  reach: TransferReach;
  toOrganizationId?: number | null;
  destination?: string | null;
  reason: string;
}

/** The branch a member belongs to (a Party group's branch is its parent). */
async function branchOf(tx: EntityManager, organizationId: number): Promise<Organization> {
  const org = await tx.findOneOrFail(Organization, organizationId);
  return org.level === 'GROUP' && org.parent ? tx.findOneOrFail(Organization, org.parent.id) : org;
}

async function destinationOf(tx: EntityManager, member: Member, input: ApplyInput): Promise<{ to: Organization | null; destination: string | null }> {
  if (input.reach === TransferReach.EXTERNAL) {
    if (input.toOrganizationId) throw badInput('A transfer off the platform names its destination in words.', 'toOrganizationId');
    return { to: null, destination: plainLine(input.destination, 'destination', 200, true) };
  }
  if (!input.toOrganizationId) throw badInput('Choose the receiving 党支部.', 'toOrganizationId');
  if (input.destination) throw badInput('A destination in words is for transfers off the platform.', 'destination');
  const to = await tx.findOne(Organization, input.toOrganizationId);
  if (!to || to.archivedAt) throw badInput('The receiving organisation does not exist.', 'toOrganizationId');
  if (to.level !== 'BRANCH' && to.level !== 'GROUP') throw badInput('A member is received by a 党支部 or a 党小组.', 'toOrganizationId');
  if (to.id === member.organization.id) throw badInput('The member belongs there already.', 'toOrganizationId');
  const same = to.enterprise.id === member.enterprise.id;
  if (input.reach === TransferReach.INTERNAL && !same) throw badInput('That organisation belongs to another enterprise: the reach is PLATFORM.', 'reach');
  if (input.reach === TransferReach.PLATFORM && same) throw badInput('That organisation belongs to the same enterprise: the reach is INTERNAL.', 'reach');
  return { to, destination: null };
}

function step(tx: EntityManager, transfer: Transfer, action: TransferAction | 'APPLY', userId: number, opinion: string | null = null): void {
  tx.create(TransferStep, { enterprise: transfer.enterprise.id, transfer, action, status: transfer.status, opinion, by: userId } as never);
}

/** 申请转接: by the member, or by the admins of their branch and above. */
export async function applyTransfer(em: EntityManager, actor: Actor, input: ApplyInput): Promise<Transfer> {
  const me = requireUser(actor.viewer);
  const reason = plainText(input.reason, 'reason', 500, true);
  try {
    return await em.transactional(async (tx) => {
      const access = memberReadFilter(actor);
      const member = access ? await tx.findOne(Member, { $and: [{ id: input.memberId }, access] }) : null;
      if (!member) throw new AppError(ErrorCode.NOT_FOUND, 'The member record does not exist.');
      const own = member.user?.id === me.userId;
      if (!own && !(await can(tx, actor, 'manageMemberRecords', Organization, 'Organization', member.organization.id))) {
        throw new AppError(ErrorCode.FORBIDDEN, 'A transfer is applied for by the member or by the admins of their branch.');
      }
      if (member.status !== MemberStatus.NORMAL) {
        throw ruleRefusal('只有党籍状态正常的党员才能办理组织关系转接。', 'transfer.memberInGoodStanding', SOURCE);
      }
      const branch = await branchOf(tx, member.organization.id);
      const committee = await committeeAbove(tx, branch);
      if (!committee) throw badInput('The member’s branch has no 党委 above it to issue the letter.', 'memberId');
      const { to, destination } = await destinationOf(tx, member, input);
      const transfer = tx.create(Transfer, {
        enterprise: member.enterprise.id,
        member,
        fromOrganization: member.organization.id,
        sendingCommittee: committee,
        reach: input.reach,
        toOrganization: to,
        destination,
        reason,
        status: TransferStatus.APPLIED,
        appliedBy: me.userId,
      } as never) as Transfer;
      await tx.flush();
      step(tx, transfer, 'APPLY', me.userId);
      recordAudit(tx, actor.viewer, { action: 'transfer.apply', subjectType: 'Transfer', subjectId: transfer.id, organizationId: branch.id, enterpriseId: member.enterprise.id, details: { reach: input.reach } });
      await tx.flush();
      await notify(tx, { kind: WAITING, params: { name: member.name, what: '申请已提交，待支部审核' }, recipients: await adminsAbove(tx, branch.id), enterpriseId: member.enterprise.id, organizationId: branch.id, link: transferLink(transfer) });
      return transfer;
    });
  } catch (error) {
    if (uniqueViolation(error, 'transfer_one_open')) {
      throw ruleRefusal('该党员已有一笔正在办理的组织关系转接：同一时间只能办理一笔。', 'transfer.oneOpen', SOURCE);
    }
    throw error;
  }
}

/** The actions the caller may take on a transfer now (for forms and integrators; the service checks again). */
export async function actionsFor(em: EntityManager, actor: Actor, transfer: Transfer): Promise<TransferAction[]> {
  if (actor.viewer.kind !== 'user') return [];
  const status = statusOn(transfer.status, transfer.validUntil, chinaToday());
  const candidates = (Object.keys(ACTIONS) as TransferAction[]).filter((a) => ACTIONS[a].from.includes(status));
  const allowed = await Promise.all(candidates.map((a) => decides(em, actor, transfer, ACTIONS[a].by, a)));
  return candidates.filter((_, i) => allowed[i]);
}

/** Whether the caller decides for `side` of this transfer. */
async function decides(tx: EntityManager, actor: Actor, transfer: Transfer, side: Side, action: TransferAction): Promise<boolean> {
  const manages = (organizationId: number) => can(tx, actor, 'manageMemberRecords', Organization, 'Organization', organizationId);
  if (side === 'BRANCH') {
    if (action === TransferAction.WITHDRAW || action === TransferAction.RESUBMIT) {
      const member = await tx.findOneOrFail(Member, transfer.member.id);
      if (actor.viewer.kind === 'user' && member.user?.id === actor.viewer.userId) return true;
    }
    return manages(transfer.fromOrganization.id);
  }
  if (side === 'COMMITTEE') return manages(transfer.sendingCommittee.id);
  // Off the platform, the sending committee records the 回执 when it comes back.
  return transfer.toOrganization ? manages(transfer.toOrganization.id) : manages(transfer.sendingCommittee.id);
}

export interface ActInput {
  transferId: number;
  action: TransferAction;
  opinion?: string | null;
  expectedVersion?: number | null;
}

export async function actOnTransfer(em: EntityManager, actor: Actor, input: ActInput): Promise<Transfer> {
  const me = requireUser(actor.viewer);
  const rule = ACTIONS[input.action];
  if (!rule) throw badInput('Not an action on a transfer.', 'action');
  const opinion = input.opinion ? plainText(input.opinion, 'opinion', 500) || null : null;
  if ((input.action === TransferAction.REJECT || input.action === TransferAction.RETURN) && !opinion) throw badInput('Give the reason.', 'opinion');
  try {
    return await em.transactional(async (tx) => {
      const access = transferReadFilter(actor);
      const transfer = access ? await tx.findOne(Transfer, { $and: [{ id: input.transferId }, access] }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
      if (!transfer) throw new AppError(ErrorCode.NOT_FOUND, 'The transfer does not exist.');
      if (!(await decides(tx, actor, transfer, rule.by, input.action))) throw new AppError(ErrorCode.FORBIDDEN, `${rule.label}不由你办理。`);
      if (input.expectedVersion != null && input.expectedVersion !== transfer.version) throw conflict('Someone acted on this transfer meanwhile; reload and try again.', 'expectedVersion');
      const today = chinaToday();
      const status = statusOn(transfer.status, transfer.validUntil, today);
      if (input.action === TransferAction.RECEIVE && status === TransferStatus.EXPIRED) {
        throw ruleRefusal(`介绍信已于${transfer.validUntil}逾期：请转出方重新开具后再接收。`, 'transfer.expired', 'DOMAIN-RULES §4 a（介绍信有效期）');
      }
      if (!rule.from.includes(status)) throw conflict(`${rule.label} cannot follow a transfer that is ${status}.`, 'action');
      transfer.status = rule.to;
      switch (input.action) {
        case TransferAction.ISSUE:
          await issueLetter(tx, transfer, today);
          break;
        case TransferAction.RECEIVE:
          transfer.receivedOn = today;
          await moveMember(tx, transfer, today, me.userId);
          // Off the platform the 回执 coming back is the 报到.
          if (transfer.reach === TransferReach.EXTERNAL) {
            transfer.status = TransferStatus.REPORTED;
            transfer.reportedOn = today;
          }
          break;
        case TransferAction.REPORT:
          transfer.reportedOn = today;
          break;
        default:
          break;
      }
      step(tx, transfer, input.action, me.userId, opinion);
      recordAudit(tx, actor.viewer, { action: `transfer.${input.action.toLowerCase()}`, subjectType: 'Transfer', subjectId: transfer.id, organizationId: transfer.fromOrganization.id, enterpriseId: transfer.enterprise.id, details: { status: transfer.status, ...(transfer.letterNumber ? { letter: transfer.letterNumber } : {}) } });
      await tx.flush();
      await tell(tx, transfer, input.action, opinion);
      await emit(tx, { type: 'transfers.changed', transferId: transfer.id, status: transfer.status, enterpriseIds: await enterprisesOf(tx, transfer) });
      return transfer;
    });
  } catch (error) {
    if (uniqueViolation(error, 'member_id_number_unique')) throw conflict('The receiving enterprise has this person on its records already.', 'action');
    throw error;
  }
}

/** The enterprises a transfer concerns: the sending one, and the receiving one when it is another. */
async function enterprisesOf(tx: EntityManager, transfer: Transfer): Promise<number[]> {
  const to = transfer.toOrganization ? (await tx.findOneOrFail(Organization, transfer.toOrganization.id)).enterprise.id : null;
  return [...new Set([transfer.enterprise.id, ...(to ? [to] : [])])];
}

/** 开具介绍信: the committee's next number for the year, the validity (LOCAL), 党费交至. */
async function issueLetter(tx: EntityManager, transfer: Transfer, today: string): Promise<void> {
  const year = Number(today.slice(0, 4));
  const [row] = await tx.execute<{ last: number }[]>(
    `insert into transfer_letter_counter (committee_id, year, enterprise_id, last) values (?, ?, ?, 1)
     on conflict (committee_id, year) do update set last = transfer_letter_counter.last + 1 returning last`,
    [transfer.sendingCommittee.id, year, transfer.enterprise.id],
  );
  const days = await localRuleValue(tx, transfer.enterprise.id, LETTER_VALIDITY_DAYS.key);
  transfer.letterNumber = `${year}-${String(row!.last).padStart(4, '0')}`;
  transfer.issuedOn = today;
  transfer.validityDays = days;
  transfer.validUntil = daysLater(today, days);
  transfer.duesPaidUpTo = await paidUpToOf(tx, transfer.member.id);
}

/**
 * 接收: the member moves, in this transaction. Inside the enterprise the record changes branch;
 * to another enterprise on the platform that enterprise gets a record of its own (the sealed
 * data as it is: one key for the platform) and the old one is 已转出; off the platform the record
 * is 已转出 when the 回执 comes back.
 */
async function moveMember(tx: EntityManager, transfer: Transfer, today: string, userId: number): Promise<void> {
  const member = await tx.findOneOrFail(Member, transfer.member.id);
  const out = (reason: string) => {
    member.status = MemberStatus.TRANSFERRED_OUT;
    tx.create(MemberStatusChange, { enterprise: member.enterprise.id, member, status: MemberStatus.TRANSFERRED_OUT, effectiveOn: today, reason, recordedBy: userId });
  };
  if (transfer.reach !== TransferReach.EXTERNAL) await moveAccount(tx, member, transfer.toOrganization!.id);
  if (transfer.reach === TransferReach.INTERNAL) {
    member.organization = tx.getReference(Organization, transfer.toOrganization!.id, { wrapped: true });
    return;
  }
  if (transfer.reach === TransferReach.EXTERNAL) {
    out(`组织关系转出至${transfer.destination}（介绍信${transfer.letterNumber}）`);
    return;
  }
  const to = await tx.findOneOrFail(Organization, transfer.toOrganization!.id);
  const received = tx.create(Member, {
    enterprise: to.enterprise.id,
    organization: to.id,
    user: member.user,
    name: member.name,
    sex: member.sex,
    ethnicity: member.ethnicity,
    birthDate: member.birthDate,
    education: member.education,
    idNumberSealed: member.idNumberSealed,
    idNumberHash: member.idNumberHash,
    phoneSealed: member.phoneSealed,
    addressSealed: member.addressSealed,
    employer: null,
    position: null,
    joinedOn: member.joinedOn,
    confirmedOn: member.confirmedOn,
    category: member.category,
    status: MemberStatus.NORMAL,
    labels: member.labels.filter((l) => l !== '党务工作者'),
  } as never) as Member;
  out(`组织关系转出至${to.name}（介绍信${transfer.letterNumber}）`);
  await tx.flush();
  tx.create(MemberStatusChange, { enterprise: to.enterprise.id, member: received, status: MemberStatus.NORMAL, effectiveOn: today, reason: `组织关系转入（介绍信${transfer.letterNumber}）`, recordedBy: userId });
  transfer.receivedMember = tx.getReference(Member, received.id, { wrapped: true });
}

/** The member's sign-in account follows: its MEMBER role moves to the receiving organisation. */
async function moveAccount(tx: EntityManager, member: Member, toOrganizationId: number): Promise<void> {
  if (!member.user) return;
  await tx.execute(
    `with moved as (delete from membership where user_id = ? and organization_id = ? and role = 'MEMBER' returning user_id)
     insert into membership (user_id, organization_id, enterprise_id, role)
     select user_id, o.id, o.enterprise_id, 'MEMBER' from moved, organization o where o.id = ?
     on conflict do nothing`,
    [member.user.id, member.organization.id, toOrganizationId],
  );
}

async function tell(tx: EntityManager, transfer: Transfer, action: TransferAction, opinion: string | null): Promise<void> {
  const member = await tx.findOneOrFail(Member, transfer.member.id);
  const link = transferLink(transfer);
  const destination = transfer.toOrganization ? (await tx.findOneOrFail(Organization, transfer.toOrganization.id)).name : transfer.destination!;
  if (action === TransferAction.ISSUE) {
    const memberUser = member.user?.id;
    if (memberUser) await notify(tx, { kind: LETTER_ISSUED, params: { destination, validUntil: transfer.validUntil!, letter: transfer.letterNumber! }, recipients: [memberUser], enterpriseId: transfer.enterprise.id, organizationId: transfer.fromOrganization.id, link });
    if (transfer.toOrganization) {
      const from = (await tx.findOneOrFail(Organization, transfer.sendingCommittee.id)).name;
      const to = await tx.findOneOrFail(Organization, transfer.toOrganization.id);
      await notify(tx, { kind: INCOMING, params: { name: member.name, from, validUntil: transfer.validUntil! }, recipients: await adminsAbove(tx, to.id), enterpriseId: to.enterprise.id, organizationId: to.id, link });
    }
  }
  // The side whose turn it is now.
  const next: Partial<Record<TransferAction, [number, string]>> = {
    AGREE: [transfer.sendingCommittee.id, '支部已同意，待党委审批并开具介绍信'],
    RESUBMIT: [transfer.fromOrganization.id, '已修改重新提交，待支部审核'],
    REPORT: [transfer.sendingCommittee.id, '已到接收方报到，待归档'],
  };
  const turn = next[action];
  if (turn) await notify(tx, { kind: WAITING, params: { name: member.name, what: turn[1] }, recipients: await adminsAbove(tx, turn[0]), enterpriseId: transfer.enterprise.id, organizationId: turn[0], link });
  const outcome = action === TransferAction.REJECT ? '未获同意' : action === TransferAction.RETURN ? '被退回修改' : action === TransferAction.RECEIVE ? '已被接收' : null;
  if (outcome && transfer.appliedBy) {
    await notify(tx, { kind: DECIDED, params: { name: member.name, outcome, opinion: opinion ?? '' }, recipients: [transfer.appliedBy.id], enterpriseId: transfer.enterprise.id, organizationId: transfer.fromOrganization.id, link });
  }
}
