/**
 * Importing the spreadsheet a branch already keeps: staged with a dry run (each row to add, to
 * update or to reject, with the column and the reason), then committed in one transaction. The
 * rules are the record's own (`applyFields`); rows are written in set-based statements, so 5,000
 * rows take a few seconds.
 */
import { LockMode } from '@mikro-orm/core';
import ExcelJS, { type CellValue } from 'exceljs';
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertCan, can, requireUser, type Actor } from '../../core/authz/check.js';
import { AppError, badInput, conflict, ErrorCode } from '../../core/graphql/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { cleanFileName } from '../media/media.service.js';
import { Organization } from '../organizations/organization.entity.js';
import { memberUnmaskFilter } from './member.access.js';
import { Member, MemberStatus } from './member.entity.js';
import { keysFor } from './member.keys.js';
import { uniqueViolation } from './member.rules.js';
import { applyFields, type MemberInput } from './member.service.js';
import { MemberImport, type ImportReport, type ImportRowReport } from './member-import.entity.js';
import { CATEGORY_WORDS, cellDate, cellText, columnFor, COLUMNS, SEX_WORDS, type SheetColumn } from './member-sheet.js';

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
const MAX_ROWS = 10_000;

type Key = SheetColumn['key'];
type FieldInput = Omit<MemberInput, 'organizationId' | 'userId'>;

interface PlannedRow {
  report: ImportRowReport;
  organizationId: number;
  member: Member;
  existingId: number | null;
}

/** Which column an error of `applyFields` belongs to. */
const FIELD_COLUMN: Record<string, Key> = { name: 'name', idNumber: 'idNumber', sex: 'sex', birthDate: 'idNumber', phone: 'phone', address: 'address', ethnicity: 'ethnicity', education: 'education', employer: 'employer', position: 'position', joinedOn: 'joinedOn', confirmedOn: 'confirmedOn', category: 'category', labels: 'labels' };

async function readSheet(file: Buffer): Promise<{ headers: Map<Key, { index: number; word: string }>; rows: { number: number; cells: Map<Key, CellValue> }[] }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw badInput('The file is not an Excel workbook (.xlsx).', 'file');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw badInput('The workbook has no worksheet.', 'file');
  // The header row is among the first five (a title row often comes first).
  let headerRow = 0;
  const headers = new Map<Key, { index: number; word: string }>();
  for (let r = 1; r <= Math.min(5, sheet.rowCount) && headerRow === 0; r++) {
    const found = new Map<Key, { index: number; word: string }>();
    sheet.getRow(r).eachCell((cell, index) => {
      const word = cellText(cell.value);
      const column = columnFor(word);
      if (column && !found.has(column.key)) found.set(column.key, { index, word });
    });
    if (found.has('name') && found.has('idNumber')) {
      headerRow = r;
      for (const [k, v] of found) headers.set(k, v);
    }
  }
  if (headerRow === 0) throw badInput('No header row with 姓名 and 公民身份号码 in the first five rows.', 'file');
  const missing = COLUMNS.filter((c) => c.required && !headers.has(c.key)).map((c) => c.header);
  if (missing.length) throw badInput(`The sheet lacks the column${missing.length > 1 ? 's' : ''} ${missing.join('、')}.`, 'file');
  const rows: { number: number; cells: Map<Key, CellValue> }[] = [];
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells = new Map<Key, CellValue>();
    for (const [key, { index }] of headers) cells.set(key, row.getCell(index).value);
    if ([...cells.values()].every((v) => cellText(v) === '')) continue;
    rows.push({ number: r, cells });
    if (rows.length > MAX_ROWS) throw badInput(`At most ${MAX_ROWS} members in one import: split the sheet.`, 'file');
  }
  return { headers, rows };
}

