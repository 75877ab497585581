/**
 * The dashboard through the real endpoint: figures over the caller's subtree only, each with its
 * definition; groups of fewer than five shown as "<5" (and a second one hidden where one alone
 * would give it away); nothing for members, other subsidiaries or other enterprises.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { refreshStale } from '../../api/src/modules/dashboards/dashboard-cache.js';
import { useSuite } from '../support/fixture.js';
import { gid, orgId } from '../support/identity.js';
import { createRoll } from '../support/roll.js';

const { db, api, as, tokens } = useSuite({ actors: ['groupAdmin', 'plantAdmin', 'plantReviewer', 'refineryAdmin', 'powerAdmin', 'member'] });
const { groupAdmin, plantAdmin, plantReviewer, refineryAdmin, powerAdmin, member } = as;
const DASH = `query($o: ID!) { dashboard(organizationId: $o) { organizationName figures { key value definition } breakdowns { key cells { label value count } } } }`;

describe('the dashboard', () => {
  it('counts the subtree only, and never shows a group of fewer than five', async () => {
    // A branch of three full members and one probationary member.
    await createRoll(plantAdmin, db, { branch: '采油二队党支部', full: 3, probationary: 1, seed: 16 });
    const branch = gid('Organization', await orgId(db, '采油二队党支部'));
    const small = (await plantAdmin(DASH, { o: branch })).data!.dashboard;
    expect(small.figures.find((f: { key: string }) => f.key === 'members')).toMatchObject({ value: '4', definition: expect.stringContaining('党籍状态正常') });
    const category = small.breakdowns.find((b: { key: string }) => b.key === 'category').cells;
    expect(category).toEqual([{ label: '正式党员', value: '<5', count: null }, { label: '预备党员', value: '<5', count: null }]);
    for (const b of small.breakdowns) for (const c of b.cells) if (c.count !== null) expect(c.count === 0 || c.count >= 5).toBe(true);
    // The plant's figures hold its members and not the refinery's; the group's hold both.
    const count = async (who: typeof plantAdmin, name: string) => Number((await who(DASH, { o: gid('Organization', await orgId(db, name)) })).data!.dashboard.figures.find((f: { key: string }) => f.key === 'members').value);
    const [plant] = await db.query<{ n: number }>(`select count(*)::int as n from member m join organization o on o.id = m.organization_id where o.path like (select path from organization where name = '第一采油厂党委') || '%' and m.status = 'NORMAL'`);
    expect(await count(plantAdmin, '第一采油厂党委')).toBe(plant!.n);
    expect(await count(groupAdmin, '华油能源集团有限公司党委')).toBeGreaterThan(plant!.n);
    expect((await plantReviewer(DASH, { o: branch })).data!.dashboard.organizationName).toBe('采油二队党支部');
    for (const who of [refineryAdmin, powerAdmin, member]) expect((await who(DASH, { o: branch })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await plantAdmin(DASH, { o: gid('Organization', await orgId(db, '华油能源集团有限公司党委')) })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('is precomputed: reads serve the snapshot until the refresher recomputes it, with survey and assessment figures', async () => {
    const plant = gid('Organization', await orgId(db, '第一采油厂党委'));
    const DATED = `query($o: ID!) { dashboard(organizationId: $o) { computedAt figures { key label value definition } } }`;
    const first = (await plantAdmin(DATED, { o: plant })).data!.dashboard;
    const members = (d: { figures: { key: string; value: string }[] }) => Number(d.figures.find((f) => f.key === 'members')!.value);
    for (const key of ['surveys', 'assessment', 'improvement']) expect(first.figures.find((f: { key: string }) => f.key === key)?.definition).toBeTruthy();
    await createRoll(plantAdmin, db, { branch: '注水队党支部', full: 1, seed: 21 });
    const cached = (await plantAdmin(DATED, { o: plant })).data!.dashboard;
    expect([cached.computedAt, members(cached)]).toEqual([first.computedAt, members(first)]);
    // Ten minutes on, the snapshot is past its age and still being read: the refresher recomputes it.
    expect(await refreshStale(api.orm.em.fork(), new Date(Date.now() + 10 * 60_000))).toBeGreaterThanOrEqual(1);
    const fresh = (await plantAdmin(DATED, { o: plant })).data!.dashboard;
    expect(members(fresh)).toBe(members(first) + 1);
    expect(new Date(fresh.computedAt).getTime()).toBeGreaterThan(new Date(first.computedAt).getTime());
  });

  it('exports the same figures to .xlsx, keeping the small-count rule, for the same readers only', async () => {
    const branch = gid('Organization', await orgId(db, '采油二队党支部'));
    const download = (token?: string) => fetch(`${api.baseUrl}/dashboards/${branch}.xlsx`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    for (const token of [undefined, tokens.member, tokens.refineryAdmin, tokens.powerAdmin]) expect((await download(token)).status).toBe(404);
    const res = await download(tokens.plantReviewer);
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const category = book.getWorksheet('党员类别')!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(category.slice(2)).toEqual([['正式党员', '<5'], ['预备党员', '<5']]);
    const figures = book.getWorksheet('指标')!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(figures.find((r) => r[0] === '党员人数')).toEqual(['党员人数', '4', expect.stringContaining('党籍状态正常')]);
  });
});
