/**
 * The benchmark's dataset, generated in SQL on top of the demo seed: organisations, members,
 * news, disclosures and cases in the quantities of a large group, with real Chinese text and
 * search tokens (computed once per text template here, the same way the API computes them).
 */
import type pg from 'pg';
import { documentText, TOKENIZER_VERSION } from '../modules/content/search-tokens.js';
import { sanitiseRichText } from '../modules/content/sanitize.js';

export interface BenchSizes {
  organizations: number;
  users: number;
  news: number;
  disclosures: number;
  cases: number;
}

const TEMPLATES = [
  ['党建工作推进会召开', '总结上半年党建工作，部署下半年重点任务。', '<p>会议强调，要坚持党建工作与生产经营深度融合，把党建工作成效体现到提质增效上来。</p><p>各党支部书记汇报了支部标准化建设情况。</p>', ['党建工作', '会议']],
  ['主题党日走进生产一线', '党员志愿者深入井场开展安全隐患排查。', '<p>支部组织党员开展主题党日活动，围绕安全生产开展隐患排查，共发现并整改隐患十二处。</p>', ['主题党日', '安全生产']],
  ['“三会一课”质量提升', '以微党课形式提高组织生活质量。', '<p>各支部把党课讲到班组，用身边事教育身边人，党员参与率明显提高。</p>', ['三会一课', '微党课']],
  ['党员先锋岗评比揭晓', '二十名党员获评“党员先锋岗”。', '<p>经支部推荐、党委审核，评选出二十名党员先锋岗，在节能降耗、技术攻关中发挥示范作用。</p>', ['党员先锋岗']],
  ['理论学习中心组专题学习', '围绕高质量发展开展专题研讨。', '<p>中心组成员结合分管工作交流学习体会，提出推进高质量发展的具体举措。</p>', ['理论学习']],
  ['廉洁文化进班组', '开展廉洁教育，筑牢拒腐防变思想防线。', '<p>通过警示教育、廉洁家书征集等形式，推动廉洁文化建设向基层延伸。</p>', ['廉洁文化', '党风廉政建设']],
  ['青年突击队攻坚克难', '青年党员组成突击队完成检修任务。', '<p>面对检修工期紧、任务重的情况，青年突击队连续奋战七昼夜，提前两天完成任务。</p>', ['青年', '突击队']],
  ['基层党支部标准化建设', '对照标准逐项整改，提升支部建设水平。', '<p>党委组织对所属党支部开展标准化建设验收，推动支部建设全面进步、全面过硬。</p>', ['支部建设', '党建工作']],
  ['党建引领助力乡村振兴', '驻村工作队帮助村集体发展特色产业。', '<p>工作队发挥企业优势，帮助村里建起蔬菜大棚，村集体经济收入明显增加。</p>', ['乡村振兴']],
  ['发展党员工作会议召开', '严把入口关，确保发展党员质量。', '<p>会议对发展党员工作进行部署，强调要严格程序、严肃纪律，保证新发展党员质量。</p>', ['发展党员', '会议']],
] as const;

