/** Uploads and downloads over real HTTP: sniffing, limits, and access that follows the content. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { useSuite } from '../support/fixture.js';
import { gid, orgId, withToken } from '../support/identity.js';

const suite = useSuite({ actors: ['branchEditor', 'member', 'plantReviewer', 'powerAdmin', 'refineryAdmin'] });
const { db, api } = suite;
const tokens = {} as Record<'editor' | 'member' | 'reviewer' | 'powerAdmin' | 'refineryAdmin', string>;
let branch: string;

/** A real 3×2 PNG. */
function png(width = 3, height = 2): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.alloc((width * 3 + 1) * height, 0xc8);
  for (let y = 0; y < height; y++) raw[y * (width * 3 + 1)] = 0;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** A JPEG header with a 640×480 frame after an APP0 block. */
function jpeg(): Buffer {
  return Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x01, 0xe0, 0x02, 0x80, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01, 0xff, 0xd9]);
}

beforeAll(async () => {
  Object.assign(tokens, { editor: suite.tokens.branchEditor, member: suite.tokens.member, reviewer: suite.tokens.plantReviewer, powerAdmin: suite.tokens.powerAdmin, refineryAdmin: suite.tokens.refineryAdmin });
  branch = gid('Organization', await orgId(db, '采油一队党支部'));
});

async function upload(body: Buffer, name: string, token?: string, organizationId = branch) {
  const res = await fetch(`${api.baseUrl}/media?organizationId=${organizationId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(name), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: new Uint8Array(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

const download = (url: string, token?: string) => fetch(`${api.baseUrl}${url}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
const fileCount = async () => (await db.query<{ n: number }>('select count(*)::int as n from media_file'))[0]!.n;

describe('uploading', () => {
  it('stores an image with its sniffed type and size; only editors of the organisation may upload', async () => {
    const res = await upload(png(), '学习现场.PNG', tokens.editor);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ fileName: '学习现场.PNG', mimeType: 'image/png', size: png().length, width: 3, height: 2 });
    expect(res.body.url).toMatch(/^\/media\/\d+\/%E5%AD%A6/);
    const jpg = await upload(jpeg(), 'photo.bin', tokens.editor);
    expect(jpg.body).toMatchObject({ mimeType: 'image/jpeg', width: 640, height: 480 });

    expect((await upload(png(), 'x.png')).status).toBe(401);
    const member = await upload(png(), 'x.png', tokens.member);
    expect(member.status).toBe(403);
    expect(member.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('refuses what is not an allowed type, whatever its name, and what is too large; nothing is left behind', async () => {
    const before = await fileCount();
    const exe = await upload(Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100)]), '照片.png', tokens.editor);
    expect(exe.status).toBe(400);
    expect(exe.body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'file' });
    const html = await upload(Buffer.from('<script>alert(1)</script>'), 'page.jpg', tokens.editor);
    expect(html.status).toBe(400);
    const empty = await upload(Buffer.alloc(0), 'empty.png', tokens.editor);
    expect(empty.status).toBe(400);
    const bigImage = await upload(Buffer.concat([png(), Buffer.alloc(11 * 1024 * 1024)]), 'big.png', tokens.editor);
    expect(bigImage.status).toBe(413);
    expect(bigImage.body.errors[0].message).toMatch(/larger than 10 MB/);
    const huge = await upload(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(51 * 1024 * 1024)]), 'huge.pdf', tokens.editor);
    expect(huge.status).toBe(413);
    expect(await fileCount()).toBe(before);
    expect(await fs.readdir(path.join(api.mediaDir, 'tmp'))).toEqual([]);
  });
});

