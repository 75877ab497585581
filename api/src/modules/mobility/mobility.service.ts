/**
 * 流动党员: the registration before leaving (by the member or their branch), the home 党委's
 * approval issuing the 流动党员活动证, the host's confirmation of the arrival (on the platform),
 * the contact log, and the return. Each write authorised on its side, audited, in a transaction.
 */
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { can, requireUser, type Actor } from '../../core/authz/check.js';
import { AppError, badInput, conflict, ErrorCode } from '../../core/graphql/errors.js';
import { plainLine, plainText } from '../../core/graphql/text-input.js';
import { recordAudit } from '../audit/audit.service.js';
import { memberReadFilter } from '../members/member.access.js';
import { Member, MemberStatus } from '../members/member.entity.js';
import { pastDate, ruleRefusal, uniqueViolation } from '../members/member.rules.js';
import { committeeAbove } from '../organizations/committee-above.js';
import { Organization } from '../organizations/organization.entity.js';
import { mobileReadFilter } from './mobility.access.js';
import { ContactKind, MobileContact, MobileRegistration, MobileStatus } from './mobility.entity.js';

const SOURCE = 'DOMAIN-RULES §5, 党员教育管理工作条例第三十二条';
const LABEL = '流动党员';
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const manages = (tx: EntityManager, actor: Actor, organizationId: number) => can(tx, actor, 'manageMemberRecords', Organization, 'Organization', organizationId);

export interface RegisterInput {
  memberId: number;
  hostOrganizationId?: number | null;
  place: string;
  abroad?: boolean | null;
  reason: string;
  employer?: string | null;
  startsOn: string;
  expectedReturnOn?: string | null;
}

export async function registerOutflow(em: EntityManager, actor: Actor, input: RegisterInput): Promise<MobileRegistration> {
  const me = requireUser(actor.viewer);
  const place = plainLine(input.place, 'place', 200, true);
  const reason = plainText(input.reason, 'reason', 500, true);
  const employer = plainLine(input.employer, 'employer', 100) || null;
  if (!DATE.test(input.startsOn) || Number.isNaN(Date.parse(input.startsOn))) throw badInput('The day of leaving, like 2026-12-01.', 'startsOn');
  if (input.expectedReturnOn && (!DATE.test(input.expectedReturnOn) || input.expectedReturnOn <= input.startsOn)) throw badInput('The expected return comes after leaving.', 'expectedReturnOn');
  try {
    return await em.transactional(async (tx) => {
      const access = memberReadFilter(actor);
      const member = access ? await tx.findOne(Member, { $and: [{ id: input.memberId }, access] }) : null;
      if (!member) throw new AppError(ErrorCode.NOT_FOUND, 'The member record does not exist.');
      if (member.user?.id !== me.userId && !(await manages(tx, actor, member.organization.id))) throw new AppError(ErrorCode.FORBIDDEN, 'The member or the admins of their branch register an absence.');
      if (member.status !== MemberStatus.NORMAL) throw ruleRefusal('只有党籍状态正常的党员才能登记外出。', 'mobility.memberInGoodStanding', SOURCE);
      const home = await tx.findOneOrFail(Organization, member.organization.id);
      const committee = await committeeAbove(tx, home);
      if (!committee) throw badInput('The member’s branch has no 党委 above it to issue the 活动证.', 'memberId');
      let host: Organization | null = null;
      if (input.hostOrganizationId) {
        host = await tx.findOne(Organization, input.hostOrganizationId);
        if (!host || host.archivedAt || (host.level !== 'BRANCH' && host.level !== 'GROUP')) throw badInput('The host is a 党支部 or 党小组 on the platform.', 'hostOrganizationId');
        if (host.id === home.id) throw badInput('The host is another organisation than the member’s own.', 'hostOrganizationId');
      }
      const registration = tx.create(MobileRegistration, {
        enterprise: member.enterprise.id,
        member,
        homeOrganization: home,
        homeCommittee: committee,
        hostOrganization: host,
        place,
        abroad: !!input.abroad,
        reason,
        employer,
        startsOn: input.startsOn,
        expectedReturnOn: input.expectedReturnOn ?? null,
        status: MobileStatus.APPLIED,
        registeredBy: me.userId,
      } as never) as MobileRegistration;
      await tx.flush();
      recordAudit(tx, actor.viewer, { action: 'mobility.register', subjectType: 'MobileRegistration', subjectId: registration.id, organizationId: home.id, enterpriseId: member.enterprise.id });
      await tx.flush();
      return registration;
    });
  } catch (error) {
    if (uniqueViolation(error, 'mobile_registration_one_open')) throw ruleRefusal('该党员已有一条未结束的外出登记。', 'mobility.oneOpen', SOURCE);
    throw error;
  }
}

type Step = 'DECIDE' | 'ARRIVE' | 'CONTACT' | 'RETURN';

