/**
 * Importing the member spreadsheet a branch keeps (dry run, then one-transaction commit, retried
 * safely) and exporting it back — masked unless the caller may see personal data whole — through
 * the real HTTP endpoints, with the rows and mistakes branch secretaries actually make.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { checkCharacter } from '../../api/src/modules/members/id-number.js';
import { PURGE_STALE_IMPORTS } from '../../api/src/modules/members/import-retention.js';
import { useSuite } from '../support/fixture.js';
import { DEMO, gid, orgId, signIn } from '../support/identity.js';

const suite = useSuite({ actors: ['plantAdmin'] });
const { db, api } = suite;
const id = (first17: string) => `${first17}${checkCharacter(first17)}`;
const WANG = id('37050219850315003'); // 东营, 1985-03-15, male (3 is odd)
const LI = id('37050219920708004');
const wrongDigit = (n: string) => `${n.slice(0, 17)}${n[17] === '1' ? '2' : '1'}`;

type Cell = string | number | Date | null;
/** A workbook as a branch keeps it: a title row, then its own header words. */
async function workbook(rows: Cell[][], headers = ['序号', '姓名', '性别', '身份证号', '手机', '入党时间', '转正时间', '类别', '所在支部', '标签']): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('花名册');
  sheet.addRow(['第一采油厂党员花名册（2026年11月）']);
  sheet.addRow(headers);
  rows.forEach((r, i) => sheet.addRow([i + 1, ...r]));
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function as(login: string) {
  const token = await signIn(api, login);
  const headers = { authorization: `Bearer ${token}` };
  return {
    stage: async (organizationId: string, file: Buffer) => {
      const res = await fetch(`${api.baseUrl}/members/imports?organizationId=${organizationId}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent('花名册.xlsx') }, body: file });
      return { status: res.status, body: (await res.json()) as any };
    },
    commit: async (importId: string) => {
      const res = await fetch(`${api.baseUrl}/members/imports/${importId}/commit`, { method: 'POST', headers });
      return { status: res.status, body: (await res.json()) as any };
    },
    read: async (importId: string) => {
      const res = await fetch(`${api.baseUrl}/members/imports/${importId}`, { headers });
      return { status: res.status, body: (await res.json()) as any };
    },
    export: async (organizationId: string) => {
      const res = await fetch(`${api.baseUrl}/members/export.xlsx?organizationId=${organizationId}`, { headers });
      if (res.status !== 200) return { status: res.status, rows: [] as string[][] };
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
      const rows: string[][] = [];
      book.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
      return { status: res.status, rows, disposition: res.headers.get('content-disposition') };
    },
  };
}

const members = async () => (await db.query<{ n: number }>(`select count(*)::int as n from member`))[0]!.n;

describe('member import', () => {
  let plant: string;
  let staged: string;
  const good: Cell[][] = [
    ['王建军', '男', WANG, '13912345678', new Date(Date.UTC(2010, 6, 1)), '2011年7月1日', '正式党员', '采油一队党支部', '党务工作者、老党员'],
    ['李娜', '女', LI, '139 1234 5679', '2026.05.01', null, '预备党员', '采油一队党支部', null],
  ];

  it('answers a dry run: every row to add or reject, with the column and the reason; writes nothing', async () => {
    plant = gid('Organization', await orgId(db, '第一采油厂党委'));
    const admin = await as(DEMO.plantAdmin);
    const before = await members();
    const file = await workbook([
      ...good,
      ['张错号', '男', wrongDigit(id('37050219800101001')), null, '2005-07-01', '2006-07-01', '正式党员', '采油一队党支部', null],
      ['赵数字', '男', 370502198001010000, null, '2005-07-01', '2006-07-01', '正式党员', '采油一队党支部', null],
      ['钱正式', '女', id('37050219880808002'), null, '2015-07-01', null, '正式党员', '采油一队党支部', null],
      ['孙两错', '男', id('37050219900909001'), '12345', '2015-07-01', '2016-07-01', '正式党员', '不存在党支部', null],
      ['王重复', '男', WANG, null, '2010-07-01', '2011-07-01', '正式党员', '采油一队党支部', null],
      [null, null, null, null, null, null, null, null, null], // an empty row is skipped
    ]);
    const { status, body } = await admin.stage(plant, file);
    expect(status).toBe(201);
    expect(body.committedAt).toBeNull();
    expect(body.report).toMatchObject({ add: 2, update: 0, reject: 5 });
    const byName = Object.fromEntries(body.report.rows.map((r: { name: string }) => [r.name, r]));
    expect(byName['王建军']).toMatchObject({ row: 3, action: 'ADD', branch: '采油一队党支部', errors: [] });
    expect(byName['张错号']).toMatchObject({ row: 5, action: 'REJECT', errors: [{ column: '身份证号', message: expect.stringMatching(/check character/) }] });
    expect(byName['赵数字'].errors).toEqual([{ column: '身份证号', message: expect.stringMatching(/format the column as text/) }]);
    expect(byName['钱正式'].errors).toEqual([{ column: '转正时间', message: expect.stringMatching(/confirmation date/) }]);
    expect(byName['孙两错'].errors.map((e: { column: string }) => e.column).sort()).toEqual(['所在支部', '手机'].sort());
    expect(byName['王重复'].errors).toEqual([{ column: '身份证号', message: 'The same ID number as row 3.' }]);
    expect(await members()).toBe(before);
    staged = body.id;
  });

  it('commits in one transaction; a retried commit answers the same report and writes nothing more', async () => {
    const admin = await as(DEMO.plantAdmin);
    const before = await members();
    const first = await admin.commit(staged);
    expect(first.status).toBe(200);
    expect(first.body.committedAt).not.toBeNull();
    expect(first.body.report).toMatchObject({ add: 2, reject: 5 });
    expect(await members()).toBe(before + 2);
    const again = await admin.commit(staged);
    expect(again.body).toEqual(first.body);
    expect(await members()).toBe(before + 2);
    const [wang] = await db.query<{ phone_sealed: string; labels: string[]; confirmed_on: string; history: number; file: string | null }>(
      `select m.phone_sealed, m.labels, to_char(m.confirmed_on, 'YYYY-MM-DD') as confirmed_on,
              (select count(*)::int from member_status_change c where c.member_id = m.id) as history,
              (select file_sealed from member_import where committed_at is not null order by id desc limit 1) as file
         from member m where m.name = '王建军'`,
    );
    expect(wang).toMatchObject({ labels: ['党务工作者', '老党员'], confirmed_on: '2011-07-01', history: 1, file: null });
    expect(wang!.phone_sealed).not.toContain('13912345678');
    const [audit] = await db.query<{ details: Record<string, unknown> }>(`select details from audit_event where action = 'member.import' order by id desc limit 1`);
    expect(audit!.details).toMatchObject({ add: 2, update: 0, reject: 5, fileName: '花名册.xlsx' });
  });

  it('updates the records it finds by ID number; refuses people kept by an organisation the caller does not keep', async () => {
    const admin = await as(DEMO.plantAdmin);
    const changed = await workbook([['王建军', '男', WANG, '13800000099', '2010-07-01', '2011-07-01', '正式党员', '采油一队党支部', null]]);
    const staged2 = (await admin.stage(plant, changed)).body;
    expect(staged2.report).toMatchObject({ add: 0, update: 1, reject: 0 });
    await admin.commit(staged2.id);
    const phone = await suite.as.plantAdmin(`query($o: ID!) { members(first: 50, filter: { organizationId: $o }) { nodes { name phone } } }`, { o: gid('Organization', await orgId(db, '采油一队党支部')) });
    expect(phone.data!.members.nodes.find((n: { name: string }) => n.name === '王建军').phone).toBe('13800000099');

    const refinery = await as(DEMO.refineryAdmin);
    const theirs = gid('Organization', await orgId(db, '炼化分公司党委'));
    const poached = (await refinery.stage(theirs, await workbook([['王建军', '男', WANG, null, '2010-07-01', '2011-07-01', '正式党员', '常减压车间党支部', null]]))).body;
    expect(poached.report.rows[0]).toMatchObject({ action: 'REJECT', errors: [{ column: '身份证号', message: expect.stringMatching(/transfer/) }] });
  });

  it('is for the admins of the subtree only', async () => {
    const file = await workbook(good);
    expect((await (await as(DEMO.plantReviewer)).stage(plant, file)).status).toBe(403);
    expect((await (await as(DEMO.powerAdmin)).stage(plant, file)).status).toBe(403); // organisations are public; their members are not
    expect((await (await as(DEMO.refineryAdmin)).read(staged)).status).toBe(404);
    const anonymous = await fetch(`${api.baseUrl}/members/imports?organizationId=${plant}`, { method: 'POST', body: file });
    expect(anonymous.status).toBe(401);
    const junk = await (await as(DEMO.plantAdmin)).stage(plant, Buffer.from('姓名,身份证号\n张三,1'));
    expect(junk).toMatchObject({ status: 400, body: { errors: [{ extensions: { code: 'BAD_USER_INPUT', field: 'file' } }] } });
    const noHeader = await (await as(DEMO.plantAdmin)).stage(plant, await workbook([], ['序号', '名字', '电话']));
    expect(noHeader.body.errors[0].message).toMatch(/姓名 and 公民身份号码/);
    const huge = await (await as(DEMO.plantAdmin)).stage(plant, Buffer.alloc(6 * 1024 * 1024, 1));
    expect(huge.status).toBe(413);
  });

  it('deletes a roster never committed after a day (it holds ID numbers); committed ones keep their report', async () => {
    const admin = await as(DEMO.plantAdmin);
    const left = (await admin.stage(plant, await workbook(good))).body.id as string;
    const leftId = Number(Buffer.from(left, 'base64url').toString().split(':')[1]);
    const kept = (await db.query<{ id: number }>(`select id from member_import where committed_at is not null order by id limit 1`))[0]!.id;
    await db.query(`update member_import set created_at = now() - interval '25 hours' where id = any($1::int[])`, [[leftId, kept]]);
    await db.query(PURGE_STALE_IMPORTS);
    expect((await db.query(`select id from member_import where id = $1`, [leftId])).length).toBe(0);
    expect((await db.query(`select id from member_import where id = $1`, [kept])).length).toBe(1);
    expect((await admin.read(left)).status).toBe(404);
  });
});

describe('member export', () => {
  it('gives the same columns back: whole for admins (each record audited), masked for reviewers, nothing for others', async () => {
    const plant = gid('Organization', await orgId(db, '第一采油厂党委'));
    const before = (await db.query<{ n: number }>(`select count(*)::int as n from audit_event where action = 'member.unmask'`))[0]!.n;
    const whole = await (await as(DEMO.plantAdmin)).export(plant);
    expect(whole.status).toBe(200);
    expect(whole.disposition).toContain(encodeURIComponent('第一采油厂党委党员花名册.xlsx'));
    expect(whole.rows[0]!.slice(0, 4)).toEqual(['姓名', '性别', '民族', '公民身份号码']);
    const wang = whole.rows.find((r) => r[0] === '王建军')!;
    expect(wang).toContain(WANG);
    expect(wang).toContain('13800000099');
    expect(wang).toContain('采油一队党支部');
    const exported = whole.rows.length - 1;
    const after = (await db.query<{ n: number }>(`select count(*)::int as n from audit_event where action = 'member.unmask'`))[0]!.n;
    expect(after - before).toBe(exported);

    const masked = await (await as(DEMO.plantReviewer)).export(plant);
    const wangMasked = masked.rows.find((r) => r[0] === '王建军')!;
    expect(wangMasked).toContain(`${WANG.slice(0, 4)}**********${WANG.slice(-4)}`);
    expect(wangMasked).toContain('138****0099');
    expect((await db.query<{ n: number }>(`select count(*)::int as n from audit_event where action = 'member.unmask'`))[0]!.n).toBe(after);

    expect((await (await as(DEMO.branchEditor)).export(plant)).status).toBe(403);
    expect((await (await as(DEMO.powerAdmin)).export(plant)).status).toBe(403);
  });
});
