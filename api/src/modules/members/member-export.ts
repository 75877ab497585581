/**
 * The member spreadsheet back out: the import's columns, for a subtree the caller reads. Personal
 * data whole only where the caller may see it whole — and then each record is audited as read.
 */
import ExcelJS from 'exceljs';
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertCan, requireUser, type Actor } from '../../core/authz/check.js';
import { Organization } from '../organizations/organization.entity.js';
import { memberReadFilter, memberUnmaskFilter, recordUnmaskedReads } from './member.access.js';
import { Member, MemberStatus } from './member.entity.js';
import { keysFor } from './member.keys.js';
import { COLUMNS } from './member-sheet.js';
import { maskAddress, maskIdNumber, maskPhone } from './personal-data.js';

const CATEGORY = { FULL: '正式党员', PROBATIONARY: '预备党员' } as const;
const SEX = { MALE: '男', FEMALE: '女' } as const;
const STATUS: Record<MemberStatus, string> = { NORMAL: '正常', SUSPENDED: '停止党籍', REMOVED: '除名', EXPELLED: '开除党籍', TRANSFERRED_OUT: '已转出', DECEASED: '去世', DISQUALIFIED: '取消预备党员资格' };

export async function exportMembers(em: EntityManager, actor: Actor, organizationId: number): Promise<{ file: Buffer; fileName: string; count: number }> {
  requireUser(actor.viewer);
  await assertCan(em, actor, 'readMemberRecords', Organization, 'Organization', organizationId, 'The organisation');
  const org = await em.findOneOrFail(Organization, organizationId);
  const read = memberReadFilter(actor)!;
  const members = await em.find(Member, { $and: [{ organization: { path: { $like: `${org.path}%` } } }, read] }, { orderBy: { organization: { path: 'asc' }, name: 'asc', id: 'asc' }, populate: ['organization'] });
  const manage = memberUnmaskFilter(actor);
  const whole = new Set(
    members.length && manage ? (await em.find(Member, { $and: [{ id: { $in: members.map((m) => m.id) } }, manage] }, { fields: ['id'] })).map((m) => m.id) : [],
  );
  const keys = keysFor(em);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('党员花名册', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.key === 'idNumber' || c.key === 'address' ? 24 : 14, style: c.key === 'idNumber' || c.key === 'phone' ? { numFmt: '@' } : {} }));
  sheet.getRow(1).font = { bold: true };
  for (const m of members) {
    const clear = whole.has(m.id);
    const open = (sealed: string | null, mask: (v: string) => string) => (sealed ? (clear ? keys.open(sealed) : mask(keys.open(sealed))) : '');
    sheet.addRow({
      name: m.name,
      sex: SEX[m.sex],
      ethnicity: m.ethnicity ?? '',
      idNumber: open(m.idNumberSealed, maskIdNumber),
      education: m.education ?? '',
      phone: open(m.phoneSealed, maskPhone),
      address: open(m.addressSealed, maskAddress),
      employer: m.employer ?? '',
      position: m.position ?? '',
      joinedOn: m.joinedOn,
      confirmedOn: m.confirmedOn ?? '',
      category: CATEGORY[m.category],
      branch: m.organization.getEntity().name,
      labels: m.labels.join('、'),
      status: STATUS[m.status],
    });
  }
  // Every record exported whole is a whole read.
  await recordUnmaskedReads(em, actor.viewer, [...whole], 'export');
  const file = Buffer.from(await workbook.xlsx.writeBuffer());
  return { file, fileName: `${org.name}党员花名册.xlsx`, count: members.length };
}
