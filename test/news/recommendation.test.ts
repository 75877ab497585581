/** 上报: recommending news upward, deciding, and the featured feed. */
import { beforeAll, describe, expect, it } from 'vitest';
import { useSuite } from '../support/fixture.js';
import { DEMO, gid, orgId, outcome, signIn, withToken } from '../support/identity.js';

let article: string;
let root: string;

const { db, api, as } = useSuite({ actors: ['branchEditor', 'plantReviewer', 'groupAdmin', 'refineryAdmin'] });
const { branchEditor: editor, plantReviewer: reviewer, groupAdmin, refineryAdmin, anonymous } = as;
beforeAll(async () => {
  root = gid('Organization', await orgId(db, '华油能源集团有限公司党委'));
  const created = await editor(`mutation($i: NewsCreateInput!) { newsCreate(input: $i) { newsArticle { id } } }`, {
    i: { organizationId: gid('Organization', await orgId(db, '采油一队党支部')), title: '采油一队“党员示范岗”经验做法', bodyHtml: '<p>经验做法。</p>' },
  });
  article = created.data!.newsCreate.newsArticle.id;
  await editor(`mutation($id: ID!) { newsSubmit(id: $id) { userErrors { code } } }`, { id: article });
  await reviewer(`mutation($id: ID!) { newsApprove(id: $id) { userErrors { code } } }`, { id: article });
});

const RECOMMEND = `mutation($id: ID!, $to: ID, $note: String) { newsRecommend(id: $id, toOrganizationId: $to, note: $note) { recommendation { id status note } userErrors { code field message } } }`;
const QUEUE = `query($o: ID!) { recommendations(organizationId: $o, first: 10) { totalCount nodes { id note recommendedByName newsArticle { title organization { name } } toOrganization { name } } } }`;

describe('recommending upward', () => {
  let recommendation: string;

  it('a reviewer above the owner recommends to the group; the group sees it in its queue', async () => {
    expect(outcome(await editor(RECOMMEND, { id: article, to: root }), 'newsRecommend')).toBe('FORBIDDEN');
    const sideways = await reviewer(RECOMMEND, { id: article, to: gid('Organization', await orgId(db, '炼化分公司党委')) });
    expect(sideways.data!.newsRecommend.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'toOrganizationId'] });
    const res = await reviewer(RECOMMEND, { id: article, to: root, note: '建议在集团门户推广' });
    expect(res.data!.newsRecommend.recommendation).toMatchObject({ status: 'PENDING', note: '建议在集团门户推广' });
    recommendation = res.data!.newsRecommend.recommendation.id;
    expect((await reviewer(RECOMMEND, { id: article, to: root })).data!.newsRecommend.userErrors[0].code).toBe('CONFLICT');

    const queue = await groupAdmin(QUEUE, { o: root });
    expect(queue.data!.recommendations).toEqual({
      totalCount: 1,
      nodes: [{ id: recommendation, note: '建议在集团门户推广', recommendedByName: '赵志刚', newsArticle: { title: '采油一队“党员示范岗”经验做法', organization: { name: '采油一队党支部' } }, toOrganization: { name: '华油能源集团有限公司党委' } }],
    });
    // Not for a sibling's admin, nor for the recommending reviewer below the target.
    expect((await refineryAdmin(QUEUE, { o: root })).data!.recommendations.totalCount).toBe(0);
    expect((await reviewer(QUEUE, { o: root })).data!.recommendations.totalCount).toBe(0);
  });

  it('only the target level decides; accepted articles join its featured feed with their origin', async () => {
    const accept = `mutation($id: ID!) { recommendationAccept(id: $id) { recommendation { status decidedAt } userErrors { code } } }`;
    expect(outcome(await reviewer(accept, { id: recommendation }), 'recommendationAccept')).toBe('FORBIDDEN');
    expect((await groupAdmin(accept, { id: recommendation })).data!.recommendationAccept.recommendation.status).toBe('ACCEPTED');
    expect((await groupAdmin(accept, { id: recommendation })).data!.recommendationAccept.userErrors[0].code).toBe('CONFLICT');
    const featured = await anonymous(`query($o: ID!) { news(first: 10, filter: { recommendedTo: $o }) { totalCount nodes { title organization { name } featuredBy { name } } } }`, { o: root });
    expect(featured.data!.news).toEqual({
      totalCount: 1,
      nodes: [{ title: '采油一队“党员示范岗”经验做法', organization: { name: '采油一队党支部' }, featuredBy: [{ name: '华油能源集团有限公司党委' }] }],
    });
    const audit = await db.query<{ action: string }>(`select action from audit_event where action like 'content.recommend%' order by id`);
    expect(audit.map((a) => a.action)).toEqual(['content.recommend', 'content.recommendationAccept']);
  });

  it('a decline carries its reason and features nothing', async () => {
    const plant = gid('Organization', await orgId(db, '第一采油厂党委'));
    const rec = (await reviewer(RECOMMEND, { id: article, to: plant })).data!.newsRecommend.recommendation.id;
    const plantAdmin = withToken(api, await signIn(api, DEMO.plantAdmin));
    const res = await plantAdmin(`mutation($id: ID!) { recommendationDecline(id: $id, reason: "与上月报道重复") { recommendation { status declineReason } } }`, { id: rec });
    expect(res.data!.recommendationDecline.recommendation).toEqual({ status: 'DECLINED', declineReason: '与上月报道重复' });
    expect((await anonymous(`query($o: ID!) { news(first: 10, filter: { recommendedTo: $o }) { totalCount } }`, { o: plant })).data!.news.totalCount).toBe(0);
  });
});