export async function generateBenchData(db: pg.Client, sizes: BenchSizes, log: (line: string) => void): Promise<void> {
  const templates = TEMPLATES.map(([title, summary, html, tags], i) => {
    const { html: body, text } = sanitiseRichText(html);
    return { rn: i + 1, title, summary, html: body, text, tags: [...tags], tokens: documentText(title, summary, text) };
  });
  await db.query('create temp table bench_template (rn int, title text, summary text, html text, body text, tags text[], tokens text)');
  for (const t of templates) await db.query('insert into bench_template values ($1, $2, $3, $4, $5, $6, $7)', [t.rn, t.title, t.summary, t.html, t.text, t.tags, t.tokens]);

  // Organisations: new branches under the existing committees, each with its materialised path.
  const existing = Number((await db.query('select count(*) from organization')).rows[0].count);
  const committees = (await db.query<{ id: number; enterprise_id: number; path: string; depth: number }>(`select id, enterprise_id, path, depth from organization where level = 'COMMITTEE' order by id`)).rows;
  for (let i = 0; existing + i < sizes.organizations; i++) {
    const parent = committees[i % committees.length]!;
    await db.query(
      `with n as (select nextval('organization_id_seq') as id)
       insert into organization (id, enterprise_id, parent_id, level, name, sort_order, path, depth)
       select n.id, $1, $2, 'BRANCH', $3, $4, $5 || n.id || '/', $6 from n`,
      [parent.enterprise_id, parent.id, `第${i + 1}联合党支部`, 1000 + i, parent.path, parent.depth + 1],
    );
  }
  log(`organisations: ${sizes.organizations}`);

  // Members: one MEMBER role each at a branch, the demo password.
  await db.query(
    `insert into app_user (display_name, phone, password_hash)
     select '党员' || g, '15' || lpad(g::text, 9, '0'), (select password_hash from app_user where phone = '13800000001')
     from generate_series(1, $1) g`,
    [sizes.users],
  );
  await db.query(
    `with branches as (select id, enterprise_id, row_number() over (order by id) as rn, count(*) over () as n from organization where level = 'BRANCH')
     insert into membership (user_id, organization_id, enterprise_id, role)
     select u.id, b.id, b.enterprise_id, 'MEMBER'
     from app_user u join branches b on b.rn = 1 + u.id % b.n
     where u.phone like '15%'`,
  );
  log(`users: ${sizes.users}`);

  await db.query(`create temp table bench_org as select id, enterprise_id, row_number() over (order by id) as rn from organization`);
  const orgCount = Number((await db.query('select count(*) from bench_org')).rows[0].count);
  const insertContent = (kind: string, count: number, visibility: string, spacing: string) =>
    db.query(
      `insert into content (kind, enterprise_id, organization_id, title, summary, body_html, body_text, tags, status, visibility, published_at, publish_notified_at, search_vector, search_version, created_at, updated_at)
       select $1, o.enterprise_id, o.id, t.title || '（第' || g || '期）', t.summary, t.html, t.body, t.tags, 'PUBLISHED', ${visibility},
              now() - g * interval '${spacing}', now() - g * interval '${spacing}', to_tsvector('simple', t.tokens), ${TOKENIZER_VERSION}, now() - g * interval '${spacing}', now() - g * interval '${spacing}'
       from generate_series(1, $2) g
       join bench_org o on o.rn = 1 + (g * 7) % $3
       join bench_template t on t.rn = 1 + g % ${templates.length}
       returning id`,
      [kind, count, orgCount],
    );
  // News: 70% public, the rest internal in every flavour.
  await insertContent('NEWS', sizes.news, `case when g % 10 < 7 then 'PUBLIC' when g % 10 = 7 then 'ENTERPRISE' when g % 10 = 8 then 'ORGANIZATION' else 'PARTNERS' end`, '5 minutes');
  log(`news: ${sizes.news}`);

  const disclosures = await insertContent('DISCLOSURE', sizes.disclosures, `case when g % 4 = 0 then 'ENTERPRISE' else 'PUBLIC' end`, '20 minutes');
  await db.query(
    `insert into disclosure (content_id, enterprise_id, category, scope, step, approved_at, notice_starts_at, notice_ends_at)
     select id, c.enterprise_id, (array['HIGHER_DECISIONS','GOALS_AND_PLANS','EDUCATION','ORGANIZATION_BUILDING','CONDUCT_AND_SERVICE','DISCIPLINE','OTHER'])[1 + id % 7],
            case when c.visibility = 'PUBLIC' then 'SOCIETY' else 'WHOLE_ENTERPRISE' end, 'APPROVED', c.published_at,
            -- Every 50th opens a 公示 of a week from its publication: open now are those of the last week.
            case when id % 50 = 0 then c.published_at end, case when id % 50 = 0 then c.published_at + interval '7 days' end
     from content c where c.id = any($1::bigint[])`,
    [disclosures.rows.map((r) => r.id)],
  );
  log(`disclosures: ${sizes.disclosures}`);

  const cases = await insertContent('CASE', sizes.cases, `case when g % 3 = 0 then 'PARTNERS' else 'PUBLIC' end`, '1 hour');
  await db.query(
    `insert into experience_case (content_id, enterprise_id, background_html, practice_html, results_html)
     select id, enterprise_id, '<p>背景</p>', body_html, '<p>成效明显</p>' from content where id = any($1::bigint[])`,
    [cases.rows.map((r) => r.id)],
  );
  await db.query(`update experience_case set like_count = content_id % 97, adoption_count = content_id % 13`);
  log(`cases: ${sizes.cases}`);
  // A steady state, as autovacuum leaves a live database: statistics and the visibility map
  // (which index-only scans depend on) up to date.
  await db.query('vacuum analyze');
}