/** Checks every row against the records as they stand now; writes nothing. */
async function plan(tx: EntityManager, actor: Actor, target: Organization, file: Buffer): Promise<{ report: ImportReport; rows: PlannedRow[] }> {
  const { headers, rows } = await readSheet(file);
  const keys = keysFor(tx);
  const word = (key: Key) => headers.get(key)?.word ?? COLUMNS.find((c) => c.key === key)!.header;
  const branches = await tx.find(Organization, { path: { $like: `${target.path}%` }, level: { $in: ['BRANCH', 'GROUP'] }, archivedAt: null }, { fields: ['id', 'name', 'level'] });
  const byName = new Map<string, { id: number }[]>();
  for (const b of branches) byName.set(b.name, [...(byName.get(b.name) ?? []), b]);

  const planned: PlannedRow[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { number, cells } of rows) {
    const errors: { column: string; message: string }[] = [];
    const fail = (key: Key, message: string) => errors.push({ column: word(key), message });
    const text = (key: Key) => (cells.has(key) ? cellText(cells.get(key)!) : undefined);
    const input: FieldInput = {};
    for (const key of ['ethnicity', 'education', 'phone', 'address', 'employer', 'position'] as const) {
      const value = text(key);
      if (value !== undefined) input[key] = value === '' ? null : value;
    }
    input.name = text('name') ?? '';
    const idCell = cells.get('idNumber');
    if (typeof idCell === 'number') fail('idNumber', 'Excel stored the ID number as a number and lost its last digits: format the column as text and type it again.');
    else input.idNumber = text('idNumber') ?? '';
    const sex = text('sex');
    if (sex) {
      if (SEX_WORDS[sex]) input.sex = SEX_WORDS[sex];
      else fail('sex', 'Write 男 or 女.');
    }
    for (const key of ['joinedOn', 'confirmedOn'] as const) {
      const raw = cells.get(key);
      if (raw == null || cellText(raw) === '') continue;
      const day = cellDate(raw);
      if (day) input[key] = day;
      else fail(key, 'A date such as 2012-07-01 or 2012年7月1日.');
    }
    const category = text('category');
    if (category && CATEGORY_WORDS[category]) input.category = CATEGORY_WORDS[category];
    else fail('category', 'Write 正式党员 or 预备党员.');
    const labels = text('labels');
    if (labels) input.labels = labels.split(/[、,，;；\s]+/).filter(Boolean);

    // Each field on its own first, so a row lists every column at fault; then the rules across fields.
    const member = { labels: [] } as unknown as Member;
    for (const [field, value] of Object.entries(input) as [keyof FieldInput, unknown][]) {
      if (field === 'sex' || field === 'category') continue;
      try {
        applyFields(keys, {} as Member, field === 'idNumber' ? { idNumber: value as string, sex: input.sex } : { [field]: value });
      } catch (error) {
        fail(FIELD_COLUMN[field] ?? 'name', (error as Error).message);
      }
    }
    if (errors.length === 0) {
      try {
        applyFields(keys, member, input);
      } catch (error) {
        const field = (error as AppError).extensions?.field;
        fail(FIELD_COLUMN[String(field)] ?? 'category', (error as Error).message);
      }
    }
    // The branch: named in the row, or the target itself.
    let organizationId = 0;
    const branchName = text('branch') || null;
    if (branchName) {
      const found = byName.get(branchName) ?? [];
      if (found.length === 1) organizationId = found[0]!.id;
      else fail('branch', found.length ? `More than one organisation below ${target.name} is called ${branchName}.` : `No branch or Party group called ${branchName} below ${target.name}.`);
    } else if (target.level === 'BRANCH' || target.level === 'GROUP') organizationId = target.id;
    else fail('branch', `Name the branch: the import goes to ${target.name}, which is not a branch.`);
    if (errors.length === 0) {
      const earlier = firstRowOf.get(member.idNumberHash);
      if (earlier) fail('idNumber', `The same ID number as row ${earlier}.`);
      else firstRowOf.set(member.idNumberHash, number);
    }
    planned.push({ report: { row: number, action: errors.length ? 'REJECT' : 'ADD', name: input.name.slice(0, 50), branch: branchName ?? (organizationId ? target.name : null), errors }, organizationId, member, existingId: null });
  }

  // Members on the records already: updated when the caller keeps them, refused otherwise.
  const hashes = planned.filter((p) => p.report.action === 'ADD').map((p) => p.member.idNumberHash);
  if (hashes.length) {
    const existing = await tx.getConnection().execute<{ id: number; id_number_hash: string }[]>(
      'select id, id_number_hash from member where enterprise_id = ? and id_number_hash = any(?::text[])',
      [target.enterprise.id, `{${hashes.join(',')}}`],
    );
    const manage = memberUnmaskFilter(actor);
    const kept = new Set(
      existing.length && manage ? (await tx.find(Member, { $and: [{ id: { $in: existing.map((e) => e.id) } }, manage] }, { fields: ['id'] })).map((m) => m.id) : [],
    );
    const idOf = new Map(existing.map((e) => [e.id_number_hash, e.id]));
    for (const p of planned) {
      const id = p.report.action === 'ADD' ? idOf.get(p.member.idNumberHash) : undefined;
      if (id === undefined) continue;
      if (kept.has(id)) {
        p.report.action = 'UPDATE';
        p.existingId = id;
      } else {
        p.report.action = 'REJECT';
        p.report.errors.push({ column: word('idNumber'), message: 'This person is on the records of an organisation you do not keep: a move between them is a transfer (组织关系转接).' });
      }
    }
  }
  const count = (action: ImportRowReport['action']) => planned.filter((p) => p.report.action === action).length;
  return { report: { add: count('ADD'), update: count('UPDATE'), reject: count('REJECT'), rows: planned.map((p) => p.report) }, rows: planned };
}


