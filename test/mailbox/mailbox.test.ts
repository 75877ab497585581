/**
 * 群众意见箱 through the real endpoint: anyone sends from a portal (links removed when not signed in,
 * five an hour per address); routed to the portal's organisation; its admins read the contact (sealed
 * at rest, each reading audited), take it in hand and answer; the public list shows only what the
 * sender allowed and what was answered publicly; nothing to other organisations.
 */
import { describe, expect, it } from 'vitest';
import { useSuite } from '../support/fixture.js';
import { expectOk, gid } from '../support/identity.js';

const { db, as } = useSuite({ actors: ['plantAdmin', 'plantReviewer', 'refineryAdmin', 'member'] });
const { plantAdmin, plantReviewer, refineryAdmin, member, anonymous: visitor } = as;
const SEND = `mutation($s: String!, $i: SuggestionInput!) { suggestionSend(portalSlug: $s, input: $i) { number userErrors { code message rule source } } }`;
const BOX = `query($st: MailStatus) { mailbox(status: $st) { id number subject body authorName hasContact contact status reply replyPublic organization { name } } }`;
const HANDLE = `mutation($id: ID!, $i: SuggestionHandleInput!) { suggestionHandle(id: $id, input: $i) { suggestion { status reply } userErrors { code message } } }`;
const LIST = `query($s: String!) { portalSuggestions(portalSlug: $s) { number subject body reply } }`;

describe('the masses’ suggestion box', () => {
  it('takes anyone’s suggestion to the portal’s organisation, without links from visitors, five an hour per address', async () => {
    const sent = await expectOk(visitor, SEND, {
      s: 'huayou-caiyou1',
      i: { subject: '井场道路扬尘问题', body: '建议雨季前硬化井场道路，详见 http://spam.example/a 和 www.spam.example', name: '附近居民王先生', contact: '13912345678', allowPublic: true },
    });
    expect(sent.suggestionSend.number).toBeGreaterThan(0);
    await expectOk(member, SEND, { s: 'huayou-caiyou1', i: { subject: '希望开放职工书屋', body: '周末能否向社区开放？参考 https://example.org/library', allowPublic: false } });
    const box = (await plantAdmin(BOX, {})).data!.mailbox;
    const dust = box.find((x: { subject: string }) => x.subject === '井场道路扬尘问题');
    expect(dust).toMatchObject({ body: '建议雨季前硬化井场道路，详见 [链接已移除] 和 [链接已移除]', authorName: '附近居民王先生', hasContact: true, contact: '13912345678', status: 'RECEIVED', organization: { name: '第一采油厂党委' } });
    // A signed-in member's links stay (they are accountable); the contact is sealed at rest and its reading audited.
    expect(box.find((x: { subject: string }) => x.subject === '希望开放职工书屋').body).toContain('https://example.org/library');
    const [row] = await db.query<{ contact_sealed: string }>(`select contact_sealed from mass_suggestion where subject = '井场道路扬尘问题'`);
    expect(row!.contact_sealed).toMatch(/^v1\./);
    const [audit] = await db.query<{ n: number }>(`select count(*)::int as n from audit_event where action = 'mailbox.contactRead'`);
    expect(audit!.n).toBeGreaterThanOrEqual(1);
    // Reviewers read the box without the contact; other organisations read nothing of it.
    expect((await plantReviewer(BOX, {})).data!.mailbox.find((x: { subject: string }) => x.subject === '井场道路扬尘问题')).toMatchObject({ hasContact: true, contact: null });
    expect((await refineryAdmin(BOX, {})).data!.mailbox.map((x: { subject: string }) => x.subject)).not.toContain('井场道路扬尘问题');
    expect((await member(BOX, {})).data!.mailbox).toEqual([]);
    // The budget: five an hour from one address (the two above and three more; the sixth refused).
    for (let i = 0; i < 3; i++) await expectOk(visitor, SEND, { s: 'huayou-caiyou1', i: { subject: `意见${i}`, body: '内容', allowPublic: false } });
    expect((await visitor(SEND, { s: 'huayou-caiyou1', i: { subject: '再一条', body: '内容', allowPublic: false } })).data!.suggestionSend.userErrors[0]).toMatchObject({ rule: 'mailbox.rateLimit', source: expect.stringContaining('#18') });
    expect((await visitor(SEND, { s: 'no-such-portal', i: { subject: 'x', body: 'y', allowPublic: false } })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('is answered by the organisation’s admins, publicly or privately; the public list shows only what the sender allowed', async () => {
    const box = (await plantAdmin(BOX, {})).data!.mailbox;
    const dust = box.find((x: { subject: string }) => x.subject === '井场道路扬尘问题');
    const library = box.find((x: { subject: string }) => x.subject === '希望开放职工书屋');
    expect((await refineryAdmin(HANDLE, { id: dust.id, i: { status: 'HANDLING' } })).errors?.[0]?.extensions?.code).toMatch(/FORBIDDEN|NOT_FOUND/);
    expect((await expectOk(plantAdmin, HANDLE, { id: dust.id, i: { status: 'HANDLING' } })).suggestionHandle.suggestion.status).toBe('HANDLING');
    expect((await visitor(LIST, { s: 'huayou-caiyou1' })).data!.portalSuggestions).toEqual([]);
    await expectOk(plantAdmin, HANDLE, { id: dust.id, i: { status: 'ANSWERED', reply: '已安排在4月底前完成井场道路硬化，感谢监督。', replyPublic: true } });
    await expectOk(plantAdmin, HANDLE, { id: library.id, i: { status: 'ANSWERED', reply: '职工书屋将于每周六向社区开放。', replyPublic: true } });
    const listed = (await visitor(LIST, { s: 'huayou-caiyou1' })).data!.portalSuggestions;
    expect(listed).toEqual([{ number: dust.number, subject: '井场道路扬尘问题', body: '建议雨季前硬化井场道路，详见 [链接已移除] 和 [链接已移除]', reply: '已安排在4月底前完成井场道路硬化，感谢监督。' }]);
    expect(JSON.stringify(listed)).not.toContain('王先生');
    // The member who sent the other sees its answer in their own list.
    expect((await member(`{ mySuggestions { subject status reply } }`)).data!.mySuggestions).toEqual([{ subject: '希望开放职工书屋', status: 'ANSWERED', reply: '职工书屋将于每周六向社区开放。' }]);
    expect(gid('MassSuggestion', dust.number)).toBe(dust.id);
  });
});
