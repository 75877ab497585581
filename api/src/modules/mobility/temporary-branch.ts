/**
 * 临时党支部 (DOMAIN-RULES §5: "≥3 members out together form a 临时支部 or 小组"): members of one
 * home 党委 away at the same place without a host on the platform are shown together once they are
 * three; the 党委's admins form a temporary branch for them under the 党委. It holds their
 * organisational life (they sit in its meetings as guests); relationship and dues stay home.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { can, requireUser, type Actor } from '../../core/authz/check.js';
import { AppError, badInput, conflict, ErrorCode, forbidden } from '../../core/graphql/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { chinaToday, ruleRefusal } from '../members/member.rules.js';
import { Organization } from '../organizations/organization.entity.js';
import { createOrganization } from '../organizations/organization.service.js';
import { mobileReadFilter } from './mobility.access.js';
import { MobileRegistration, MobileStatus } from './mobility.entity.js';

export const TEMPORARY_BRANCH_MIN = 3;
const SOURCE = 'DOMAIN-RULES §5（流动党员三人以上的，可以成立临时党支部或党小组；党员教育管理工作条例第三十二条）';

/** Where people are, as typed: spaces trimmed and collapsed, so 「新疆 克拉玛依」 and 「新疆克拉玛依」 meet. */
export const placeKey = (place: string) => place.replace(/\s+/g, '');

export interface Cluster {
  committeeId: number;
  place: string;
  registrations: MobileRegistration[];
}

/** Open registrations without a host, grouped by home 党委 and place, three or more — read under the caller's rule. */
export async function clustersOf(em: EntityManager, actor: Actor, subtreePath: string): Promise<Cluster[]> {
  const access = mobileReadFilter(actor);
  if (!access) return [];
  const open = await em.find(
    MobileRegistration,
    { $and: [access, { status: MobileStatus.APPROVED, hostOrganization: null, homeOrganization: { path: { $like: `${subtreePath}%` } } }] },
    { orderBy: { id: 'asc' }, limit: 2000 },
  );
  const groups = new Map<string, Cluster>();
  for (const r of open) {
    const key = `${r.homeCommittee.id}/${placeKey(r.place)}`;
    const group = groups.get(key) ?? { committeeId: r.homeCommittee.id, place: r.place.trim(), registrations: [] };
    group.registrations.push(r);
    groups.set(key, group);
  }
  return [...groups.values()].filter((g) => g.registrations.length >= TEMPORARY_BRANCH_MIN);
}

export async function formTemporaryBranch(em: EntityManager, actor: Actor, registrationIds: readonly number[], rawName: string | null): Promise<{ branch: Organization; registrations: MobileRegistration[] }> {
  requireUser(actor.viewer);
  const ids = [...new Set(registrationIds)];
  if (ids.length < TEMPORARY_BRANCH_MIN) throw ruleRefusal(`临时党支部由${TEMPORARY_BRANCH_MIN}名以上同在一地的流动党员组成。`, 'mobility.temporaryBranchThree', SOURCE);
  if (ids.length > 200) throw badInput('At most 200 members at once.', 'registrationIds');
  return em.transactional(async (tx) => {
    const access = mobileReadFilter(actor);
    const found = access ? await tx.find(MobileRegistration, { $and: [{ id: { $in: ids } }, access] }) : [];
    if (found.length !== ids.length) throw new AppError(ErrorCode.NOT_FOUND, 'A registration does not exist.');
    const committeeId = found[0]!.homeCommittee.id;
    if (found.some((r) => r.homeCommittee.id !== committeeId)) throw badInput('A temporary branch gathers members of one 党委.', 'registrationIds');
    if (found.some((r) => r.status !== MobileStatus.APPROVED || r.hostOrganization)) throw conflict('Only members away without a host on the platform join a temporary branch.', 'registrationIds');
    if (new Set(found.map((r) => placeKey(r.place))).size > 1) throw badInput('A temporary branch gathers members at one place.', 'registrationIds');
    if (!(await can(tx, actor, 'manageMemberRecords', Organization, 'Organization', committeeId))) throw forbidden('The home 党委’s admins form a temporary branch.');
    const name = (rawName ?? '').trim() || `驻${found[0]!.place.trim()}临时党支部`;
    const branch = await createOrganization(tx, actor, { parentId: committeeId, level: 'BRANCH', name, temporary: true });
    const today = chinaToday();
    for (const r of found) {
      r.hostOrganization = tx.getReference(Organization, branch.id, { wrapped: true });
      r.status = MobileStatus.AT_HOST;
      r.arrivedOn = today < r.startsOn ? r.startsOn : today;
    }
    recordAudit(tx, actor.viewer, { action: 'mobility.temporaryBranch', subjectType: 'Organization', subjectId: branch.id, organizationId: committeeId, enterpriseId: branch.enterprise.id, details: { registrations: ids } });
    await tx.flush();
    return { branch, registrations: found };
  });
}
