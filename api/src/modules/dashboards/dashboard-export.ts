/**
 * A dashboard as an .xlsx (exceljs): the figures with their definitions, and each breakdown — read
 * from the same snapshot as the page, so the small-count rule ("<5", "—") holds in the file too.
 */
import ExcelJS from 'exceljs';
import type { EntityManager } from '@mikro-orm/postgresql';
import { can, type Actor } from '../../core/authz/check.js';
import { notFound } from '../../core/graphql/errors.js';
import { Organization } from '../organizations/organization.entity.js';
import { cachedDashboard } from './dashboard-cache.js';

/** Who reads a dashboard: the readers of both the organisation's life and its member records. */
export async function readsDashboard(em: EntityManager, actor: Actor, organizationId: number): Promise<Organization | null> {
  const org = await em.findOne(Organization, organizationId);
  if (!org) return null;
  const allowed = (await can(em, actor, 'readOrganizationalLife', Organization, 'Organization', org.id)) && (await can(em, actor, 'readMemberRecords', Organization, 'Organization', org.id));
  return allowed ? org : null;
}

export async function exportDashboard(em: EntityManager, actor: Actor, organizationId: number): Promise<{ file: Buffer; fileName: string }> {
  const org = await readsDashboard(em, actor, organizationId);
  if (!org) throw notFound('The organisation does not exist.');
  const dashboard = await cachedDashboard(em, org);
  const stamp = new Date(dashboard.computedAt.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
  const book = new ExcelJS.Workbook();
  const figures = book.addWorksheet('指标');
  figures.addRow([`${org.name}数据看板`, `数据截至 ${stamp}`]);
  figures.addRow(['指标', '数值', '口径']);
  for (const f of dashboard.figures) figures.addRow([f.label, f.value, f.definition]);
  figures.getColumn(1).width = 28;
  figures.getColumn(2).width = 24;
  figures.getColumn(3).width = 80;
  for (const b of dashboard.breakdowns) {
    const sheet = book.addWorksheet(b.label.slice(0, 31));
    sheet.addRow([b.label, b.definition]);
    sheet.addRow(['分组', '人数']);
    // The shown value, never the withheld count: "<5" and "—" stay as they are on the page.
    for (const c of b.cells) sheet.addRow([c.label, c.count ?? c.value]);
    sheet.getColumn(1).width = 20;
  }
  return { file: Buffer.from(await book.xlsx.writeBuffer()), fileName: `${org.name}-数据看板.xlsx` };
}
