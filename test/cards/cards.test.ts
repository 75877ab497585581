/**
 * The e-member card (电子党员活动证): the member's own card with a signed token; verification by
 * anyone that answers name, organisation and status only; an altered or forged token invalid; an
 * expired card expired; a reissue, a transfer out or a 党籍 change revoking it at once; key
 * rotation that keeps issued cards valid.
 */
import { describe, expect, it } from 'vitest';
import { checkCharacter } from '../../api/src/modules/members/id-number.js';
import { personalDataKeys } from '../../api/src/modules/members/personal-data.js';
import { privateKeyFrom, signToken } from '../../api/src/modules/cards/token.js';
import { TEST_MEMBER_DATA_KEY } from '../support/api.js';
import { useSuite } from '../support/fixture.js';
import { expectOk, gid, orgId, outcome, userId } from '../support/identity.js';

const { db, as, api, tokens } = useSuite({ actors: ['plantAdmin', 'plantReviewer', 'powerAdmin', 'platformAdmin', 'member'] });
const { plantAdmin, plantReviewer, powerAdmin, platformAdmin, member, anonymous } = as;
const VERIFY = `query($t: String!) { cardVerify(token: $t) { status name organization memberStatus expiresOn } }`;
const verify = async (token: string) => (await anonymous(VERIFY, { t: token })).data!.cardVerify;
const MY = `{ myMemberRecord { card { number token expiresOn } } }`;