describe('downloading follows the content that uses a file', () => {
  const CREATE = `mutation($i: NewsCreateInput!) { newsCreate(input: $i) { newsArticle { id } userErrors { code field message } } }`;
  const gql = (token: string, query: string, variables: Record<string, unknown>) => withToken(api, token)(query, variables);
  async function publishWith(url: string, visibility: string) {
    const created = await gql(tokens.editor, CREATE, { i: { organizationId: branch, title: `配图文章-${visibility}`, bodyHtml: `<p>现场照片</p><img src="${url}" alt="现场">`, visibility } });
    expect(created.data!.newsCreate.userErrors).toEqual([]);
    const id = created.data!.newsCreate.newsArticle.id;
    await gql(tokens.editor, `mutation($id: ID!) { newsSubmit(id: $id) { userErrors { code } } }`, { id });
    await gql(tokens.reviewer, `mutation($id: ID!) { newsApprove(id: $id) { userErrors { code } } }`, { id });
  }

  it('an unused file: its organisation’s editors only', async () => {
    const { body } = await upload(png(4, 4), 'draft.png', tokens.editor);
    const mine = await download(body.url, tokens.editor);
    expect(mine.status).toBe(200);
    expect(Buffer.from(await mine.arrayBuffer())).toEqual(png(4, 4));
    expect(mine.headers.get('content-type')).toBe('image/png');
    expect(mine.headers.get('x-content-type-options')).toBe('nosniff');
    expect(mine.headers.get('cache-control')).toBe('private, no-store');
    for (const token of [undefined, tokens.member, tokens.powerAdmin]) expect((await download(body.url, token)).status).toBe(404);
  });

  it('in an internal article: its readers; in a public one: everyone, cacheably', async () => {
    const { body } = await upload(png(5, 5), 'meeting.png', tokens.editor);
    await publishWith(body.url, 'ORGANIZATION');
    expect((await download(body.url, tokens.member)).status).toBe(200);
    expect((await download(body.url)).status).toBe(404);
    expect((await download(body.url, tokens.powerAdmin)).status).toBe(404);
    await publishWith(body.url, 'PUBLIC');
    const open = await download(body.url);
    expect(open.status).toBe(200);
    expect(open.headers.get('cache-control')).toBe('public, max-age=3600');
    expect(open.headers.get('content-disposition')).toBe(`inline; filename*=UTF-8''meeting.png`);
  });

  it('nobody can publish someone else’s private file by embedding it', async () => {
    const { body } = await upload(png(6, 6), 'private.png', tokens.editor);
    const power = await gql(tokens.powerAdmin, CREATE, {
      i: { organizationId: gid('Organization', await orgId(db, '江川供电有限公司党委')), title: '盗用图片', bodyHtml: `<img src="${body.url}">`, visibility: 'PUBLIC' },
    });
    expect(power.data!.newsCreate.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'bodyHtml'] });
    const sibling = await gql(tokens.refineryAdmin, CREATE, {
      i: { organizationId: gid('Organization', await orgId(db, '炼化分公司党委')), title: '盗用图片', bodyHtml: `<img src="${body.url}">`, visibility: 'PUBLIC' },
    });
    expect(sibling.data!.newsCreate.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'bodyHtml'] });
    expect((await download(body.url)).status).toBe(404);
  });

  it('answers unknown and malformed ids with 404', async () => {
    for (const url of ['/media/999999/x.png', '/media/abc', '/media/1%27%20or%201=1']) expect((await download(url, tokens.editor)).status).toBe(404);
  });
});

describe('cover images', () => {
  const CREATE = `mutation($i: NewsCreateInput!) { newsCreate(input: $i) { newsArticle { id cover { url mimeType width height } } userErrors { code field } } }`;

  it('sets a cover from an uploaded image, refuses documents and others’ private files, and removes it', async () => {
    const image = (await upload(png(8, 6), 'cover.png', tokens.editor)).body;
    const gql = withToken(api, tokens.editor);
    const res = await gql(CREATE, { i: { organizationId: branch, title: '带封面的文章', coverId: image.id } });
    expect(res.data!.newsCreate.newsArticle.cover).toEqual({ url: image.url, mimeType: 'image/png', width: 8, height: 6 });
    const pdf = (await upload(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(100)]), 'doc.pdf', tokens.editor)).body;
    expect((await gql(CREATE, { i: { organizationId: branch, title: '文档封面', coverId: pdf.id } })).data!.newsCreate.userErrors).toEqual([{ code: 'BAD_USER_INPUT', field: ['input', 'coverId'] }]);
    const power = withToken(api, tokens.powerAdmin);
    const foreign = await power(CREATE, { i: { organizationId: gid('Organization', await orgId(db, '江川供电有限公司党委')), title: '盗用封面', coverId: image.id } });
    expect(foreign.data!.newsCreate.userErrors).toEqual([{ code: 'BAD_USER_INPUT', field: ['input', 'coverId'] }]);
    const id = res.data!.newsCreate.newsArticle.id;
    const removed = await gql(`mutation($id: ID!) { newsUpdate(id: $id, input: { coverId: "" }) { newsArticle { cover { url } } } }`, { id });
    expect(removed.data!.newsUpdate.newsArticle.cover).toBeNull();
  });
});
