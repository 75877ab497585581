/**
 * Keeping member records: create, correct, and record a change of 党籍 status (dated, kept as
 * history). Each change is authorised at the member's organisation, validated (ID number by GB
 * 11643 and agreeing with birth date and sex; mobile numbers; dates in order), written in one
 * transaction with its audit event. Rules of Party work name their source.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertCan, requireUser, type Actor } from '../../core/authz/check.js';
import { AppError, badInput, conflict, ErrorCode } from '../../core/graphql/errors.js';
import { plainLine, plainText } from '../../core/graphql/text-input.js';
import { recordAudit } from '../audit/audit.service.js';
import { findReadableUser, NO_SUCH_USER } from '../identity/identity.loaders.js';
import { User } from '../identity/user.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { memberReadFilter } from './member.access.js';
import { Member, MemberCategory, MemberStatus, MemberStatusChange, type Sex } from './member.entity.js';
import { keysFor } from './member.keys.js';
import type { PersonalDataKeys } from './personal-data.js';
import { parseIdNumber, parseMobile } from './id-number.js';
import { pastDate as date, ruleRefusal, uniqueViolation, yearsLater } from './member.rules.js';

export interface MemberInput {
  organizationId?: number;
  name?: string;
  sex?: Sex | null;
  ethnicity?: string | null;
  birthDate?: string | null;
  education?: string | null;
  idNumber?: string;
  phone?: string | null;
  address?: string | null;
  employer?: string | null;
  position?: string | null;
  joinedOn?: string;
  confirmedOn?: string | null;
  category?: MemberCategory;
  labels?: string[] | null;
  userId?: number | null;
}

/** The unique keys a record's write can hit, as the conflicts a person can fix. */
function asConflict(error: unknown): unknown {
  if (uniqueViolation(error, 'member_id_number_unique')) return conflict('A member with this ID number is on the enterprise’s records already.', 'idNumber');
  if (uniqueViolation(error, 'member_user_unique')) return conflict('That account is linked to another member record.', 'userId');
  return error;
}

/** Which status may follow which (DOMAIN-RULES §2 c): only 停止党籍 can be restored. */
const NEXT: Record<MemberStatus, MemberStatus[]> = {
  NORMAL: [MemberStatus.SUSPENDED, MemberStatus.REMOVED, MemberStatus.EXPELLED, MemberStatus.DECEASED],
  SUSPENDED: [MemberStatus.NORMAL, MemberStatus.REMOVED, MemberStatus.DECEASED],
  REMOVED: [],
  EXPELLED: [],
  TRANSFERRED_OUT: [],
  DECEASED: [],
  DISQUALIFIED: [],
};

/**
 * Checks and writes the record's own fields onto `member` (sealing personal data), throwing the
 * first problem with its field: the rules of a record, shared by the forms and the import.
 */
