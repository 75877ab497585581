/** Questions from a spreadsheet: the dry run's report row by row, nothing written until the commit, the commit once. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { useSuite } from '../support/fixture.js';
import { gid, orgId } from '../support/identity.js';

const { db, api, tokens } = useSuite({ actors: ['plantAdmin', 'member'] });

async function sheet(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('题库');
  ws.addRow(['题型', '题干', '选项A', '选项B', '选项C', '选项D', '答案', '维度', '考点', '难度', '解析', '出处']);
  ws.addRow(['单选题', '井口作业前首先应当（　）。', '检查安全防护', '直接作业', '通知家属', '拍照留念', 'A', '业务水平', '井口作业', '易', '安全第一。', '采油操作规程']);
  ws.addRow(['判断题', '预备党员有表决权。', '', '', '', '', '错', '政治素养', '发展党员', '中', '预备党员没有表决权。', '党章第五条']);
  ws.addRow(['填空题', '党的根本组织原则是（　）。', '', '', '', '', '民主集中制|民主集中', '政治素养', '组织原则', '', '', '']);
  ws.addRow(['单选题', '错题：答案不在选项中。', '甲', '乙', '', '', 'Z', '政治素养', '测试', '', '', '']);
  ws.addRow(['简答题', '请简述党员的义务。', '', '', '', '', '略', '政治素养', '党员义务', '', '', '']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('question import', () => {
  it('reports each row in a dry run, writes nothing, then commits the good rows once', async () => {
    const organizationId = gid('Organization', await orgId(db, '第一采油厂党委'));
    const count = async () => (await db.query<{ n: number }>(`select count(*)::int as n from question q join organization o on o.id = q.organization_id where o.name = '第一采油厂党委'`))[0]!.n;
    const post = (path: string, token: string, body?: Buffer) =>
      fetch(`${api.baseUrl}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent('题库.xlsx') }, body: body ? new Uint8Array(body) : undefined });
    const file = await sheet();
    expect((await post(`/learning/question-imports?organizationId=${organizationId}`, tokens.member, file)).status).toBe(403);
    const staged = await post(`/learning/question-imports?organizationId=${organizationId}`, tokens.plantAdmin, file);
    expect(staged.status).toBe(201);
    const report = (await staged.json()) as { id: string; report: { valid: number; invalid: number; rows: { row: number; ok: boolean; reason: string | null }[] } };
    expect(report.report).toMatchObject({ valid: 3, invalid: 2 });
    expect(report.report.rows.filter((r) => !r.ok).map((r) => r.row)).toEqual([5, 6]);
    expect(report.report.rows.find((r) => r.row === 6)!.reason).toContain('题型');
    expect(await count()).toBe(0);
    const committed = (await (await post(`/learning/question-imports/${report.id}/commit`, tokens.plantAdmin)).json()) as { created: number };
    expect(committed.created).toBe(3);
    expect(await count()).toBe(3);
    await post(`/learning/question-imports/${report.id}/commit`, tokens.plantAdmin);
    expect(await count()).toBe(3);
    const [fill] = await db.query<{ answer: string[] }>(`select answer from question where stem = '党的根本组织原则是（　）。' and organization_id = (select id from organization where name = '第一采油厂党委')`);
    expect(fill!.answer).toEqual(['民主集中制', '民主集中']);
    expect((await post(`/learning/question-imports/${report.id}/commit`, tokens.member)).status).toBe(404);
  });
});
