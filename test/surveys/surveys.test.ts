/**
 * Surveys through the real endpoint: set up by an organisation's admins; answered once per person
 * (a receipt's key enforces it); an anonymous answer holds no member (and the schema no time);
 * results to the owners, respondents only once closed; nothing for other organisations.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useSuite } from '../support/fixture.js';
import { expectOk, gid, orgId } from '../support/identity.js';
import { createRoll } from '../support/roll.js';

const { db, as } = useSuite({ actors: ['plantAdmin', 'refineryAdmin', 'powerAdmin', 'member'] });
const { plantAdmin, refineryAdmin, powerAdmin, member } = as;
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
    expect(await columns('survey_response')).toEqual(['id', 'enterprise_id', 'survey_id', 'member_id', 'answers']);
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