export function applyFields(keys: PersonalDataKeys, member: Member, input: Omit<MemberInput, 'organizationId' | 'userId'>): void {
  if (input.name !== undefined) member.name = plainLine(input.name, 'name', 50, true);
  if (input.idNumber !== undefined) {
    const parsed = parseIdNumber(input.idNumber);
    if (!parsed.ok) throw badInput(parsed.reason, 'idNumber');
    // A corrected ID number may move birth date and sex; only values typed alongside must agree.
    const birth = input.birthDate ?? parsed.facts.birthDate;
    const sex = input.sex ?? parsed.facts.sex;
    if (birth !== parsed.facts.birthDate) throw badInput(`The ID number says born ${parsed.facts.birthDate}; the birth date says ${birth}.`, 'idNumber');
    if (sex !== parsed.facts.sex) throw badInput('The ID number’s 17th digit gives the other sex.', 'idNumber');
    member.idNumberSealed = keys.seal(parsed.value);
    member.idNumberHash = keys.hash(parsed.value);
    member.birthDate = parsed.facts.birthDate;
    member.sex = parsed.facts.sex;
  } else if (input.birthDate || input.sex) {
    throw badInput('Birth date and sex follow the ID number: correct the ID number instead.', input.birthDate ? 'birthDate' : 'sex');
  }
  if (input.phone !== undefined) {
    const phone = input.phone ? parseMobile(input.phone) : null;
    if (input.phone && !phone) throw badInput('A phone number is a mainland mobile of 11 digits starting 13–19.', 'phone');
    member.phoneSealed = phone ? keys.seal(phone) : null;
  }
  if (input.address !== undefined) member.addressSealed = input.address ? keys.seal(plainText(input.address, 'address', 200)) : null;
  for (const field of ['ethnicity', 'education', 'employer', 'position'] as const) {
    if (input[field] !== undefined) member[field] = plainLine(input[field], field, field === 'employer' ? 100 : field === 'position' ? 50 : 20) || null;
  }
  if (input.joinedOn !== undefined) member.joinedOn = date(input.joinedOn, 'joinedOn');
  if (input.confirmedOn !== undefined) member.confirmedOn = input.confirmedOn ? date(input.confirmedOn, 'confirmedOn') : null;
  if (input.category !== undefined) member.category = input.category;
  if (input.labels != null) {
    const labels = [...new Set(input.labels.map((l) => plainLine(l, 'labels', 20, true)))];
    if (labels.length > 10) throw badInput('At most 10 labels.', 'labels');
    member.labels = labels;
  }
  // 预备期 is one year from the 支部大会 (DZ 7): a full member was confirmed, not before a year.
  if (member.category === MemberCategory.FULL && !member.confirmedOn) throw badInput('A full member (正式党员) has a confirmation date (转正日期).', 'confirmedOn');
  if (member.category === MemberCategory.PROBATIONARY && member.confirmedOn) throw badInput('A probationary member (预备党员) has no confirmation date yet.', 'confirmedOn');
  if (member.confirmedOn && member.joinedOn) {
    if (member.confirmedOn < yearsLater(member.joinedOn, 1)) {
      throw ruleRefusal('转正 comes when the one-year 预备期 from the 支部大会 date has ended.', 'member.probationOneYear', 'DOMAIN-RULES §3, 党章');
    }
  }
}

async function apply(tx: EntityManager, actor: Actor, member: Member, input: MemberInput): Promise<void> {
  applyFields(keysFor(tx), member, input);
  if (input.userId !== undefined) {
    if (input.userId !== null && !(await findReadableUser(tx, actor, input.userId))) throw new AppError(ErrorCode.NOT_FOUND, NO_SUCH_USER);
    member.user = input.userId === null ? null : tx.getReference(User, input.userId, { wrapped: true });
  }
}

async function organizationFor(tx: EntityManager, actor: Actor, organizationId: number): Promise<Organization> {
  await assertCan(tx, actor, 'manageMemberRecords', Organization, 'Organization', organizationId, 'The organisation');
  const org = await tx.findOneOrFail(Organization, organizationId);
  // A member belongs to one branch or Party group (DOMAIN-RULES §2 a, EM 25).
  if (org.level !== 'BRANCH' && org.level !== 'GROUP') throw badInput('A member belongs to a branch (党支部) or a Party group (党小组).', 'organizationId');
  if (org.archivedAt) throw conflict('The organisation is archived.', 'organizationId');
  return org;
}


export async function createMember(em: EntityManager, actor: Actor, input: MemberInput & { organizationId: number; name: string; idNumber: string; joinedOn: string; category: MemberCategory }): Promise<Member> {
  const me = requireUser(actor.viewer);
  try {
    return await em.transactional(async (tx) => {
      const org = await organizationFor(tx, actor, input.organizationId);
      const member = tx.create(Member, { enterprise: org.enterprise.id, organization: org.id, status: MemberStatus.NORMAL } as never) as Member;
      await apply(tx, actor, member, input);
      await tx.flush();
      tx.create(MemberStatusChange, { enterprise: org.enterprise.id, member, status: MemberStatus.NORMAL, effectiveOn: member.joinedOn, reason: '建档', recordedBy: me.userId });
      recordAudit(tx, actor.viewer, { action: 'member.create', subjectType: 'Member', subjectId: member.id, organizationId: org.id, enterpriseId: org.enterprise.id });
      await tx.flush();
      return member;
    });
  } catch (error) {
    throw asConflict(error);
  }
}