describe('电子党员活动证', () => {
  let zhang: string;
  let token: string;

  it('gives the member a card whose token anyone can verify — name, organisation and status only', async () => {
    zhang = (await expectOk(plantAdmin, `mutation($i: MemberInputType!) { memberCreate(input: $i) { member { id } userErrors { message } } }`, {
      i: { organizationId: gid('Organization', await orgId(db, '采油一队党支部')), name: '张伟', idNumber: '37010219880612003' + checkCharacter('37010219880612003'), phone: '13800000001', joinedOn: '2012-07-01', confirmedOn: '2013-07-01', category: 'FULL', userId: gid('User', await userId(db, '13800000001')) },
    })).memberCreate.member.id;
    const card = (await member(MY)).data!.myMemberRecord.card;
    expect(card.number).toMatch(/^DJ\d{8}$/);
    token = card.token;
    // The same card on the next view.
    expect((await member(MY)).data!.myMemberRecord.card.number).toBe(card.number);
    const seen = await verify(token);
    expect(seen).toEqual({ status: 'VALID', name: '张伟', organization: '采油一队党支部', memberStatus: 'NORMAL', expiresOn: card.expiresOn });
    expect(JSON.stringify(seen)).not.toMatch(/3701|13800000001/);
    // Reviewers read the record masked, and get no card; another enterprise nothing.
    expect((await plantReviewer(`query($id: ID!) { node(id: $id) { ... on Member { card { token } } } }`, { id: zhang })).data!.node.card).toBeNull();
    expect((await powerAdmin(`query($id: ID!) { node(id: $id) { ... on Member { card { token } } } }`, { id: zhang })).data?.node ?? null).toBeNull();
  });

  it('shows the photo the admins set on the record; those who read the record fetch it, nobody else', async () => {
    const branch = gid('Organization', await orgId(db, '采油一队党支部'));
    const upload = async (name: string, type: string, body: Buffer) =>
      (await (
        await fetch(`${api.baseUrl}/media?organizationId=${branch}`, {
          method: 'POST',
          headers: { 'content-type': type, 'x-file-name': encodeURIComponent(name), authorization: `Bearer ${tokens.plantAdmin}` },
          body: new Uint8Array(body),
        })
      ).json()) as { id: string; url: string };
    const photo = await upload('张伟.png', 'application/octet-stream', Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));
    const pdf = await upload('简历.pdf', 'application/octet-stream', Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n'));
    const SET = `mutation($id: ID!, $f: ID) { memberPhotoSet(id: $id, fileId: $f) { member { photoUrl } userErrors { code field } } }`;
    expect(outcome(await member(SET, { id: zhang, f: photo.id }), 'memberPhotoSet')).toBe('FORBIDDEN');
    expect((await plantAdmin(SET, { id: zhang, f: pdf.id })).data!.memberPhotoSet.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect((await expectOk(plantAdmin, SET, { id: zhang, f: photo.id })).memberPhotoSet.member.photoUrl).toBe(photo.url);
    expect((await member(`{ myMemberRecord { card { photoUrl } } }`)).data!.myMemberRecord.card.photoUrl).toBe(photo.url);
    const fetchAs = (token?: string) => fetch(`${api.baseUrl}${photo.url}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    expect((await fetchAs(tokens.member)).status).toBe(200);
    for (const token of [tokens.powerAdmin, undefined]) expect((await fetchAs(token)).status).not.toBe(200);
    // What a scan learns stays the same: no photo.
    expect(Object.keys(await verify(token))).not.toContain('photoUrl');
  });

  it('answers INVALID for an altered, forged or junk token', async () => {
    const [, id, key, exp, sig] = token.split('.');
    expect((await verify(`1.${Number(id) + 1}.${key}.${exp}.${sig}`)).status).toBe('INVALID');
    expect((await verify(`1.${id}.${key}.20991231.${sig}`)).status).toBe('INVALID');
    expect((await verify(`1.${id}.${key}.${exp}.${Buffer.alloc(64, 1).toString('base64url')}`)).status).toBe('INVALID');
    expect((await verify('not-a-card'))).toEqual({ status: 'INVALID', name: null, organization: null, memberStatus: null, expiresOn: null });
  });

  it('answers EXPIRED for a card past its validity', async () => {
    const [, id, keyId] = token.split('.');
    await db.query(`update member_card set expires_on = current_date - 1 where id = $1`, [Number(id)]);
    const [row] = await db.query<{ private_key_sealed: string; expires: string }>(`select k.private_key_sealed, to_char(c.expires_on, 'YYYY-MM-DD') as expires from card_signing_key k, member_card c where k.id = $1 and c.id = $2`, [keyId, Number(id)]);
    const expired = signToken({ cardId: Number(id), keyId: keyId!, expiresOn: row!.expires }, privateKeyFrom(personalDataKeys(TEST_MEMBER_DATA_KEY).open(row!.private_key_sealed)));
    expect((await verify(expired)).status).toBe('EXPIRED');
    // Viewed again, the member gets a new card.
    token = (await member(MY)).data!.myMemberRecord.card.token;
    expect((await verify(token)).status).toBe('VALID');
  });

  it('revokes at once on a reissue; a rotated key keeps issued cards valid', async () => {
    expect(outcome(await plantReviewer(`mutation($m: ID!) { memberCardReissue(memberId: $m, reason: "遗失") { card { token } userErrors { code } } }`, { m: zhang }), 'memberCardReissue')).toBe('FORBIDDEN');
    const reissued = await expectOk(plantAdmin, `mutation($m: ID!) { memberCardReissue(memberId: $m, reason: "手机遗失") { card { token } userErrors { code } } }`, { m: zhang });
    expect((await verify(token)).status).toBe('REVOKED');
    token = reissued.memberCardReissue.card.token;
    expect((await verify(token)).status).toBe('VALID');
    expect(outcome(await plantAdmin(`mutation { cardKeyRotate { keyId userErrors { code } } }`), 'cardKeyRotate')).toBe('FORBIDDEN');
    const rotated = (await expectOk(platformAdmin, `mutation { cardKeyRotate { keyId userErrors { code } } }`)).cardKeyRotate.keyId;
    expect((await verify(token)).status).toBe('VALID'); // signed by the retired key, still within its validity
    const next = (await expectOk(plantAdmin, `mutation($m: ID!) { memberCardReissue(memberId: $m, reason: "换发") { card { token } userErrors { code } } }`, { m: zhang })).memberCardReissue.card.token;
    expect(next.split('.')[2]).toBe(rotated);
    token = next;
  });

  it('revokes when the member transfers out or their 党籍 is no longer normal', async () => {
    const t = (await expectOk(plantAdmin, `mutation($i: TransferApplyInput!) { transferApply(input: $i) { transfer { id } userErrors { message } } }`, { i: { memberId: zhang, reach: 'EXTERNAL', destination: '中共某县委组织部', reason: '返乡' } })).transferApply.transfer.id;
    for (const action of ['AGREE', 'ISSUE']) await expectOk(plantAdmin, `mutation($i: TransferActInput!) { transferAct(input: $i) { userErrors { message } } }`, { i: { transferId: t, action } });
    expect((await verify(token)).status).toBe('VALID'); // still theirs until the 回执
    await expectOk(plantAdmin, `mutation($i: TransferActInput!) { transferAct(input: $i) { userErrors { message } } }`, { i: { transferId: t, action: 'RECEIVE' } });
    expect(await verify(token)).toMatchObject({ status: 'REVOKED', memberStatus: 'TRANSFERRED_OUT' });
    // 停止党籍 likewise.
    const li = (await expectOk(plantAdmin, `mutation($i: MemberInputType!) { memberCreate(input: $i) { member { id card { token } } userErrors { message } } }`, {
      i: { organizationId: gid('Organization', await orgId(db, '采油一队党支部')), name: '李卡', idNumber: '37010219900909001' + checkCharacter('37010219900909001'), joinedOn: '2012-07-01', confirmedOn: '2013-07-01', category: 'FULL' },
    })).memberCreate.member;
    expect((await verify(li.card.token)).status).toBe('VALID');
    await expectOk(plantAdmin, `mutation($id: ID!, $i: MemberStatusInput!) { memberStatusChange(id: $id, input: $i) { userErrors { message } } }`, { id: li.id, i: { status: 'SUSPENDED', effectiveOn: '2026-11-01', reason: '失去联系超过六个月' } });
    expect(await verify(li.card.token)).toMatchObject({ status: 'REVOKED', memberStatus: 'SUSPENDED' });
  });

});
