/**
 * `pnpm bench`, dashboards (issue #18): an enterprise of 200,000 members — 2,000 branches under 50
 * general branches of a new committee, with a year of dues (2.2 million items), monthly 主题党日 and
 * online study — and its top organisation's dashboard: computed cold (what a first read or the
 * refresher pays), then read under load from its snapshot, p99 beside the 300 ms target.
 */
import { pino } from 'pino';
import { openAppOrm } from '../app.js';
import { cachedDashboard } from '../modules/dashboards/dashboard-cache.js';
import { dashboardOf } from '../modules/dashboards/dashboard.service.js';
import { Organization } from '../modules/organizations/organization.entity.js';

const GENERAL_BRANCHES = 50;
const BRANCHES_EACH = 40;
const MEMBERS_EACH = 100;
const TARGET_P99_MS = 300;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

export async function benchDashboards(databaseUrl: string, say: (line: string) => void): Promise<void> {
  const orm = await openAppOrm({ databaseUrl, log: pino({ level: 'silent' }) });
  try {
    const em = orm.em.fork();
    const started = performance.now();
    const [root] = await em.execute<{ id: number; enterprise_id: number; path: string; depth: number }[]>(`select id, enterprise_id, path, depth from organization where parent_id is null order by id limit 1`);
    const e = root!.enterprise_id;
    const tree = async (parents: { id: number; path: string; depth: number }[], each: number, level: string, name: string) =>
      em.execute<{ id: number; path: string; depth: number }[]>(
        `with p as (select * from unnest(?::int[], ?::text[], ?::int[]) as p(id, path, depth)),
              n as (select nextval('organization_id_seq') as id, p.id as parent_id, p.path, p.depth, g from p cross join generate_series(1, ?) as g)
         insert into organization (id, enterprise_id, parent_id, level, name, sort_order, path, depth)
         select n.id, ?, n.parent_id, ?, ? || n.parent_id || '-' || n.g, 2000 + n.g, n.path || n.id || '/', n.depth + 1 from n returning id, path, depth`,
        [`{${parents.map((p) => p.id).join(',')}}`, `{${parents.map((p) => `"${p.path}"`).join(',')}}`, `{${parents.map((p) => p.depth).join(',')}}`, each, e, level, name],
      );
    const [committee] = await tree([root!], 1, 'COMMITTEE', '压测党委');
    const generals = await tree([committee!], GENERAL_BRANCHES, 'GENERAL_BRANCH', '压测党总支');
    const branches = await tree(generals, BRANCHES_EACH, 'BRANCH', '压测党支部');
    await em.execute(
      `insert into member (enterprise_id, organization_id, name, sex, birth_date, education, id_number_sealed, id_number_hash, joined_on, confirmed_on, category, status)
       select ?, b.id, '压测党员' || b.id || '-' || g, case when g % 2 = 0 then 'MALE' else 'FEMALE' end,
              make_date(1960 + (b.id + g) % 42, 1 + g % 12, 1 + g % 28), (array['研究生', '本科', '大专', '中专', '高中'])[1 + (b.id * g) % 5],
              'bench', md5(b.id || '-' || g), make_date(1985 + (b.id + g) % 40, 7, 1), make_date(1986 + (b.id + g) % 40, 7, 1),
              case when g % 25 = 0 then 'PROBATIONARY' else 'FULL' end, 'NORMAL'
         from unnest(?::int[]) as b(id) cross join generate_series(1, ?) as g`,
      [e, `{${branches.map((b) => b.id).join(',')}}`, MEMBERS_EACH],
    );
    // This year's dues: a month opened per branch, an item per member and month, most paid on time.
    const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
    const months = Array.from({ length: new Date(Date.now() + 8 * 3600_000).getUTCMonth() + 1 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
    await em.execute(
      `insert into dues_month (enterprise_id, organization_id, month, status) select ?, b.id, m, 'OPEN' from unnest(?::int[]) as b(id) cross join unnest(?::text[]) as m`,
      [e, `{${branches.map((b) => b.id).join(',')}}`, `{${months.join(',')}}`],
    );
    await em.execute(
      `insert into dues_item (enterprise_id, month_id, member_id, period, base_kind, base_fen, due_fen, status, paid_fen, paid_at)
       select ?, dm.id, m.id, dm.month, 'WAGE', 800000, 4000, case when (m.id + length(dm.month)) % 9 = 0 then 'UNPAID' else 'PAID' end, 4000, to_date(dm.month, 'YYYY-MM') + 10
         from dues_month dm join member m on m.organization_id = dm.organization_id where dm.organization_id = any(?::int[])`,
      [e, `{${branches.map((b) => b.id).join(',')}}`],
    );
    await em.execute(`update dues_item set status = 'UNPAID', paid_fen = 0, paid_at = null where status = 'UNPAID' and enterprise_id = ?`, [e]);
    // A 主题党日 a month per branch, approved.
    await em.execute(
      `insert into meeting (enterprise_id, organization_id, type, topic, starts_at, ends_at, status, sign_in_token)
       select ?, b.id, 'THEME_DAY', '主题党日', to_date(m, 'YYYY-MM') + 12 + interval '14 hours', to_date(m, 'YYYY-MM') + 12 + interval '16 hours', 'APPROVED', md5(b.id || m)
         from unnest(?::int[]) as b(id) cross join unnest(?::text[]) as m`,
      [e, `{${branches.map((b) => b.id).join(',')}}`, `{${months.join(',')}}`],
    );
    await em.execute('analyze member; analyze organization; analyze dues_item; analyze meeting');
    const [counts] = await em.execute<{ members: number; items: number }[]>(
      `select (select count(*)::int from member m join organization o on o.id = m.organization_id where o.path like ?) as members,
              (select count(*)::int from dues_item i join member m on m.id = i.member_id join organization o on o.id = m.organization_id where o.path like ?) as items`,
      [`${committee!.path}%`, `${committee!.path}%`],
    );
    const generated = performance.now() - started;

    const org = await orm.em.fork().findOneOrFail(Organization, root!.id);
    const cold: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      await dashboardOf(orm.em.fork(), org);
      cold.push(performance.now() - t);
    }
    await cachedDashboard(orm.em.fork(), org); // the first read computes and stores the snapshot
    // Reads as the API serves them, 16 at a time, for 5 seconds.
    const times: number[] = [];
    const until = performance.now() + 5_000;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (performance.now() < until) {
          const t = performance.now();
          await cachedDashboard(orm.em.fork(), org);
          times.push(performance.now() - t);
        }
      }),
    );
    times.sort((a, b) => a - b);
    const p99 = percentile(times, 99);
    say('');
    say('dashboards');
    say(`dataset: ${counts!.members.toLocaleString('en')} members in ${branches.length.toLocaleString('en')} branches, ${counts!.items.toLocaleString('en')} dues items, ${(branches.length * months.length).toLocaleString('en')} meetings (generated in ${(generated / 1000).toFixed(0)} s)`);
    say(`enterprise dashboard computed (cold, as the refresher does): ${cold.map((c) => c.toFixed(0)).join(' / ')} ms`);
    say(`enterprise dashboard read: ${times.length.toLocaleString('en')} reads, p50 ${percentile(times, 50).toFixed(1)} ms, p99 ${p99.toFixed(1).padStart(6)} ms   target < ${TARGET_P99_MS} ms   ${p99 < TARGET_P99_MS ? 'met' : 'MISSED'}`);
  } finally {
    await orm.close();
  }
}