/** Loads a registration the caller reads and checks the caller acts for the side that takes `step`. */
async function forStep(tx: EntityManager, actor: Actor, id: number, step: Step): Promise<MobileRegistration> {
  const access = mobileReadFilter(actor);
  const r = access ? await tx.findOne(MobileRegistration, { $and: [{ id }, access] }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
  if (!r) throw new AppError(ErrorCode.NOT_FOUND, 'The registration does not exist.');
  const home = () => manages(tx, actor, r.homeOrganization.id);
  const host = () => (r.hostOrganization ? manages(tx, actor, r.hostOrganization.id) : Promise.resolve(false));
  const allowed =
    step === 'DECIDE' ? await manages(tx, actor, r.homeCommittee.id) : step === 'ARRIVE' ? await host() : step === 'CONTACT' ? (await home()) || (await host()) : await home();
  if (!allowed) throw new AppError(ErrorCode.FORBIDDEN, 'This is for the other side of the registration.');
  return r;
}

export async function decideOutflow(em: EntityManager, actor: Actor, id: number, approve: boolean, note: string | null): Promise<MobileRegistration> {
  requireUser(actor.viewer);
  return em.transactional(async (tx) => {
    const r = await forStep(tx, actor, id, 'DECIDE');
    if (r.status !== MobileStatus.APPLIED) throw conflict('The registration has been decided already.', 'id');
    if (!approve && !note) throw badInput('Give the reason.', 'note');
    r.status = approve ? MobileStatus.APPROVED : MobileStatus.REJECTED;
    r.decisionNote = note ? plainText(note, 'note', 500) : null;
    if (approve) {
      r.cardNumber = `LD${r.startsOn.slice(0, 4)}${String(r.id).padStart(6, '0')}`;
      const member = await tx.findOneOrFail(Member, r.member.id);
      if (!member.labels.includes(LABEL)) member.labels = [...member.labels, LABEL];
    }
    recordAudit(tx, actor.viewer, { action: `mobility.${approve ? 'approve' : 'reject'}`, subjectType: 'MobileRegistration', subjectId: r.id, organizationId: r.homeOrganization.id, enterpriseId: r.enterprise.id });
    await tx.flush();
    return r;
  });
}

export async function confirmArrival(em: EntityManager, actor: Actor, id: number, arrivedOn: string): Promise<MobileRegistration> {
  requireUser(actor.viewer);
  const day = pastDate(arrivedOn, 'arrivedOn');
  return em.transactional(async (tx) => {
    const r = await forStep(tx, actor, id, 'ARRIVE');
    if (r.status !== MobileStatus.APPROVED) throw conflict('The host confirms the arrival of an approved registration, once.', 'id');
    r.status = MobileStatus.AT_HOST;
    r.arrivedOn = day;
    recordAudit(tx, actor.viewer, { action: 'mobility.arrive', subjectType: 'MobileRegistration', subjectId: r.id, organizationId: r.hostOrganization!.id, enterpriseId: r.enterprise.id });
    await tx.flush();
    return r;
  });
}

export async function addContact(em: EntityManager, actor: Actor, id: number, input: { kind: ContactKind; contactedOn: string; note: string }): Promise<MobileContact> {
  const me = requireUser(actor.viewer);
  const day = pastDate(input.contactedOn, 'contactedOn');
  const note = plainText(input.note, 'note', 500, true);
  return em.transactional(async (tx) => {
    const r = await forStep(tx, actor, id, 'CONTACT');
    if (r.status !== MobileStatus.APPROVED && r.status !== MobileStatus.AT_HOST) throw conflict('Contacts are kept while the member is away.', 'id');
    if (day < r.startsOn) throw badInput('A contact while away is on or after the day of leaving.', 'contactedOn');
    const contact = tx.create(MobileContact, { enterprise: r.enterprise.id, registration: r, kind: input.kind, contactedOn: day, note, recordedBy: me.userId } as never) as MobileContact;
    await tx.flush();
    return contact;
  });
}

export async function returnHome(em: EntityManager, actor: Actor, id: number, returnedOn: string): Promise<MobileRegistration> {
  requireUser(actor.viewer);
  const day = pastDate(returnedOn, 'returnedOn');
  return em.transactional(async (tx) => {
    const r = await forStep(tx, actor, id, 'RETURN');
    if (r.status !== MobileStatus.APPROVED && r.status !== MobileStatus.AT_HOST) throw conflict('Only a member away comes back.', 'id');
    r.status = MobileStatus.RETURNED;
    r.returnedOn = day;
    const member = await tx.findOneOrFail(Member, r.member.id);
    member.labels = member.labels.filter((l) => l !== LABEL);
    recordAudit(tx, actor.viewer, { action: 'mobility.return', subjectType: 'MobileRegistration', subjectId: r.id, organizationId: r.homeOrganization.id, enterpriseId: r.enterprise.id });
    await tx.flush();
    return r;
  });
}