export async function loadManageable(tx: EntityManager, actor: Actor, id: number): Promise<Member> {
  // Someone who may read the record (a reviewer, the member) is refused as such; to anyone else
  // it does not exist.
  const access = memberReadFilter(actor);
  const member = access ? await tx.findOne(Member, { $and: [{ id }, access] }) : null;
  if (!member) throw new AppError(ErrorCode.NOT_FOUND, 'The member record does not exist.');
  await assertCan(tx, actor, 'manageMemberRecords', Organization, 'Organization', member.organization.id, 'The member record');
  return member;
}

export async function updateMember(em: EntityManager, actor: Actor, id: number, input: MemberInput): Promise<Member> {
  requireUser(actor.viewer);
  try {
    return await em.transactional(async (tx) => {
      const member = await loadManageable(tx, actor, id);
      if (input.organizationId !== undefined && input.organizationId !== member.organization.id) {
        const org = await organizationFor(tx, actor, input.organizationId);
        // Moving between enterprises is a transfer of the organisational relationship, not an edit.
        if (org.enterprise.id !== member.enterprise.id) throw badInput('A member moves to another enterprise by a transfer (组织关系转接).', 'organizationId');
        member.organization = tx.getReference(Organization, org.id, { wrapped: true });
      }
      await apply(tx, actor, member, input);
      recordAudit(tx, actor.viewer, { action: 'member.update', subjectType: 'Member', subjectId: member.id, organizationId: member.organization.id, enterpriseId: member.enterprise.id, details: { fields: Object.keys(input).filter((k) => !['idNumber', 'phone', 'address'].includes(k)) } });
      await tx.flush();
      return member;
    });
  } catch (error) {
    throw asConflict(error);
  }
}

/** Records a change of 党籍 status with its date and reason; never automatic (DOMAIN-RULES §2 c). */
export async function changeMemberStatus(em: EntityManager, actor: Actor, id: number, input: { status: MemberStatus; effectiveOn: string; reason: string }): Promise<Member> {
  const me = requireUser(actor.viewer);
  const reason = plainText(input.reason, 'reason', 500, true);
  const effectiveOn = date(input.effectiveOn, 'effectiveOn');
  return em.transactional(async (tx) => {
    const member = await loadManageable(tx, actor, id);
    if (input.status === MemberStatus.TRANSFERRED_OUT) throw badInput('A member is transferred out by a transfer (组织关系转接), which records it.', 'status');
    if (input.status === MemberStatus.DISQUALIFIED) throw badInput('取消预备党员资格 is recorded by the committee’s decision on 转正 (发展党员), which records it.', 'status');
    if (!NEXT[member.status].includes(input.status)) {
      throw ruleRefusal(
        `A member whose status is ${member.status} cannot become ${input.status}: only 停止党籍 can be restored; 除名 and 开除 are final (the person may apply again).`,
        'member.statusChange',
        'DOMAIN-RULES §2, 党员教育管理工作条例第二十四条',
      );
    }
    member.status = input.status;
    tx.create(MemberStatusChange, { enterprise: member.enterprise.id, member, status: input.status, effectiveOn, reason, recordedBy: me.userId });
    recordAudit(tx, actor.viewer, { action: 'member.status', subjectType: 'Member', subjectId: member.id, organizationId: member.organization.id, enterpriseId: member.enterprise.id, details: { status: input.status, effectiveOn } });
    await tx.flush();
    return member;
  });
}
