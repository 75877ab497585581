/**
 * Assessment (考核) through the real endpoint: a scheme set up by 第一采油厂党委 for two of its
 * branches; scores computed from the platform's data (news published in the period) and from
 * evidence scored by the assessors; ranking; what each side sees; the improvement action a missed
 * must-reach target opens and its PDCA; the close that freezes a period; the next period's check.
 */
import { pino } from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { MODULES } from '../../api/src/app.js';
import { runReminders } from '../../api/src/modules/notifications/reminders.js';
import { useSuite } from '../support/fixture.js';
import { DEMO, expectOk, gid, orgId, signIn, withToken, type Gql } from '../support/identity.js';

// The reminder runner is driven by the test (a diagnosis on its set date), never by the clock.
const { db, api, as, tokens } = useSuite({ env: { REMINDER_INTERVAL_MS: '86400000' }, actors: ['groupAdmin', 'plantAdmin', 'plantReviewer', 'refineryAdmin', 'powerAdmin', 'member'] });
const { groupAdmin, plantAdmin, plantReviewer, refineryAdmin, powerAdmin, member } = as;

const CREATE = `mutation($i: AssessmentSchemeInput!) { assessmentSchemeCreate(input: $i) { scheme { id status } userErrors { code field message rule source } } }`;
const CARDS = `query($id: ID!) { node(id: $id) { ... on AssessmentScheme { name status canManage
  indicators { id name measure metric { label unit } mustReach stretch }
  scorecards { organizationName total rank peers frozen canSubmitEvidence rows { indicator { name } value score level evidence { id body score } } actions { id indicatorName stage problem checkValue checkMet } }
  diagnoses { kind asOf standings { organizationName total rank missed } } } } }`;
const SUBMIT = `mutation($i: AssessmentEvidenceInput!) { assessmentEvidenceSubmit(input: $i) { evidence { id body score } userErrors { code field message rule } } }`;
const SCORE = `mutation($id: ID!, $s: Float!) { assessmentEvidenceScore(id: $id, score: $s, note: "材料翔实") { evidence { score } userErrors { code message rule } } }`;
const DIAGNOSE = `mutation($id: ID!) { assessmentDiagnose(id: $id) { diagnosis { kind standings { organizationName total rank missed } } userErrors { code message rule } } }`;
const CLOSE = `mutation($id: ID!) { assessmentClose(id: $id) { scheme { status } userErrors { code message rule source } } }`;
const ACT = `mutation($id: ID!, $i: ImprovementActionInput!) { improvementActionUpdate(id: $id, input: $i) { action { stage plan owner dueOn checkValue checkMet checkedInPeriod } userErrors { code message rule } } }`;

/** Why a mutation failed: its first user error, or the top-level error's extensions (FORBIDDEN, NOT_FOUND). */
const failure = (res: { data?: Record<string, any> | null; errors?: readonly { extensions?: Record<string, unknown> }[] }) =>
  res.errors?.[0]?.extensions ?? Object.values(res.data ?? {})[0]?.userErrors?.[0];

const indicators = [
  { name: '信息发布数', measure: 'METRIC', metricKey: 'content.published', weight: 40, mustReach: 2, stretch: 4 },
  { name: '党建特色工作', measure: 'EVIDENCE', weight: 30, mustReach: 60, stretch: 90, description: '上传“党员先锋岗”佐证材料' },
  { name: '组织关系转接按期办结率', measure: 'METRIC', metricKey: 'transfers.withinValidity', weight: 30, mustReach: 90, stretch: 100 },
];