/** Uploads a spreadsheet and answers its dry run. */
export async function stageImport(em: EntityManager, actor: Actor, input: { organizationId: number; fileName?: string; file: Buffer }): Promise<MemberImport> {
  const me = requireUser(actor.viewer);
  if (input.file.length === 0) throw badInput('The file is empty.', 'file');
  return em.transactional(async (tx) => {
    await assertCan(tx, actor, 'manageMemberRecords', Organization, 'Organization', input.organizationId, 'The organisation');
    const target = await tx.findOneOrFail(Organization, input.organizationId);
    const { report } = await plan(tx, actor, target, input.file);
    const staged = tx.create(MemberImport, { enterprise: target.enterprise.id, organization: target.id, createdBy: me.userId, fileName: cleanFileName(input.fileName), fileSealed: keysFor(tx).seal(input.file.toString('base64')), report });
    await tx.flush();
    return staged;
  });
}

async function loadImport(tx: EntityManager, actor: Actor, id: number, lock: boolean): Promise<MemberImport> {
  const found = await tx.findOne(MemberImport, id, lock ? { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['fileSealed'] } : {});
  // An import is seen only by those who keep the records it touches; to anyone else it does not exist.
  if (!found || !(await can(tx, actor, 'manageMemberRecords', Organization, 'Organization', found.organization.id))) {
    throw new AppError(ErrorCode.NOT_FOUND, 'The import does not exist.');
  }
  return found;
}

export const readImport = (em: EntityManager, actor: Actor, id: number) => loadImport(em, actor, id, false);

/**
 * Commits a staged import in one transaction: checked again against the records as they are now,
 * then every row that passes written. Committing twice answers the first commit's report.
 */
