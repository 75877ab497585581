/**
 * Surveys through the real endpoint: set up by an organisation's admins; answered once per person
 * (a receipt's key enforces it); an anonymous answer holds no member (and the schema no time);
 * results to the owners, respondents only once closed; nothing for other organisations.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useSuite } from '../support/fixture.js';
import { expectOk, gid, orgId } from '../support/identity.js';
import { createRoll } from '../support/roll.js';

const { db, api, as, tokens } = useSuite({ actors: ['plantAdmin', 'refineryAdmin', 'powerAdmin', 'member'] });
const { plantAdmin, refineryAdmin, powerAdmin, member, anonymous: visitor } = as;
const CREATE = `mutation($i: SurveyInput!) { surveyCreate(input: $i) { survey { id } userErrors { code field message } } }`;
const READ = `query($id: ID!) { node(id: $id) { ... on Survey { title open answered canManage questions { id kind } results { respondents audience questions { answered options { label count } ratingAverage texts } } } } }`;
const ANSWER = `mutation($id: ID!, $a: [SurveyAnswerInput!]!) { surveyAnswer(id: $id, answers: $a) { userErrors { code field message rule } } }`;

describe('surveys', () => {
  let anonymous: string;
  let named: string;

  beforeAll(async () => {
    await createRoll(plantAdmin, db, { branch: '采油一队党支部', full: 6, logins: ['13800000001'], seed: 17 });
    const window = { opensAt: new Date(Date.now() - 60_000).toISOString(), closesAt: new Date(Date.now() + 3600_000).toISOString() };
    const questions = [
      { kind: 'SINGLE', prompt: '您认为支部“三会一课”开展得如何？', options: ['很好', '较好', '一般', '较差'] },
      { kind: 'RATING', prompt: '请为支部组织生活的质量打分（1–5分）' },
      { kind: 'TEXT', prompt: '您对支部工作的意见和建议', required: false },
    ];
    anonymous = (await expectOk(plantAdmin, CREATE, { i: { organizationId: gid('Organization', await orgId(db, '采油一队党支部')), title: '支部工作满意度调查', audience: 'MEMBERS', anonymous: true, resultsToRespondents: true, questions, ...window } })).surveyCreate.survey.id;
    named = (await expectOk(plantAdmin, CREATE, { i: { organizationId: gid('Organization', await orgId(db, '第一采油厂党委')), title: '优秀党员推荐投票', audience: 'MEMBERS', anonymous: false, questions: [{ kind: 'MULTIPLE', prompt: '推荐人选（可多选）', options: ['甲', '乙', '丙'] }], ...window } })).surveyCreate.survey.id;
  }, 60_000);

  it('takes one answer per person, anonymous holding no member', async () => {
    const q = (await member(READ, { id: anonymous })).data!.node;
    expect(q).toMatchObject({ title: '支部工作满意度调查', open: true, answered: false, canManage: false, results: null });
    const [single, rating, text] = q.questions.map((x: { id: string }) => x.id);
    expect((await member(ANSWER, { id: anonymous, a: [{ questionId: single, choices: [1] }] })).data!.surveyAnswer.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT' }); // the rating is required
    expect((await member(ANSWER, { id: anonymous, a: [{ questionId: single, choices: [9] }, { questionId: rating, rating: 4 }] })).data!.surveyAnswer.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT' });
    await expectOk(member, ANSWER, { id: anonymous, a: [{ questionId: single, choices: [1] }, { questionId: rating, rating: 4 }, { questionId: text, text: '建议把学习安排在倒班休息日。' }] });
    expect((await member(ANSWER, { id: anonymous, a: [{ questionId: single, choices: [0] }, { questionId: rating, rating: 5 }] })).data!.surveyAnswer.userErrors[0]).toMatchObject({ code: 'CONFLICT', rule: 'surveys.oneAnswer' });
    expect((await member(READ, { id: anonymous })).data!.node.answered).toBe(true);
    // No member on the anonymous answer, no time in its table; the receipt holds no answer.
    const [row] = await db.query<{ member_id: number | null }>(`select member_id from survey_response where survey_id = $1`, [Number(Buffer.from(anonymous, 'base64url').toString().split(':')[1])]);
    expect(row!.member_id).toBeNull();
    const columns = async (t: string) => (await db.query<{ column_name: string }>(`select column_name from information_schema.columns where table_name = $1 order by ordinal_position`, [t])).map((c) => c.column_name);
    expect(await columns('survey_response')).toEqual(['id', 'enterprise_id', 'survey_id', 'member_id', 'answers', 'user_id']);
    expect(await columns('survey_receipt')).toEqual(['enterprise_id', 'survey_id', 'member_id']);
    // A named vote keeps who voted.
    const choice = (await member(READ, { id: named })).data!.node.questions[0].id;
    await expectOk(member, ANSWER, { id: named, a: [{ questionId: choice, choices: [0, 2] }] });
    const [vote] = await db.query<{ member_id: number | null }>(`select member_id from survey_response where survey_id = $1`, [Number(Buffer.from(named, 'base64url').toString().split(':')[1])]);
    expect(vote!.member_id).not.toBeNull();
  });

  it('shows the results to its owners only while open, and nothing to other organisations', async () => {
    const results = (await plantAdmin(READ, { id: anonymous })).data!.node.results;
    expect(results).toMatchObject({ respondents: 1, audience: 6 });
    expect(results.questions[0].options).toEqual([{ label: '很好', count: 0 }, { label: '较好', count: 1 }, { label: '一般', count: 0 }, { label: '较差', count: 0 }]);
    expect(results.questions[1].ratingAverage).toBe(4);
    expect(results.questions[2].texts).toEqual(['建议把学习安排在倒班休息日。']);
    expect((await member(READ, { id: anonymous })).data!.node.results).toBeNull(); // not closed yet
    for (const who of [refineryAdmin, powerAdmin]) expect((await who(READ, { id: anonymous })).data?.node ?? null).toBeNull();
    expect((await powerAdmin(`{ surveys(first: 10) { nodes { title } } }`)).data!.surveys.nodes.map((n: { title: string }) => n.title)).not.toContain('支部工作满意度调查');
  });
});

describe('public surveys on a portal', () => {
  const PUBLIC = `query($id: ID!) { node(id: $id) { ... on Survey { title audience formToken answered resultsPublishedAt questions { id } results { respondents audience questions { options { label count } texts } } } } }`;
  const ANSWER_AS_VISITOR = `mutation($id: ID!, $a: [SurveyAnswerInput!]!, $t: String) { surveyAnswer(id: $id, answers: $a, formToken: $t) { userErrors { code message rule source } } }`;
  let open: string;
  let named: string;
  const window = () => ({ opensAt: new Date(Date.now() - 60_000).toISOString(), closesAt: new Date(Date.now() + 3600_000).toISOString() });

  beforeAll(async () => {
    const plant = gid('Organization', await orgId(db, '第一采油厂党委'));
    const questions = [{ kind: 'SINGLE', prompt: '您希望油田开放日安排在哪天？', options: ['周六', '周日'] }, { kind: 'TEXT', prompt: '其他意见', required: false }];
    open = (await expectOk(plantAdmin, CREATE, { i: { organizationId: plant, title: '油田开放日群众意见征集', audience: 'PUBLIC', anonymous: true, perAddressLimit: 2, questions, ...window() } })).surveyCreate.survey.id;
    named = (await expectOk(plantAdmin, CREATE, { i: { organizationId: plant, title: '社区共建项目投票', audience: 'PUBLIC', anonymous: false, questions: [questions[0]], ...window() } })).surveyCreate.survey.id;
  });

  it('lets visitors answer an anonymous public survey with the form’s one-time token, within the address’s daily budget', async () => {
    const form = async () => (await visitor(PUBLIC, { id: open })).data!.node;
    const first = await form();
    expect(first).toMatchObject({ audience: 'PUBLIC', results: null, formToken: expect.stringMatching(/^[\w-]{16}\.\d+\.[0-9a-f]{64}$/) });
    const [choice, text] = first.questions.map((q: { id: string }) => q.id);
    const answer = (t: string | null, pick = 0) => visitor(ANSWER_AS_VISITOR, { id: open, a: [{ questionId: choice, choices: [pick] }, { questionId: text, text: '请看 https://spam.example/x 领奖' }], t });
    expect((await answer(null)).data!.surveyAnswer.userErrors[0]).toMatchObject({ rule: 'surveys.formToken', source: expect.stringContaining('防刷票') });
    expect((await answer(`${first.formToken.slice(0, -1)}${first.formToken.endsWith('a') ? 'b' : 'a'}`)).data!.surveyAnswer.userErrors[0]).toMatchObject({ rule: 'surveys.formToken' }); // not the server's
    expect((await answer(first.formToken)).data!.surveyAnswer.userErrors).toEqual([]);
    expect((await answer(first.formToken)).data!.surveyAnswer.userErrors[0]).toMatchObject({ rule: 'surveys.formToken' }); // used up
    expect((await answer((await form()).formToken, 1)).data!.surveyAnswer.userErrors).toEqual([]);
    expect((await answer((await form()).formToken)).data!.surveyAnswer.userErrors[0]).toMatchObject({ rule: 'surveys.addressBudget', message: expect.stringContaining('2份') });
    // The address is kept only as a keyed hash; the links are gone from the texts.
    const [budget] = await db.query<{ address_hash: string; answers: number }>(`select address_hash, answers from survey_guest_budget`);
    expect(budget).toMatchObject({ address_hash: expect.stringMatching(/^[0-9a-f]{64}$/), answers: 2 });
    const texts = await db.query<{ answers: Record<string, { text?: string }> }>(`select answers from survey_response where survey_id = $1`, [Number(Buffer.from(open, 'base64url').toString().split(':')[1])]);
    expect(texts.map((r) => Object.values(r.answers).find((a) => a.text)?.text)).toEqual(['请看 [链接已移除] 领奖', '请看 [链接已移除] 领奖']);
  });

  it('takes one answer per signed-in account, from any enterprise; a named one asks visitors to sign in', async () => {
    const [choice] = (await member(PUBLIC, { id: named })).data!.node.questions.map((q: { id: string }) => q.id);
    expect((await visitor(ANSWER_AS_VISITOR, { id: named, a: [{ questionId: choice, choices: [0] }] })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await expectOk(member, ANSWER, { id: named, a: [{ questionId: choice, choices: [0] }] });
    expect((await member(ANSWER, { id: named, a: [{ questionId: choice, choices: [1] }] })).data!.surveyAnswer.userErrors[0]).toMatchObject({ rule: 'surveys.oneAnswer' });
    await expectOk(powerAdmin, ANSWER, { id: named, a: [{ questionId: choice, choices: [1] }] });
    expect((await member(PUBLIC, { id: named })).data!.node.answered).toBe(true);
    expect((await member(PUBLIC, { id: named })).data!.node.formToken).toBeNull();
  });

  it('shows the results publicly only once the owner publishes them, and exports them to its owners', async () => {
    expect((await visitor(PUBLIC, { id: named })).data!.node.results).toBeNull();
    const PUBLISH = `mutation($id: ID!) { surveyPublishResults(id: $id) { survey { resultsPublishedAt } userErrors { code } } }`;
    expect((await refineryAdmin(PUBLISH, { id: named })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await expectOk(plantAdmin, PUBLISH, { id: named });
    expect((await visitor(PUBLIC, { id: named })).data!.node.results).toMatchObject({ respondents: 2, audience: null, questions: [{ options: [{ label: '周六', count: 1 }, { label: '周日', count: 1 }] }] });
    const listed = (await visitor(`{ portalSurveys(portalSlug: "huayou-caiyou1") { title } }`)).data!.portalSurveys.map((x: { title: string }) => x.title);
    expect(listed).toEqual(expect.arrayContaining(['油田开放日群众意见征集', '社区共建项目投票']));
    expect((await visitor(`{ portalSurveys(portalSlug: "huayou-lianhua") { title } }`)).data!.portalSurveys.map((x: { title: string }) => x.title)).not.toContain('社区共建项目投票');
    // The spreadsheet: to its owners only; a named survey's rows carry the account's name.
    const download = (token?: string) => fetch(`${api.baseUrl}/surveys/${named}/results.xlsx`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    for (const token of [undefined, tokens.member, tokens.refineryAdmin]) expect((await download(token)).status).toBe(404);
    const res = await download(tokens.plantAdmin);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const rows = book.getWorksheet('答卷')!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(rows).toHaveLength(3);
    expect(rows.slice(1).map((r) => r[1]).sort()).toEqual(['周六', '周日']);
    expect(book.getWorksheet('汇总')!.getCell('A1').value).toBe('社区共建项目投票');
  });
});