describe('assessment', () => {
  let a: number; // 采油一队党支部
  let b: number; // 采油二队党支部
  let scheme: string;
  let branchAdmin: Gql; // 采油一队党支部's ORG_ADMIN (the assessed)
  let branchToken: string;
  const input = (over: Record<string, unknown> = {}) => ({ organizationId: gid('Organization', 0), name: '2025年第四季度党支部工作考核', period: '2025-Q4', indicators, assigneeIds: [gid('Organization', a), gid('Organization', b)], ...over });

  /** Publishes `n` news items of a branch and dates them into the period being assessed. */
  async function publish(branch: number, n: number, on: string) {
    for (let i = 0; i < n; i += 1) {
      const created = await expectOk(plantAdmin, `mutation($i: NewsCreateInput!) { newsCreate(input: $i) { newsArticle { id } userErrors { code message } } }`, {
        i: { organizationId: gid('Organization', branch), title: `支部工作动态${branch}-${on}-${i}`, bodyHtml: '<p>支部组织党员开展安全生产大检查。</p>' },
      });
      const id = created.newsCreate.newsArticle.id;
      await expectOk(plantAdmin, `mutation($id: ID!) { newsSubmit(id: $id) { userErrors { code } } }`, { id });
      await expectOk(plantReviewer, `mutation($id: ID!) { newsApprove(id: $id) { userErrors { code } } }`, { id });
      await db.query(`update content set published_at = $1::timestamptz + ($2 || ' minutes')::interval where id = $3`, [`${on}T10:00:00+08:00`, String(i), Number(Buffer.from(id, 'base64url').toString().split(':')[1])]);
    }
  }

  beforeAll(async () => {
    a = await orgId(db, '采油一队党支部');
    b = await orgId(db, '采油二队党支部');
    const [editor] = await db.query<{ id: number }>(`select id from app_user where email = $1`, [DEMO.branchEditor]);
    await expectOk(plantAdmin, `mutation($i: MembershipGrantInput!) { membershipGrant(input: $i) { membership { id } userErrors { code } } }`, {
      i: { userId: gid('User', editor!.id), organizationId: gid('Organization', a), role: 'ORG_ADMIN' },
    });
    branchToken = await signIn(api, DEMO.branchEditor);
    branchAdmin = withToken(api, branchToken);
    // Nothing of theirs was published in the periods used here before the test.
    const [before] = await db.query<{ n: number }>(
      `select count(*)::int as n from content c join organization o on o.id = c.organization_id where (o.path like (select path from organization where id = $1) || '%' or o.path like (select path from organization where id = $2) || '%') and c.published_at >= '2025-10-01' and c.published_at < '2026-04-01'`,
      [a, b],
    );
    expect(before!.n).toBe(0);
    await publish(a, 3, '2025-11-10');
    await publish(b, 1, '2025-11-12');
  }, 120_000);

  it('is set up above for organisations below, with targets in order and metrics the platform measures', async () => {
    const plant = gid('Organization', await orgId(db, '第一采油厂党委'));
    const refused = async (gql: Gql, i: Record<string, unknown>) => failure(await gql(CREATE, { i }));
    expect(await refused(plantAdmin, input({ organizationId: plant, indicators: [{ ...indicators[0], mustReach: 4, stretch: 2 }] }))).toMatchObject({ rule: 'assessment.targetsOrder', source: expect.stringContaining('#18') });
    expect(await refused(plantAdmin, input({ organizationId: plant, indicators: [{ ...indicators[0], metricKey: 'nothing.here' }] }))).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'indicators.0.metricKey'] });
    expect(await refused(plantAdmin, input({ organizationId: plant, assigneeIds: [gid('Organization', await orgId(db, '常减压车间党支部'))] }))).toMatchObject({ rule: 'assessment.assigneesBelow' });
    expect(await refused(plantAdmin, input({ organizationId: plant, period: '2025-Q5' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'period'] });
    expect(await refused(refineryAdmin, input({ organizationId: plant }))).toMatchObject({ code: 'FORBIDDEN' });
    scheme = (await expectOk(plantAdmin, CREATE, { i: input({ organizationId: plant, diagnosisDates: ['2025-11-30'] }) })).assessmentSchemeCreate.scheme.id;
    const metrics = (await plantAdmin(`{ assessmentMetrics { key label unit } }`)).data!.assessmentMetrics.map((m: { key: string }) => m.key);
    expect(metrics).toEqual(expect.arrayContaining(['meetings.lifeCompliance', 'dues.onTime', 'learning.classHours', 'disclosures.onTime', 'transfers.withinValidity', 'content.published', 'cases.adopted']));
  });

  it('scores from the data and from scored evidence, ranks the peers, and says where there is nothing to measure', async () => {
    const [indicator] = (await plantAdmin(CARDS, { id: scheme })).data!.node.indicators.filter((i: { measure: string }) => i.measure === 'EVIDENCE');
    // The assessed branch submits; its text is sanitised; it cannot score itself or another's.
    // A photo of the 先锋岗, uploaded to the branch by its admin, goes with the evidence.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    const uploaded = await fetch(`${api.baseUrl}/media?organizationId=${gid('Organization', a)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent('先锋岗.png'), authorization: `Bearer ${branchToken}` },
      body: new Uint8Array(png),
    });
    const photo = (await uploaded.json()) as { id: string; url: string };
    const mine = (await branchAdmin(SUBMIT, { i: { schemeId: scheme, organizationId: gid('Organization', a), indicatorId: indicator.id, body: '<p>设立党员先锋岗3个<script>alert(1)</script></p>', fileIds: [photo.id] } })).data!.assessmentEvidenceSubmit;
    expect(mine.userErrors).toEqual([]);
    expect(mine.evidence.body).toBe('<p>设立党员先锋岗3个</p>');
    // The assessors read the file with the scorecard; a member, another subsidiary and another enterprise do not.
    const fetchAs = (token?: string) => fetch(`${api.baseUrl}${photo.url}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    expect((await fetchAs(tokens.plantReviewer)).status).toBe(200);
    for (const token of [tokens.member, tokens.refineryAdmin, tokens.powerAdmin, undefined]) expect((await fetchAs(token)).status).not.toBe(200);
    expect(failure(await branchAdmin(SUBMIT, { i: { schemeId: scheme, organizationId: gid('Organization', b), indicatorId: indicator.id, body: '<p>代交</p>' } }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(failure(await branchAdmin(SCORE, { id: mine.evidence.id, s: 100 }))).toMatchObject({ code: 'FORBIDDEN' });
    await expectOk(plantAdmin, SCORE, { id: mine.evidence.id, s: 90 });
    expect(failure(await branchAdmin(SUBMIT, { i: { schemeId: scheme, organizationId: gid('Organization', a), indicatorId: indicator.id, body: '<p>改一改</p>' } }))).toMatchObject({ rule: 'assessment.evidenceScored' });
    // Whoever submits does not score.
    const theirs = (await expectOk(plantAdmin, SUBMIT, { i: { schemeId: scheme, organizationId: gid('Organization', b), indicatorId: indicator.id, body: '<p>开展党员责任区活动</p>' } })).assessmentEvidenceSubmit.evidence;
    expect(failure(await plantAdmin(SCORE, { id: theirs.id, s: 80 }))).toMatchObject({ rule: 'assessment.selfScoring' });
    await expectOk(groupAdmin, SCORE, { id: theirs.id, s: 50 });

    const cards = (await plantAdmin(CARDS, { id: scheme })).data!.node.scorecards;
    expect(cards.map((c: { organizationName: string; total: number; rank: number; peers: number }) => [c.organizationName, c.total, c.rank, c.peers])).toEqual([
      ['采油一队党支部', 88.6, 1, 2], // (40×80 + 30×100) / 70; the transfers indicator had nothing to measure
      ['采油二队党支部', 38.6, 2, 2], // (40×30 + 30×50) / 70
    ]);
    expect(cards[0].rows.map((r: { value: number; score: number; level: string }) => [r.value, r.score, r.level])).toEqual([[3, 80, 'MUST'], [90, 100, 'STRETCH'], [null, null, 'NO_DATA']]);
    expect(cards[1].rows.map((r: { value: number; score: number; level: string }) => [r.value, r.score, r.level])).toEqual([[1, 30, 'MISSED'], [50, 50, 'MISSED'], [null, null, 'NO_DATA']]);
  });

  it('shows an assessed branch its own scorecard and place, not its peers’; nothing to other organisations or members', async () => {
    const seen = (await branchAdmin(CARDS, { id: scheme })).data!.node;
    expect(seen.canManage).toBe(false);
    expect(seen.scorecards.map((c: { organizationName: string; rank: number; peers: number; canSubmitEvidence: boolean }) => [c.organizationName, c.rank, c.peers, c.canSubmitEvidence])).toEqual([['采油一队党支部', 1, 2, true]]);
    expect((await plantReviewer(CARDS, { id: scheme })).data!.node.scorecards).toHaveLength(2);
    for (const outsider of [refineryAdmin, powerAdmin, member]) {
      expect((await outsider(CARDS, { id: scheme })).data!.node).toBeNull();
      expect((await outsider(`{ assessmentSchemes(first: 50) { nodes { id } } }`)).data!.assessmentSchemes.nodes.map((n: { id: string }) => n.id)).not.toContain(scheme);
    }
  });

  it('opens an improvement action for each missed must-reach target, once, and runs it plan → do → check in order', async () => {
    const diagnosis = (await expectOk(plantAdmin, DIAGNOSE, { id: scheme })).assessmentDiagnose.diagnosis;
    expect(diagnosis.standings).toEqual([
      { organizationName: '采油一队党支部', total: 88.6, rank: 1, missed: 0 },
      { organizationName: '采油二队党支部', total: 38.6, rank: 2, missed: 2 },
    ]);
    // The set date (2025-11-30) is past: the reminder runner takes that diagnosis once, and tells each branch's admins.
    expect(await runReminders(api.orm, MODULES, pino({ level: 'silent' }))).toBeGreaterThanOrEqual(1);
    expect(await runReminders(api.orm, MODULES, pino({ level: 'silent' }))).toBe(0);
    const [told] = await db.query<{ title: string; body: string }>(
      `select n.title, n.body from notification n join app_user u on u.id = n.recipient_id where u.email = $1 and n.kind = 'assessments.diagnosed'`,
      [DEMO.branchEditor],
    );
    expect(told).toMatchObject({ title: '考核诊断：2025年第四季度党支部工作考核', body: expect.stringContaining('排名1/2') });
    const cards = (await plantAdmin(CARDS, { id: scheme })).data!.node.scorecards;
    expect(cards[0].actions).toEqual([]);
    const actions = cards[1].actions;
    expect(actions.map((x: { indicatorName: string; stage: string }) => [x.indicatorName, x.stage])).toEqual([['信息发布数', 'PLAN'], ['党建特色工作', 'PLAN']]);
    expect(actions[0].problem).toContain('信息发布数：1，未达必达目标2');
    // The other branch's admin does not reach it; the steps come in order and with what they need.
    expect(failure(await branchAdmin(ACT, { id: actions[0].id, i: { plan: '我的计划' } }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(failure(await plantAdmin(ACT, { id: actions[0].id, i: { stage: 'DO' } }))).toMatchObject({ rule: 'assessment.planNeeded' });
    expect(failure(await plantAdmin(ACT, { id: actions[0].id, i: { stage: 'CHECK' } }))).toMatchObject({ rule: 'assessment.pdcaOrder' });
    const doing = (await expectOk(plantAdmin, ACT, { id: actions[0].id, i: { plan: '每周由宣传委员报送一篇支部动态', owner: '支部宣传委员', dueOn: '2026-02-28', stage: 'DO' } })).improvementActionUpdate.action;
    expect(doing).toMatchObject({ stage: 'DO', owner: '支部宣传委员', dueOn: '2026-02-28' });
    expect(failure(await plantAdmin(ACT, { id: actions[0].id, i: { stage: 'CHECK' } }))).toMatchObject({ rule: 'assessment.doneNeeded' });
    await expectOk(plantAdmin, ACT, { id: actions[0].id, i: { done: '已建立每周报送制度', stage: 'CHECK' } });
    expect(failure(await plantAdmin(ACT, { id: actions[0].id, i: { stage: 'ACT' } }))).toMatchObject({ rule: 'assessment.checkPending' });
  });

  it('closes a period only once it is over, then keeps its result frozen while the data moves on', async () => {
    const plant = gid('Organization', await orgId(db, '第一采油厂党委'));
    const running = (await expectOk(plantAdmin, CREATE, { i: input({ organizationId: plant, name: '本季度考核', period: '2026-Q4' }) })).assessmentSchemeCreate.scheme.id;
    expect(failure(await plantAdmin(CLOSE, { id: running }))).toMatchObject({ rule: 'assessment.periodNotOver', source: expect.stringContaining('#18') });
    expect(failure(await branchAdmin(CLOSE, { id: scheme }))).toMatchObject({ code: 'FORBIDDEN' });
    expect((await expectOk(plantAdmin, CLOSE, { id: scheme })).assessmentClose.scheme.status).toBe('CLOSED');
    // Two more items of 采油二队 dated into the closed quarter: the frozen result does not move …
    await publish(b, 2, '2025-12-15');
    const after = (await plantAdmin(CARDS, { id: scheme })).data!.node;
    expect(after.status).toBe('CLOSED');
    expect(after.scorecards.map((c: { total: number; frozen: boolean; rows: { value: number }[] }) => [c.total, c.frozen, c.rows[0]!.value])).toEqual([[88.6, true, 3], [38.6, true, 1]]);
    expect(after.diagnoses.map((d: { kind: string; asOf: string }) => [d.kind, d.asOf])).toEqual([['FINAL', '2025-12-31'], ['SCHEDULED', '2025-11-30'], ['MANUAL', '2025-12-31']]);
    // … while a scheme still open on the same quarter reads the new figure.
    const open = (await expectOk(plantAdmin, CREATE, { i: input({ organizationId: plant, name: '复核', period: '2025-Q4', indicators: [indicators[0]], assigneeIds: [gid('Organization', b)] }) })).assessmentSchemeCreate.scheme.id;
    expect((await plantAdmin(CARDS, { id: open })).data!.node.scorecards[0].rows[0]).toMatchObject({ value: 3, level: 'MUST' });
    const [indicator] = after.indicators.filter((i: { measure: string }) => i.measure === 'EVIDENCE');
    expect(failure(await branchAdmin(SUBMIT, { i: { schemeId: scheme, organizationId: gid('Organization', a), indicatorId: indicator.id, body: '<p>补交</p>' } }))).toMatchObject({ rule: 'assessment.closed' });
  });

  it('checks an improvement action in the next period’s diagnosis, then lets it act and close with a result', async () => {
    const plant = gid('Organization', await orgId(db, '第一采油厂党委'));
    const next = (await expectOk(plantAdmin, CREATE, { i: input({ organizationId: plant, name: '2026年第一季度党支部工作考核', period: '2026-Q1' }) })).assessmentSchemeCreate.scheme.id;
    await publish(b, 2, '2026-02-10');
    await expectOk(plantAdmin, DIAGNOSE, { id: next });
    const [action] = (await plantAdmin(CARDS, { id: scheme })).data!.node.scorecards[1].actions;
    expect(action).toMatchObject({ indicatorName: '信息发布数', stage: 'CHECK', checkValue: 2, checkMet: true });
    const acted = (await expectOk(plantAdmin, ACT, { id: action.id, i: { stage: 'ACT' } })).improvementActionUpdate.action;
    expect(acted).toMatchObject({ stage: 'ACT', checkedInPeriod: '2026-Q1' });
    expect(failure(await plantAdmin(ACT, { id: action.id, i: { stage: 'CLOSED' } }))).toMatchObject({ rule: 'assessment.resultNeeded' });
    expect((await expectOk(plantAdmin, ACT, { id: action.id, i: { result: '每周报送制度写入支部工作细则', stage: 'CLOSED' } })).improvementActionUpdate.action.stage).toBe('CLOSED');
    // The open actions are the assessed branch's 待办.
    // (The demo's own quarterly schemes have actions of their own; those of this test's quarter:)
    const open = (await plantAdmin(`{ improvementActions(open: true) { schemePeriod indicatorName organization { name } } }`)).data!.improvementActions;
    expect(open.filter((x: { schemePeriod: string }) => x.schemePeriod === '2025-Q4')).toEqual([{ schemePeriod: '2025-Q4', indicatorName: '党建特色工作', organization: { name: '采油二队党支部' } }]);
    const mine = (await branchAdmin(`{ improvementActions(open: true) { organization { name } } }`)).data!.improvementActions;
    expect(mine.every((x: { organization: { name: string } }) => x.organization.name === '采油一队党支部')).toBe(true);
    expect((await refineryAdmin(`{ improvementActions { organization { name } } }`)).data!.improvementActions.map((x: { organization: { name: string } }) => x.organization.name)).not.toContain('采油二队党支部');
  });
});