export async function commitImport(em: EntityManager, actor: Actor, id: number): Promise<MemberImport> {
  const me = requireUser(actor.viewer);
  try {
    return await em.transactional(async (tx) => {
      const staged = await loadImport(tx, actor, id, true);
      if (staged.committedAt) return staged;
      const target = await tx.findOneOrFail(Organization, staged.organization.id);
      const { report, rows } = await plan(tx, actor, target, Buffer.from(keysFor(tx).open(staged.fileSealed!), 'base64'));
      const enterpriseId = target.enterprise.id;
      const record = (p: PlannedRow) => ({
        id: p.existingId,
        organization_id: p.organizationId,
        name: p.member.name,
        sex: p.member.sex,
        ethnicity: p.member.ethnicity ?? null,
        birth_date: p.member.birthDate,
        education: p.member.education ?? null,
        id_number_sealed: p.member.idNumberSealed,
        id_number_hash: p.member.idNumberHash,
        phone_sealed: p.member.phoneSealed ?? null,
        address_sealed: p.member.addressSealed ?? null,
        employer: p.member.employer ?? null,
        position: p.member.position ?? null,
        joined_on: p.member.joinedOn,
        confirmed_on: p.member.confirmedOn ?? null,
        category: p.member.category,
        labels: p.member.labels ?? [],
      });
      const COLUMNS_SQL = `id int, organization_id int, name text, sex text, ethnicity text, birth_date date, education text, id_number_sealed text, id_number_hash text,
        phone_sealed text, address_sealed text, employer text, position text, joined_on date, confirmed_on date, category text, labels text[]`;
      const adds = rows.filter((p) => p.report.action === 'ADD').map(record);
      const updates = rows.filter((p) => p.report.action === 'UPDATE').map(record);
      const connection = tx.getConnection();
      const ctx = tx.getTransactionContext();
      if (adds.length) {
        // The members and their first 党籍 entry (建档) in one statement.
        await connection.execute(
          `with r as (select * from json_to_recordset(?::json) as r(${COLUMNS_SQL})),
           added as (
             insert into member (enterprise_id, organization_id, name, sex, ethnicity, birth_date, education, id_number_sealed, id_number_hash, phone_sealed, address_sealed,
                                 employer, position, joined_on, confirmed_on, category, status, labels)
             select ?, organization_id, name, sex, ethnicity, birth_date, education, id_number_sealed, id_number_hash, phone_sealed, address_sealed,
                    employer, position, joined_on, confirmed_on, category, '${MemberStatus.NORMAL}', labels from r
             returning id, joined_on)
           insert into member_status_change (enterprise_id, member_id, status, effective_on, reason, recorded_by_id)
           select ?, id, '${MemberStatus.NORMAL}', joined_on, '建档（导入）', ? from added`,
          [JSON.stringify(adds), enterpriseId, enterpriseId, me.userId],
          'run',
          ctx,
        );
      }
      if (updates.length) {
        // Empty optional cells leave what the record has; the row's other fields replace it.
        await connection.execute(
          `update member m set organization_id = r.organization_id, name = r.name, sex = r.sex, birth_date = r.birth_date,
                  ethnicity = coalesce(r.ethnicity, m.ethnicity), education = coalesce(r.education, m.education),
                  id_number_sealed = r.id_number_sealed, phone_sealed = coalesce(r.phone_sealed, m.phone_sealed), address_sealed = coalesce(r.address_sealed, m.address_sealed),
                  employer = coalesce(r.employer, m.employer), position = coalesce(r.position, m.position), joined_on = r.joined_on, confirmed_on = r.confirmed_on,
                  category = r.category, labels = case when cardinality(r.labels) > 0 then r.labels else m.labels end, updated_at = now()
             from json_to_recordset(?::json) as r(${COLUMNS_SQL})
            where m.id = r.id and m.enterprise_id = ?`,
          [JSON.stringify(updates), enterpriseId],
          'run',
          ctx,
        );
      }
      staged.report = report;
      staged.committedAt = new Date();
      staged.fileSealed = null;
      recordAudit(tx, actor.viewer, {
        action: 'member.import',
        subjectType: 'Organization',
        subjectId: target.id,
        organizationId: target.id,
        enterpriseId,
        details: { importId: staged.id, fileName: staged.fileName, add: report.add, update: report.update, reject: report.reject },
      });
      await tx.flush();
      return staged;
    });
  } catch (error) {
    if (uniqueViolation(error, 'member_id_number_unique')) throw conflict('Some of these members were added meanwhile: open the import again to see its dry run.', 'file');
    throw error;
  }
}
