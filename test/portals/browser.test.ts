/**
 * The portals in a real browser: Debian's Chromium (/usr/bin/chromium, installed by .ci/run),
 * driven by playwright-core — never a downloaded browser. The portals' built handler and the API
 * run in this process against a database copied from the demo template.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentIdOf, OPERATIONS_DIR } from '../../api/src/core/graphql/trusted-documents.js';
import { DEMO_PASSWORD } from '../../api/src/demo/demo-data.js';
import { checkCharacter } from '../../api/src/modules/members/id-number.js';
import { useSuite } from '../support/fixture.js';
import { orgId } from '../support/identity.js';
import { startWebhookReceiver } from '../support/outside.js';
import { createRoll } from '../support/roll.js';

const suite = useSuite({ env: { ANONYMOUS_DOCUMENTS: 'trusted', NOTIFY_POLL_SECONDS: '1' }, portals: true });
const { db, api } = suite;
let base: string;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  base = suite.portals.base;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 360, height: 780 } });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

/** A new page signed in on a portal through its sign-in form. */
async function signedIn(login: string, portal: string): Promise<Page> {
  const p = await browser.newPage({ locale: 'zh-CN' });
  await p.goto(`${portal}/signin`);
  await p.getByLabel('邮箱或手机号').fill(login);
  await p.getByLabel('密码').fill(DEMO_PASSWORD);
  await p.getByRole('button', { name: '登录' }).click();
  await p.waitForURL(`${portal}/`);
  return p;
}

/** A bearer token from the API itself, through the portals' trusted sign-in document (anonymous callers run nothing else here). */
async function apiToken(login: string): Promise<{ authorization: string }> {
  const signInDocument = fs.readFileSync(path.join(OPERATIONS_DIR, 'SignIn.graphql'), 'utf8');
  const res = await fetch(api.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ documentId: documentIdOf(signInDocument), operationName: 'SignIn', variables: { input: { login, password: DEMO_PASSWORD } } }),
  });
  return { authorization: `Bearer ${((await res.json()) as any).data.signIn.token}` };
}

describe('a member in Chromium', () => {
  it('signs in and sees an internal disclosure a visitor cannot, then signs out', async () => {
    const member = await browser.newPage({ locale: 'zh-CN' });
    const internal = '第一采油厂党委2026年度党建工作要点'; // WHOLE_ENTERPRISE
    await member.goto(`${base}/p/huayou-caiyou1/disclosures/`);
    await expect(member.getByText(internal).count()).resolves.toBe(0);
    await member.getByRole('link', { name: '登录' }).click();
    await member.getByLabel('邮箱或手机号').fill('13800000001');
    await member.getByLabel('密码').fill('wrong-password-1');
    await member.getByRole('button', { name: '登录' }).click();
    await expect(member.getByRole('alert').textContent()).resolves.toContain('账号或密码不正确');
    await member.getByLabel('密码').fill(DEMO_PASSWORD);
    await member.getByRole('button', { name: '登录' }).click();
    await member.waitForURL(`${base}/p/huayou-caiyou1/`);
    await expect(member.locator('.account span').textContent()).resolves.toBe('张伟');
    const cookie = (await member.context().cookies()).find((c) => c.name === 'dj_portal_session');
    expect(cookie?.httpOnly).toBe(true);
    const board = await member.goto(`${base}/p/huayou-caiyou1/disclosures/`);
    expect(board!.headers()['cache-control']).toBe('no-store');
    await expect(member.getByRole('link', { name: internal }).count()).resolves.toBe(1);
    await member.getByRole('button', { name: '退出' }).click();
    await member.waitForURL(`${base}/p/huayou-caiyou1/`);
    await member.goto(`${base}/p/huayou-caiyou1/disclosures/`);
    await expect(member.getByText(internal).count()).resolves.toBe(0);
    await member.close();
  });
});

describe('a visitor in Chromium', () => {
  it('reads an article on a subsidiary’s portal, from its home page, with the keyboard', async () => {
    await page.goto(`${base}/p/huayou-caiyou1/`);
    await expect(page.title()).resolves.toBe('第一采油厂党建网');
    // The first Tab reaches the skip link, which leads to the main content.
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => (globalThis as any).document.activeElement?.textContent)).resolves.toBe('跳到正文');
    await page.getByRole('link', { name: '第一采油厂开展“党员先锋岗”评比活动' }).click();
    await page.waitForURL(/\/p\/huayou-caiyou1\/news\/[A-Za-z0-9_-]+$/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('第一采油厂开展“党员先锋岗”评比活动');
    await expect(page.locator('article .prose').textContent()).resolves.toContain('共评选出二十名“党员先锋岗”');
    await expect(page.title()).resolves.toBe('第一采油厂开展“党员先锋岗”评比活动 - 第一采油厂党建网');
    // Fits a phone: nothing wider than the viewport.
    await expect(page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(360);
  });

  it('leaves feedback on an open public notice', async () => {
    await page.goto(`${base}/p/huayou-caiyou1/disclosures/`);
    await expect(page.getByText('公示剩余 3 天').count()).resolves.toBeGreaterThan(0);
    await page.getByRole('link', { name: /关于拟发展李明同志为中共预备党员的公示/ }).click();
    await page.getByLabel('意见内容（必填）').fill('同意公示。李明同志工作踏实，群众认可。');
    await page.getByLabel('姓名（选填）').fill('张师傅');
    await page.getByRole('button', { name: '提交意见' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('已收到您的意见');
    const rows = await db.query<{ body: string; author_name: string }>(`select body, author_name from disclosure_feedback order by id desc limit 1`);
    expect(rows[0]).toEqual({ body: '同意公示。李明同志工作踏实，群众认可。', author_name: '张师傅' });
  });
});

describe('a subsidiary admin in Chromium', () => {
  it('changes the primary colour: refused below WCAG AA, previewed, published — and only that portal changes', async () => {
    const plant = `${base}/p/huayou-caiyou1`;
    const admin = await signedIn('admin@cy1.huayou.example', plant);
    await admin.goto(`${plant}/workspace/theme`);

    // Yellow behind white text is unreadable: refused with the ratio.
    await admin.locator('#primaryColor').fill('#ffee00');
    await admin.getByRole('button', { name: '保存并预览' }).click();
    await expect(admin.getByRole('alert').textContent()).resolves.toMatch(/颜色对比度不足（1\.\d+:1，.*4\.5:1）/);

    await admin.locator('#primaryColor').fill('#1e3a8a');
    await admin.getByRole('button', { name: '保存并预览' }).click();
    await admin.waitForURL(`${plant}/?preview=1`);
    await expect(admin.getByRole('status').textContent()).resolves.toContain('主题预览（未发布）');
    const masthead = (p: Page) => p.locator('header.masthead').evaluate((el) => (globalThis as any).getComputedStyle(el).backgroundColor);
    await expect(masthead(admin)).resolves.toBe('rgb(30, 58, 138)');
    // A visitor still sees the published red, even asking for the preview.
    await page.goto(`${plant}/?preview=1`);
    await expect(masthead(page)).resolves.toBe('rgb(179, 18, 27)');

    await admin.goto(`${plant}/workspace/theme`);
    await admin.getByRole('button', { name: '发布' }).click();
    await admin.waitForURL(`${plant}/`);
    await page.goto(`${plant}/`);
    await expect(masthead(page)).resolves.toBe('rgb(30, 58, 138)');
    await page.goto(`${base}/p/huayou-lianhua/`);
    await expect(masthead(page)).resolves.toBe('rgb(179, 18, 27)');
    await admin.close();
  });

  it('is refused for a portal it does not administer', async () => {
    const refinery = await signedIn('admin@lh.huayou.example', `${base}/p/huayou-caiyou1`);
    await refinery.goto(`${base}/p/huayou-caiyou1/workspace/theme`);
    await refinery.locator('#primaryColor').fill('#065f46');
    await refinery.getByRole('button', { name: '发布' }).click();
    await expect(refinery.getByRole('alert').textContent()).resolves.toContain('您没有权限修改本门户的主题');
    await refinery.close();
  });
});

describe('an editor and a reviewer in Chromium', () => {

  it('an editor writes and submits; a reviewer approves in the workspace; the article appears on the portal', async () => {
    const portal = `${base}/p/huayou-caiyou1`;
    const title = '采油一队开展“安全生产月”知识竞赛';
    const editor = await signedIn('editor@cy1.huayou.example', portal);
    await editor.getByRole('link', { name: '工作台' }).click();
    await editor.getByRole('link', { name: '写稿' }).click();
    await editor.getByLabel('标题').fill(title);
    await editor.getByLabel('摘要').fill('三十名职工参加竞赛，以赛促学。');
    // The rich-text editor: type, with bold by the keyboard.
    const body = editor.getByRole('textbox', { name: /正文/ });
    await body.click();
    await body.pressSequentially('竞赛围绕');
    await editor.keyboard.press('Control+B');
    await body.pressSequentially('安全操作规程');
    await editor.keyboard.press('Control+B');
    await body.pressSequentially('展开。');
    // A 1×1 PNG from the "insert an image" field, described for screen readers.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    await editor.getByLabel(/插入图片/).setInputFiles({ name: '竞赛现场.png', mimeType: 'image/png', buffer: png });
    await editor.getByLabel(/图片说明/).fill('竞赛现场');
    await editor.getByRole('button', { name: '提交审核' }).click();
    await expect(editor.getByRole('status').textContent()).resolves.toContain('已提交审核');
    await expect(editor.locator('#work-inReview + ul').textContent()).resolves.toContain(title);

    // Not on the portal yet.
    await page.goto(`${portal}/news/`);
    await expect(page.getByText(title).count()).resolves.toBe(0);

    const reviewer = await signedIn('reviewer@cy1.huayou.example', portal);
    await reviewer.goto(`${portal}/workspace/review`);
    const item = reviewer.locator('li', { hasText: title });
    await item.getByRole('button', { name: '通过并发布' }).click();
    await expect(reviewer.getByRole('status').textContent()).resolves.toContain('已审核通过并发布');

    await page.goto(`${portal}/news/`);
    await page.getByRole('link', { name: title }).click();
    await expect(page.locator('article .prose').innerHTML()).resolves.toMatch(/^(<p>)?竞赛围绕<(b|strong)>安全操作规程<\/(b|strong)>展开。(<\/p>)?<figure><img src="\/media\/\d+\/[^"]+" alt="竞赛现场"><figcaption>竞赛现场<\/figcaption><\/figure>$/);
    // The image loads through the portal (relayed from the API to a visitor: the article is public).
    await expect(page.locator('article .prose img').evaluate((img) => (img as any).naturalWidth)).resolves.toBe(1);
    await editor.close();
    await reviewer.close();
  });
});

describe('the member area in Chromium', () => {
  it('likes and comments on a case, confirms reading an internal disclosure, and follows a resource request', async () => {
    const portal = `${base}/p/huayou-caiyou1`;
    const member = await signedIn('13800000001', portal);

    await member.goto(`${portal}/cases/`);
    await member.getByRole('link', { name: '“党员责任区”让每口油井都有人管' }).first().click();
    await member.getByRole('button', { name: '点赞' }).click();
    await expect(member.getByRole('button', { name: '已点赞（取消）' }).count()).resolves.toBe(1);
    await member.getByLabel('发表评论').fill('我们队也准备推行党员责任区。');
    await member.getByRole('button', { name: '发表' }).click();
    await expect(member.locator('#comments ~ ul').textContent()).resolves.toContain('我们队也准备推行党员责任区。');

    await member.goto(`${portal}/disclosures/`);
    await member.getByRole('link', { name: '第一采油厂党委2026年度党建工作要点' }).click();
    await member.getByRole('button', { name: '确认已阅' }).click();
    await expect(member.getByText('您已确认阅读。').count()).resolves.toBe(1);
    await member.close();

    // The power company's admin asks for the oil group's education base and sees the decision.
    const jc = `${base}/p/jiangchuan`;
    const power = await signedIn('admin@jcpower.example', jc);
    const [resource] = await db.query<{ id: string }>(`select id from content where title = '石油精神教育基地'`);
    await power.goto(`${jc}/resources/${Buffer.from(`SharedResource:${resource!.id}`).toString('base64url')}`);
    await power.getByLabel('申请单位').selectOption({ label: '江川供电有限公司党委' });
    await power.getByLabel('用途').fill('组织公司机关党员参观学习。');
    await power.getByRole('button', { name: '提交申请' }).click();
    await power.waitForURL(/workspace\/requests/);
    await expect(power.locator('main').textContent()).resolves.toMatch(/待审批\s*石油精神教育基地/);
    await power.close();
  });
});

describe('deciding requests in the workspace', () => {
  it('the group’s admin approves the power company’s request for the education base', async () => {
    const portal = `${base}/p/huayou`;
    const admin = await signedIn('admin@huayou.example', portal);
    await admin.goto(`${portal}/workspace/decisions`);
    await expect(admin.getByText('没有待答复的共建邀请。').count()).resolves.toBe(1); // a top-level admin sees the section
    const item = admin.locator('li', { hasText: '城区供电分公司党委 申请使用' });
    await item.getByLabel('意见（退回时必填）').fill('欢迎参观，请提前三个工作日联系。');
    await item.getByRole('button', { name: '批准', exact: true }).click();
    await expect(admin.getByRole('status').textContent()).resolves.toBe('已处理。');
    const [row] = await db.query<{ status: string; decision_reason: string }>(
      `select r.status, r.decision_reason from resource_request r join organization o on o.id = r.organization_id where o.name = '城区供电分公司党委'`,
    );
    expect(row).toEqual({ status: 'APPROVED', decision_reason: '欢迎参观，请提前三个工作日联系。' });
    await admin.close();
  });
});

describe('the review queue, live', () => {
  it('tells a reviewer on the review page that an article entered the queue', async () => {
    const portal = `${base}/p/huayou-caiyou1`;
    const reviewer = await signedIn('reviewer@cy1.huayou.example', portal);
    await reviewer.goto(`${portal}/workspace/review`);
    await new Promise((r) => setTimeout(r, 500)); // the relay subscribes

    // An editor submits through the API, as any client would.
    const auth = await apiToken('editor@cy1.huayou.example');
    const branch = Buffer.from(`Organization:${(await db.query<{ id: number }>(`select id from organization where name = '采油一队党支部'`))[0]!.id}`).toString('base64url');
    const created = await api.gql(`mutation($i: NewsCreateInput!) { newsCreate(input: $i) { newsArticle { id } } }`, { i: { organizationId: branch, title: '实时审核队列测试稿', bodyHtml: '<p>内容</p>' } }, auth);
    await api.gql(`mutation($id: ID!) { newsSubmit(id: $id) { userErrors { code } } }`, { id: created.data!.newsCreate.newsArticle.id }, auth);

    const banner = reviewer.locator('[data-live]');
    await banner.waitFor({ state: 'visible', timeout: 10_000 });
    await expect(banner.textContent()).resolves.toContain('实时审核队列测试稿');
    await reviewer.close();
  });
});

describe('党务公开 steps in the workspace', () => {

  it('a reviewer records the secrecy review, an admin approves, and the disclosure is published', async () => {
    const portal = `${base}/p/huayou-caiyou1`;
    const title = '采油一队党支部2026年党费收缴情况公开';
    // The editor proposes it through the API.
    const auth = await apiToken('editor@cy1.huayou.example');
    const branch = Buffer.from(`Organization:${(await db.query<{ id: number }>(`select id from organization where name = '采油一队党支部'`))[0]!.id}`).toString('base64url');
    const created = await api.gql(`mutation($i: DisclosureCreateInput!) { disclosureCreate(input: $i) { disclosure { id } userErrors { message } } }`, { i: { organizationId: branch, title, bodyHtml: '<p>全年应收党费与实收党费一致。</p>', category: 'ORGANIZATION_BUILDING', scope: 'SOCIETY' } }, auth);
    const id = created.data!.disclosureCreate.disclosure.id;
    await api.gql(`mutation($id: ID!) { disclosureSubmit(id: $id) { userErrors { code } } }`, { id }, auth);

    const reviewer = await signedIn('reviewer@cy1.huayou.example', portal);
    await reviewer.goto(`${portal}/workspace/steps`);
    await reviewer.locator('li', { hasText: title }).getByRole('button', { name: '审核通过' }).click();
    await expect(reviewer.getByRole('status').textContent()).resolves.toBe('已办理。');
    await expect(reviewer.locator('li', { hasText: title }).textContent()).resolves.toContain('待审批');
    // A reviewer cannot approve (审批 is for admins).
    await reviewer.locator('li', { hasText: title }).getByRole('button', { name: '审批通过并公开' }).click();
    await expect(reviewer.getByRole('status').textContent()).resolves.toContain('您不能办理这一步');

    const admin = await signedIn('admin@cy1.huayou.example', portal);
    await admin.goto(`${portal}/workspace/steps`);
    await admin.locator('li', { hasText: title }).getByRole('button', { name: '审批通过并公开' }).click();
    await expect(admin.getByRole('status').textContent()).resolves.toBe('已办理。');

    await page.goto(`${portal}/disclosures/`);
    await expect(page.getByRole('link', { name: title }).count()).resolves.toBe(1);
    await reviewer.close();
    await admin.close();
  });
});

describe('the notification bell in Chromium', () => {
  it('shows 1 on a reviewer’s bell when an editor submits; the link opens the review; reading it drops the count', async () => {
    const portal = `${base}/p/huayou-caiyou1`;
    const reviewerAuth = await apiToken('reviewer@cy1.huayou.example');
    await api.gql(`mutation { notificationMarkAllRead { unreadCount } }`, {}, reviewerAuth);
    const reviewer = await signedIn('reviewer@cy1.huayou.example', portal);
    await reviewer.goto(`${portal}/news/`);
    const count = reviewer.locator('[data-bell-count]');
    await expect(count.isHidden()).resolves.toBe(true);
    await new Promise((r) => setTimeout(r, 500)); // the relay subscribes

    const auth = await apiToken('editor@cy1.huayou.example');
    const branch = Buffer.from(`Organization:${(await db.query<{ id: number }>(`select id from organization where name = '采油一队党支部'`))[0]!.id}`).toString('base64url');
    // A title with markup in it: the inbox shows it as text, and nothing runs.
    const created = await api.gql(`mutation($i: NewsCreateInput!) { newsCreate(input: $i) { newsArticle { id } } }`, { i: { organizationId: branch, title: '铃铛提醒测试稿<img src=x onerror="window.__xss=1">', bodyHtml: '<p>内容</p>' } }, auth);
    await api.gql(`mutation($id: ID!) { newsSubmit(id: $id) { userErrors { code } } }`, { id: created.data!.newsCreate.newsArticle.id }, auth);

    await count.waitFor({ state: 'visible', timeout: 10_000 });
    await expect(count.textContent()).resolves.toBe('1');
    await expect(reviewer.locator('[data-bell]').getAttribute('aria-label')).resolves.toBe('消息通知，未读 1 条');

    // The bell leads to the inbox; opening the notification leads to the review queue.
    await reviewer.locator('[data-bell]').click();
    await reviewer.waitForURL(`${portal}/workspace/notifications`);
    const item = reviewer.getByRole('listitem').filter({ hasText: '待审核：铃铛提醒测试稿' });
    await expect(item.textContent()).resolves.toContain('采油一队党支部提交了工作动态《铃铛提醒测试稿<img src=x onerror="window.__xss=1">》');
    await expect(item.locator('img').count()).resolves.toBe(0);
    await expect(reviewer.evaluate(() => (globalThis as { __xss?: number }).__xss)).resolves.toBeUndefined();
    await item.getByRole('button', { name: '查看' }).click();
    await reviewer.waitForURL(`${portal}/workspace/review`);
    await expect(reviewer.getByRole('heading', { name: '铃铛提醒测试稿<img src=x onerror="window.__xss=1">' }).count()).resolves.toBe(1);
    await expect(reviewer.locator('[data-bell-count]').isHidden()).resolves.toBe(true);
    await reviewer.close();
  });

  it('lists what waits (待办) and saves the notification settings', async () => {
    const portal = `${base}/p/huayou-caiyou1`;
    const reviewer = await signedIn('reviewer@cy1.huayou.example', portal);
    await reviewer.goto(`${portal}/workspace/todo`);
    // The demo's article waiting for review waits for this reviewer.
    await expect(reviewer.getByRole('link', { name: '审核工作动态：第一采油厂党委召开党支部书记述职评议会' }).count()).resolves.toBe(1);
    await reviewer.goto(`${portal}/workspace/notifications/settings`);
    await expect(reviewer.getByText('短信：不可用（所在单位未配置短信网关）').count()).resolves.toBe(1);
    await reviewer.getByLabel('稿件提交审核：电子邮件').uncheck({ timeout: 5000 });
    await reviewer.getByLabel('开始', { exact: true }).fill('21:30', { timeout: 5000 });
    await reviewer.getByRole('button', { name: '保存设置' }).click({ timeout: 5000 });
    await reviewer.waitForURL(/settings\?saved=1$/, { timeout: 5000 });
    await expect(reviewer.getByLabel('稿件提交审核：电子邮件').isChecked()).resolves.toBe(false);
    await expect(reviewer.getByLabel('开始', { exact: true }).inputValue()).resolves.toBe('21:30');
    await reviewer.getByLabel('开始', { exact: true }).fill('29:00');
    await reviewer.getByRole('button', { name: '保存设置' }).click();
    await expect(reviewer.getByRole('alert').textContent()).resolves.toContain('HH:MM');
    await reviewer.close();
  });
});

describe('党员信息 in the workspace', () => {
  it('an admin filters the roster and opens a record whole; a reviewer sees it masked; the member sees 我的档案; an editor cannot open it', async () => {
    const portal = `${base}/p/huayou-caiyou1`;
    const auth = await apiToken('admin@cy1.huayou.example');
    const orgGid = async (name: string) => Buffer.from(`Organization:${(await db.query<{ id: number }>(`select id from organization where name = $1`, [name]))[0]!.id}`).toString('base64url');
    const userGid = Buffer.from(`User:${(await db.query<{ id: number }>(`select id from app_user where phone = '13800000001'`))[0]!.id}`).toString('base64url');
    const CREATE = `mutation($i: MemberInputType!) { memberCreate(input: $i) { member { id } userErrors { message } } }`;
    const zhang = await api.gql(CREATE, { i: { organizationId: await orgGid('采油一队党支部'), name: '张伟', idNumber: '37010219880612003' + checkCharacter('37010219880612003'), phone: '13800000001', address: '山东省东营市东营区济南路99号', joinedOn: '2012-07-01', confirmedOn: '2013-07-01', category: 'FULL', labels: ['党务工作者'], userId: userGid } }, auth);
    expect(zhang.data!.memberCreate.userErrors).toEqual([]);
    const probationer = await api.gql(CREATE, { i: { organizationId: await orgGid('采油一队党支部'), name: '王芳', idNumber: '37010219990101002' + checkCharacter('37010219990101002'), joinedOn: '2026-05-01', category: 'PROBATIONARY', labels: ['流动党员'] } }, auth);
    expect(probationer.data!.memberCreate.userErrors).toEqual([]);
    const recordPath = `${portal}/workspace/members/${zhang.data!.memberCreate.member.id}`;
    // His dues: a base, and October opened for the branch.
    await api.gql(`mutation($i: DuesBaseInput!) { duesBaseSet(input: $i) { userErrors { message } } }`, { i: { memberId: zhang.data!.memberCreate.member.id, kind: 'WAGE', amount: '6850', fromMonth: '2026-01' } }, auth);
    const opened = await api.gql(`mutation($i: DuesMonthOpenInput!) { duesMonthOpen(input: $i) { userErrors { message } } }`, { i: { organizationId: await orgGid('采油一队党支部'), month: '2026-10' } }, auth);
    expect(opened.data!.duesMonthOpen.userErrors).toEqual([]);
    const cared = await api.gql(`mutation($i: MemberCareInput!) { memberCareAdd(input: $i) { userErrors { message } } }`, { i: { memberId: zhang.data!.memberCreate.member.id, kind: 'ILLNESS', happenedOn: '2026-10-08', by: '支部书记', amount: '500' } }, auth);
    expect(cared.data!.memberCareAdd.userErrors).toEqual([]);

    const admin = await signedIn('admin@cy1.huayou.example', portal);
    await admin.goto(`${portal}/workspace`);
    await admin.getByRole('link', { name: '党员信息' }).click();
    await admin.waitForURL(`${portal}/workspace/members`);
    // The plant's whole roll: the demo's members and the two just added.
    const [{ n }] = (await db.query<{ n: number }>(
      `select count(*)::int as n from member m join organization o on o.id = m.organization_id
        where o.path like (select path from organization where name = '第一采油厂党委') || '%' and m.status in ('NORMAL', 'SUSPENDED')`,
    )) as [{ n: number }];
    await expect(admin.getByRole('status').textContent()).resolves.toContain(`共 ${n} 名党员`);
    // Choosing the branch shows the checks of DOMAIN-RULES §1 it fails (one full member of 3).
    await admin.getByLabel('所在组织').selectOption({ label: '采油一队党支部' });
    await admin.getByLabel('类别').selectOption({ label: '预备党员' });
    await admin.getByRole('button', { name: '筛选' }).click();
    await admin.waitForURL(/category=PROBATIONARY/);
    await expect(admin.getByRole('rowheader').allTextContents()).resolves.toEqual(['王芳']);
    await expect(admin.locator('[data-warning="FEW_FULL_MEMBERS"]').textContent()).resolves.toContain('正式党员不足3名（现有1名）');
    await admin.getByLabel('类别').selectOption({ label: '全部' });
    await admin.getByLabel('标签').fill('党务工作者');
    await admin.getByRole('button', { name: '筛选' }).click();
    await admin.waitForURL(/label=/);
    await admin.getByRole('link', { name: '张伟' }).click();
    await admin.waitForURL(recordPath);
    await expect(admin.locator('.record').textContent()).resolves.toContain('13800000001');
    await expect(admin.locator('.record').textContent()).resolves.toContain('济南路99号');
    await admin.close();

    const reviewer = await signedIn('reviewer@cy1.huayou.example', portal);
    await reviewer.goto(recordPath);
    const masked = await reviewer.locator('.record').textContent();
    expect(masked).toContain('138****0001');
    expect(masked).toContain('3701**********');
    expect(masked).not.toContain('济南路99号');
    await reviewer.close();

    const member = await signedIn('13800000001', portal);
    await member.goto(`${portal}/workspace/my-record`);
    await expect(member.getByRole('heading', { name: '张伟' }).count()).resolves.toBe(1);
    await expect(member.locator('.record').textContent()).resolves.toContain('370102198806120');
    // 我的党费: October, 6,850 × 1.5%, unpaid.
    await expect(member.locator('tr[data-period="2026-10"]').textContent()).resolves.toMatch(/2026-106,850.001.5%102.75未交/);
    await expect(member.getByText('2026-10-08 患病慰问，支部书记，500.00 元').count()).resolves.toBe(1);
    const other = await member.goto(`${portal}/workspace/members/${probationer.data!.memberCreate.member.id}`);
    expect(other!.status()).toBe(404);
    await expect(member.getByText('王芳').count()).resolves.toBe(0);
    await member.close();

    const editor = await signedIn('editor@cy1.huayou.example', portal);
    expect((await editor.goto(recordPath))!.status()).toBe(404);
    await editor.goto(`${portal}/workspace/members`);
    await expect(editor.getByRole('status').textContent()).resolves.toContain('共 0 名党员');
    await editor.close();
  });
});

describe('importing a member spreadsheet', () => {
  it('shows the dry run with the bad row and its reason, then commits the good rows once', async () => {
    const portal = `${base}/p/huayou-caiyou1`;
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('花名册');
    sheet.addRow(['姓名', '身份证号', '入党日期', '转正日期', '党员类别', '所在党支部']);
    const good = '37052219800101001' + checkCharacter('37052219800101001');
    sheet.addRow(['周导入', good, '2005-07-01', '2006-07-01', '正式党员', '采油一队党支部']);
    sheet.addRow(['吴错号', `${good.slice(0, 17)}${good[17] === '1' ? '2' : '1'}`, '2005-07-01', '2006-07-01', '正式党员', '采油一队党支部']);
    const buffer = Buffer.from(await book.xlsx.writeBuffer());

    const admin = await signedIn('admin@cy1.huayou.example', portal);
    await admin.goto(`${portal}/workspace/members`);
    await admin.getByRole('link', { name: '导入花名册' }).click();
    await admin.waitForURL(`${portal}/workspace/members/import`);
    await admin.getByLabel('导入到').selectOption({ label: '第一采油厂党委' });
    await admin.getByLabel('花名册文件').setInputFiles({ name: '采油一队花名册.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
    await admin.getByRole('button', { name: '试导入' }).click();
    await admin.waitForURL(/\/workspace\/members\/import\/[A-Za-z0-9_-]+$/);
    await expect(admin.locator('[data-summary]').textContent()).resolves.toMatch(/将新增 1 人，更新 0 人，1 行无法导入/);
    const bad = admin.locator('tr[data-row="3"]');
    await expect(bad.textContent()).resolves.toMatch(/吴错号.*无法导入.*身份证号：.*check character/);
    const before = (await db.query<{ n: number }>(`select count(*)::int as n from member where name in ('周导入', '吴错号')`))[0]!.n;
    expect(before).toBe(0);
    await admin.getByRole('button', { name: '确认导入' }).click();
    await admin.waitForLoadState();
    await expect(admin.locator('[data-summary]').textContent()).resolves.toMatch(/已导入：新增 1 人/);
    await expect(admin.getByRole('button', { name: '确认导入' }).count()).resolves.toBe(0);
    expect((await db.query<{ name: string }>(`select name from member where name in ('周导入', '吴错号')`)).map((r) => r.name)).toEqual(['周导入']);
    await admin.goto(`${portal}/workspace/members`);
    await admin.getByLabel('姓名').fill('周导');
    await admin.getByRole('button', { name: '筛选' }).click();
    await admin.waitForURL(/name=/);
    await expect(admin.getByRole('link', { name: '周导入' }).count()).resolves.toBe(1);
    // The export link answers a spreadsheet with the roster, through the portal.
    const download = await admin.request.get(`${portal}/workspace/members/export.xlsx?organizationId=${Buffer.from(`Organization:${(await db.query<{ id: number }>(`select id from organization where name = '第一采油厂党委'`))[0]!.id}`).toString('base64url')}`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toContain('spreadsheetml');
    const exported = new ExcelJS.Workbook();
    await exported.xlsx.load((await download.body()) as unknown as ArrayBuffer);
    const names: string[] = [];
    exported.worksheets[0]!.eachRow((row) => names.push(String(row.getCell(1).value)));
    expect(names).toContain('周导入');
    await admin.close();
  });
});

describe('党费 in the workspace', () => {
  it('opens a month, lists who owes what, and records a cash payment once even when the form is sent twice', async () => {
    const portal = `${base}/p/huayou-caiyou1`;
    const branchId = (await db.query<{ id: number }>(`select id from organization where name = '采油一队党支部'`))[0]!.id;
    const branch = Buffer.from(`Organization:${branchId}`).toString('base64url');
    const auth = await apiToken('admin@cy1.huayou.example');
    const created = await api.gql(`mutation($i: MemberInputType!) { memberCreate(input: $i) { member { id } userErrors { message } } }`, {
      i: { organizationId: branch, name: '郑缴费', idNumber: '37052219750505001' + checkCharacter('37052219750505001'), joinedOn: '2000-07-01', confirmedOn: '2001-07-01', category: 'FULL' },
    }, auth);
    expect(created.data!.memberCreate.userErrors).toEqual([]);
    const based = await api.gql(`mutation($i: DuesBaseInput!) { duesBaseSet(input: $i) { userErrors { message } } }`, { i: { memberId: created.data!.memberCreate.member.id, kind: 'PENSION', amount: '4200', fromMonth: '2026-01' } }, auth);
    expect(based.data!.duesBaseSet.userErrors).toEqual([]);

    const admin = await signedIn('admin@cy1.huayou.example', portal);
    await admin.goto(`${portal}/workspace`);
    await Promise.all([admin.waitForURL(`${portal}/workspace/dues`), admin.getByRole('link', { name: '党费', exact: true }).click()]);
    await expect(admin.locator('select[name="branch"] option').allTextContents()).resolves.toContain('采油一队党支部');
    await admin.goto(`${portal}/workspace/dues?branch=${branch}&month=2026-09`);
    await admin.getByRole('button', { name: '开启 2026-09 党费' }).click();
    await admin.waitForLoadState();
    const row = admin.locator('tr[data-member="郑缴费"]');
    await expect(row.textContent()).resolves.toMatch(/郑缴费0.5%21.00未交/); // 4,200 pension × 0.5%
    // The payment form, as the browser would send it, twice.
    const form = row.locator('form');
    const fields = Object.fromEntries(await Promise.all(['branch', 'month', 'item', 'amount', 'key'].map(async (n) => [n, (await form.locator(`input[name="${n}"]`).getAttribute('value'))!] as const)));
    await row.getByRole('button', { name: '郑缴费 现金缴纳 21.00 元' }).click();
    await admin.waitForURL(/notice=paid/);
    await expect(admin.locator('tr[data-member="郑缴费"]').textContent()).resolves.toContain('已交');
    const again = await admin.request.post(`${portal}/workspace/dues`, { form: { ...fields, action: 'paid' }, headers: { origin: new URL(portal).origin }, maxRedirects: 0 });
    expect([200, 303]).toContain(again.status());
    const [{ n }] = (await db.query<{ n: number }>(`select count(*)::int as n from dues_payment p join dues_item i on i.id = p.item_id join member m on m.id = i.member_id where m.name = '郑缴费'`)) as [{ n: number }];
    expect(n).toBe(1);
    await admin.close();
  });
});


describe('发展党员 in the workspace', () => {
  it('an applicant is refused as 发展对象 before a year as activist, then allowed; the 公示 shows on the portal’s 党务公开', async () => {
    const portal = `${base}/p/huayou-caiyou1`;
    const auth = await apiToken('admin@cy1.huayou.example');
    const branch = Buffer.from(`Organization:${(await db.query<{ id: number }>(`select id from organization where name = '注水队党支部'`))[0]!.id}`).toString('base64url');
    const CREATE = `mutation($i: MemberInputType!) { memberCreate(input: $i) { member { id } userErrors { message } } }`;
    for (const [name, first17] of [['孙满仓', '37052219700101003'], ['钱秀兰', '37052219720202004'], ['李振华', '37052219750303005']] as const) {
      const res = await api.gql(CREATE, { i: { organizationId: branch, name, idNumber: first17 + checkCharacter(first17), joinedOn: '2000-07-01', confirmedOn: '2001-07-01', category: 'FULL' } }, auth);
      expect(res.data!.memberCreate.userErrors).toEqual([]);
    }

    const admin = await signedIn('admin@cy1.huayou.example', portal);
    await admin.goto(`${portal}/workspace`);
    await admin.getByRole('link', { name: '发展党员' }).click();
    await admin.waitForURL(`${portal}/workspace/development`);
    await admin.getByText('登记入党申请').click();
    await admin.locator('select[name=organizationId]').selectOption({ label: '注水队党支部' });
    await admin.getByLabel('姓名').fill('赵晓燕');
    await admin.getByLabel('公民身份号码').fill('37052219970815002' + checkCharacter('37052219970815002'));
    await admin.getByLabel('递交申请书日期').fill('2024-03-01');
    await admin.getByRole('button', { name: '登记' }).click();
    await admin.waitForURL(/\/workspace\/development\/[A-Za-z0-9_-]+\?notice=applied$/);
    await expect(admin.getByRole('status').textContent()).resolves.toContain('已登记入党申请');

    const record = async (step: string, day: string, fill?: () => Promise<void>) => {
      await admin.getByLabel('步骤').selectOption({ label: step });
      await admin.getByLabel('日期').fill(day);
      await fill?.();
      await admin.getByRole('button', { name: '记录', exact: true }).click();
      await admin.waitForLoadState();
    };
    // The talk's record (谈话记录) goes with it, through the media module.
    await record('谈话', '2024-03-20', async () => {
      await admin.getByLabel('相关人员').fill('孙满仓');
      await admin.getByLabel(/附件/).setInputFiles({ name: '谈话记录.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n') });
    });
    await expect(admin.getByRole('status').textContent()).resolves.toContain('已记录');
    const file = admin.locator('li[data-step="TALK"] .files a');
    await expect(file.textContent()).resolves.toBe('谈话记录.pdf');
    const fileUrl = `${base}${await file.getAttribute('href')}`;
    const fetched = await admin.request.get(fileUrl);
    expect(fetched.status()).toBe(200);
    expect(fetched.headers()['content-type']).toContain('pdf');
    await record('确定为入党积极分子', '2024-06-10', async () => {
      await admin.getByLabel('决定机关').fill('支委会');
      await admin.getByRole('checkbox', { name: '孙满仓' }).check();
      await admin.getByRole('checkbox', { name: '钱秀兰' }).check();
    });
    await expect(admin.locator('.record').textContent()).resolves.toContain('孙满仓、钱秀兰');

    // Less than a year as an activist: refused, naming the rule's source.
    await record('确定为发展对象', '2025-06-01', () => admin.getByLabel('决定机关').fill('支委会'));
    const refusal = await admin.getByRole('alert').textContent();
    expect(refusal).toContain('一年以上');
    expect(refusal).toContain('2025-06-10');
    expect(refusal).toContain('发展党员工作细则》第十三条');
    await expect(admin.locator('li[data-step="CANDIDATE"]').count()).resolves.toBe(0);
    // A year and ten days on: allowed, and the 公示 opens.
    await record('确定为发展对象', '2025-06-20', () => admin.getByLabel('决定机关').fill('支委会'));
    await expect(admin.getByRole('status').textContent()).resolves.toContain('已记录');
    await expect(admin.locator('.record').textContent()).resolves.toContain('发展对象（自 2025-06-20）');
    await expect(admin.getByRole('link', { name: '查看公示及意见反馈' }).count()).resolves.toBe(1);
    await admin.getByRole('link', { name: '发展看板' }).click();
    await admin.locator('select[name=org]').selectOption({ label: '第一采油厂党委' });
    await admin.getByRole('button', { name: '查看' }).click();
    await admin.waitForURL(/org=/);
    await expect(admin.locator('[data-stage="CANDIDATE"]').textContent()).resolves.toContain('赵晓燕');
    await admin.close();

    // A member of the enterprise finds the notice on the portal's 党务公开, open for feedback.
    const member = await signedIn('13800000001', portal);
    await member.goto(`${portal}/disclosures/`);
    const notice = member.getByRole('heading', { name: /关于拟将赵晓燕同志确定为发展对象的公示/ });
    await expect(notice.textContent()).resolves.toContain('公示中');
    await member.getByRole('link', { name: '关于拟将赵晓燕同志确定为发展对象的公示' }).click();
    await expect(member.locator('article').textContent()).resolves.toContain('5个工作日');
    // The development's files are not the members' to read.
    const cookie = (await member.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    expect((await fetch(fileUrl, { headers: { cookie } })).status).toBe(404);
    await member.close();
  });
});

describe('工作日历 in the workspace', () => {
  it('shows 2026 as published, and a platform admin enters a year by pasting its days', async () => {
    const portal = `${base}/p/huayou`;
    const admin = await signedIn('platform@dangjian.example', portal);
    await admin.goto(`${portal}/workspace/calendar?year=2026`);
    await expect(admin.locator('p.meta').first().textContent()).resolves.toContain('全年工作日 248 天');
    await expect(admin.locator('tr[data-day="2026-10-10"]').textContent()).resolves.toContain('调休上班');
    await admin.goto(`${portal}/workspace/calendar?year=2028`);
    await admin.getByLabel(/每行一天/).fill('2028-01-03 放假 元旦\n2028-01-08 上班');
    await admin.getByRole('button', { name: '保存' }).click();
    await expect(admin.getByRole('alert').textContent()).resolves.toContain('第 2 行');
    await admin.getByLabel(/每行一天/).fill('2028-01-03 放假 元旦');
    await admin.getByRole('button', { name: '保存' }).click();
    await admin.waitForURL(/notice=saved/);
    await expect(admin.locator('tr[data-day="2028-01-03"]').textContent()).resolves.toContain('放假');
    await admin.close();
  });
});

describe('组织关系转接 in the workspace', () => {
  it('a member of 采油一队 applies to move to 江川供电; the plant issues the letter (SMS sent); 江川 receives and records the 报到; his old card is revoked', async () => {
    const sms = await startWebhookReceiver();
    try {
      const group = await apiToken('admin@huayou.example');
      const gateway = await api.gql(`mutation($i: GatewayInput!) { notificationGatewaySet(input: $i) { userErrors { code message } } }`, { i: { enterpriseId: Buffer.from('Enterprise:1').toString('base64url'), channel: 'SMS', url: `${sms.url}/sms`, secret: 'sixteen-chars-secret', allowPrivateNetwork: true } }, group);
      expect(gateway.data!.notificationGatewaySet.userErrors).toEqual([]);
      // 张伟's record, linked to his account (made here unless an earlier test made it).
      const [linked] = await db.query(`select m.id from member m join app_user u on u.id = m.user_id where u.phone = '13800000001' and m.status = 'NORMAL'`);
      if (!linked) {
        const auth = await apiToken('admin@cy1.huayou.example');
        const branch = Buffer.from(`Organization:${(await db.query<{ id: number }>(`select id from organization where name = '采油一队党支部'`))[0]!.id}`).toString('base64url');
        const user = Buffer.from(`User:${(await db.query<{ id: number }>(`select id from app_user where phone = '13800000001'`))[0]!.id}`).toString('base64url');
        const made = await api.gql(`mutation($i: MemberInputType!) { memberCreate(input: $i) { userErrors { message } } }`, { i: { organizationId: branch, name: '张伟', idNumber: '37010219880612003' + checkCharacter('37010219880612003'), joinedOn: '2012-07-01', confirmedOn: '2013-07-01', category: 'FULL', userId: user } }, auth);
        expect(made.data!.memberCreate.userErrors).toEqual([]);
      }

      // No quiet hours for him: the SMS goes out at once whatever the time of day (22:00–07:00 would hold it till morning).
      const quiet = await api.gql(`mutation { notificationSettingsUpdate(input: { quietFrom: "00:00", quietUntil: "00:00" }) { userErrors { message } } }`, {}, await apiToken('13800000001'));
      expect(quiet.data!.notificationSettingsUpdate.userErrors).toEqual([]);
      const cy1 = `${base}/p/huayou-caiyou1`;
      const member = await signedIn('13800000001', cy1);
      // His e-member card, with a QR code; anyone who scans it sees it valid.
      await member.goto(`${cy1}/workspace/my-card`);
      await expect(member.locator('[data-name]').textContent()).resolves.toBe('张伟');
      await expect(member.locator('.qr svg').count()).resolves.toBe(1);
      const verifyUrl = (await member.locator('[data-verify]').getAttribute('href'))!;
      const scanner = await browser.newPage({ locale: 'zh-CN' });
      await scanner.goto(verifyUrl);
      await expect(scanner.locator('[data-status]').textContent()).resolves.toBe('活动证有效');
      await expect(scanner.locator('main').textContent()).resolves.not.toContain('13800000001');
      await member.goto(`${cy1}/workspace/my-transfer`);
      await member.locator('select[name=enterprise]').selectOption({ label: '江川供电有限公司' });
      await member.getByRole('button', { name: '列出该单位的党组织' }).click();
      await member.waitForURL(/enterprise=/);
      await expect(member.getByLabel('转接范围').inputValue()).resolves.toBe('PLATFORM');
      await member.getByLabel('转入党组织（平台内）').selectOption({ label: '城东供电所党支部' });
      await member.getByLabel('转接原因').fill('调入江川供电公司城东供电所工作');
      await member.getByRole('button', { name: '提交申请' }).click();
      await member.waitForURL(/\/workspace\/transfers\/[A-Za-z0-9_-]+\?notice=applied$/);
      const transferPath = new URL(member.url()).pathname;
      await expect(member.locator('.state').textContent()).resolves.toContain('已申请');
      // The member may withdraw, not decide.
      await expect(member.getByRole('button', { name: '支部同意' }).count()).resolves.toBe(0);
      await expect(member.getByRole('button', { name: '撤回' }).count()).resolves.toBe(1);

      const admin = await signedIn('admin@cy1.huayou.example', cy1);
      await admin.goto(`${cy1}/workspace/transfers`);
      await admin.getByRole('link', { name: '张伟' }).first().click();
      await admin.getByRole('button', { name: '支部同意' }).click();
      await admin.waitForURL(/notice=done/);
      await admin.getByRole('button', { name: '审批并开具介绍信' }).click();
      await admin.waitForURL(/notice=done/);
      await expect(admin.locator('.state').textContent()).resolves.toContain('已开具介绍信');
      await admin.getByRole('link', { name: '打印介绍信' }).click();
      const letter = await admin.locator('.letter').textContent();
      expect(letter).toMatch(/第 \d{4}-0001 号/);
      expect(letter).toContain('转到城东供电所党支部');
      expect(letter).toContain('存根');
      expect(letter).toContain('回执');
      await admin.close();

      // The SMS gateway is called with the message to report.
      const [call] = await sms.waitForMatch((c) => c.body.includes('报到'), 15_000);
      expect(call!.body).toContain('城东供电所党支部');

      const jc = `${base}/p/jiangchuan`;
      const receiver = await signedIn('admin@jcpower.example', jc);
      await receiver.goto(`${jc}/workspace/transfers?direction=INCOMING`);
      await receiver.getByRole('link', { name: '张伟' }).click();
      await receiver.getByRole('button', { name: '接收' }).click();
      await receiver.waitForURL(/notice=done/);
      await receiver.getByRole('button', { name: '已报到' }).click();
      await receiver.waitForURL(/notice=done/);
      await expect(receiver.locator('.state').textContent()).resolves.toContain('已报到');
      await receiver.close();

      // Transferred out: the old card is revoked at once.
      await scanner.goto(verifyUrl);
      await expect(scanner.locator('[data-status]').textContent()).resolves.toBe('活动证已失效');
      await scanner.close();
      // The member follows it on 我的组织关系 and sees his record in 江川 now.
      await member.goto(`${cy1}${transferPath.replace(/^\/p\/[^/]+/, '')}`);
      await expect(member.locator('.state').textContent()).resolves.toContain('已报到');
      await member.goto(`${cy1}/workspace/my-record`);
      await expect(member.locator('.record').textContent()).resolves.toContain('城东供电所党支部');
      await member.close();
    } finally {
      await sms.close();
    }
  });
});

describe('流动党员 in the workspace', () => {
  it('an admin approves an absence (issuing the 活动证), records a contact, and sees the member on the register', async () => {
    const cy1 = `${base}/p/huayou-caiyou1`;
    const auth = await apiToken('admin@cy1.huayou.example');
    const branch = Buffer.from(`Organization:${(await db.query<{ id: number }>(`select id from organization where name = '注水队党支部'`))[0]!.id}`).toString('base64url');
    const made = await api.gql(`mutation($i: MemberInputType!) { memberCreate(input: $i) { member { id } userErrors { message } } }`, { i: { organizationId: branch, name: '韩流动', idNumber: '37052219860808003' + checkCharacter('37052219860808003'), joinedOn: '2008-07-01', confirmedOn: '2009-07-01', category: 'FULL' } }, auth);
    const registered = await api.gql(`mutation($i: MobileRegisterInput!) { mobileRegister(input: $i) { registration { id } userErrors { message } } }`, { i: { memberId: made.data!.memberCreate.member.id, place: '新疆克拉玛依', reason: '外派油田技术服务', startsOn: '2026-10-01', expectedReturnOn: '2027-04-01' } }, auth);
    expect(registered.data!.mobileRegister.userErrors).toEqual([]);
    const admin = await signedIn('admin@cy1.huayou.example', cy1);
    await admin.goto(`${cy1}/workspace/mobile`);
    await admin.getByRole('link', { name: '韩流动' }).click();
    await expect(admin.locator('.state').textContent()).resolves.toContain('待审批');
    await admin.getByRole('button', { name: '批准并发放活动证' }).click();
    await admin.waitForURL(/notice=done/);
    await expect(admin.locator('.record').textContent()).resolves.toMatch(/LD2026\d{6}/);
    await admin.getByLabel('情况').fill('电话联系，在克拉玛依工作生活正常');
    await admin.getByRole('button', { name: '记录联系' }).click();
    await admin.waitForURL(/notice=done/);
    await expect(admin.locator('#contacts ~ ol, section[aria-labelledby="contacts"] ol').first().textContent()).resolves.toContain('电话：电话联系');
    await admin.goto(`${cy1}/workspace/mobile`);
    await expect(admin.locator('tbody').textContent()).resolves.toContain('新疆克拉玛依');
    await admin.close();
  });
});

describe('组织生活 in the workspace', () => {
  it('a 支部党员大会 is planned; 12 of 20 sign in, 3 by card scan; 11 yes of 20 passes, 10 fails; the minutes are returned, corrected and approved; the branch is complete for the month', async () => {
    const cy1 = `${base}/p/huayou-caiyou1`;
    const auth = await apiToken('admin@cy1.huayou.example');
    const asAdmin = <T = Record<string, any>>(q: string, v?: Record<string, unknown>) => api.gql<T>(q, v, auth);
    const roll = await createRoll(asAdmin, db, { branch: '采油二队党支部', full: 20, seed: 7 });
    const branch = Buffer.from(`Organization:${await orgId(db, '采油二队党支部')}`).toString('base64url');
    // The day and a window around now, in China time (the meeting is on today's date).
    const china = (offsetMin: number) => new Date(Date.now() + 8 * 3600_000 + offsetMin * 60_000).toISOString();
    const today = china(0).slice(0, 10);
    const from = china(-10).slice(0, 10) === today ? china(-10).slice(11, 16) : '00:00';
    const to = china(60).slice(0, 10) === today ? china(60).slice(11, 16) : '23:59';

    const admin = await signedIn('admin@cy1.huayou.example', cy1);
    await admin.goto(`${cy1}/workspace/meetings?org=${branch}`);
    await admin.locator('select[name=type]').selectOption('BRANCH_ASSEMBLY');
    await admin.getByLabel('同时作为本月主题党日').check();
    await admin.getByLabel('主题', { exact: true }).fill('学习贯彻全会精神，讨论支部年度工作');
    await admin.getByLabel('议程', { exact: true }).fill('一、传达学习全会精神\n二、表决支部年度工作计划');
    await admin.getByLabel('日期', { exact: true }).fill(today);
    await admin.getByLabel('开始', { exact: true }).fill(from);
    await admin.getByLabel('结束', { exact: true }).fill(to);
    await admin.getByLabel('地点', { exact: true }).fill('采油二队会议室');
    await admin.locator('select[name=recorder]').selectOption({ label: roll[0]!.name });
    await admin.getByRole('button', { name: '安排并通知参会人员' }).click();
    await admin.waitForURL(/notice=planned/);
    await expect(admin.locator('.state').textContent()).resolves.toContain('进行中');
    await expect(admin.locator('.qr svg').count()).resolves.toBe(1);

    // Three e-cards scanned by the recorder's phone (the token pasted), nine names ticked.
    for (const who of roll.slice(0, 3)) {
      const token = (await asAdmin(`query($id: ID!) { node(id: $id) { ... on Member { card { token } } } }`, { id: who.id })).data!.node.card.token;
      await admin.getByLabel('扫描或粘贴电子党员活动证').fill(token);
      await admin.getByRole('button', { name: '刷证签到' }).click();
      await admin.waitForURL(/notice=/);
      await expect(admin.getByRole('status').textContent()).resolves.toContain(`已签到：${who.name}`);
    }
    for (const who of roll.slice(3, 12)) {
      await admin.getByRole('button', { name: `${who.name}到会`, exact: true }).click();
      await admin.waitForURL(/notice=done/);
    }
    await expect(admin.locator('#roll ~ p, section[aria-labelledby="roll"] p').first().textContent()).resolves.toContain('应到 20 人（有表决权），实到 12 人');

    const vote = async (title: string, yes: number, no: number) => {
      await admin.getByRole('textbox', { name: '表决事项', exact: true }).fill(title);
      await admin.getByLabel('赞成', { exact: true }).fill(String(yes));
      await admin.getByLabel('反对', { exact: true }).fill(String(no));
      await admin.getByRole('button', { name: '记录表决' }).click();
      await admin.waitForURL(/notice=done/);
    };
    await vote('关于支部年度工作计划的表决', 11, 1);
    await vote('关于调整党小组设置的表决', 10, 2);
    const votes = await admin.locator('section[aria-labelledby="votes"] li').allTextContents();
    expect(votes[0]).toMatch(/应到 20，实到 12，赞成 11.*通过/);
    expect(votes[1]).toMatch(/赞成 10.*未通过/);

    const minutes = async (text: string, photo?: Buffer) => {
      await admin.getByRole('textbox', { name: '会议记录', exact: true }).fill(text);
      if (photo) await admin.getByLabel('会议照片和附件（可多选）').setInputFiles({ name: '大会现场.png', mimeType: 'image/png', buffer: photo });
      await admin.getByRole('button', { name: '保存记录' }).click();
      await admin.waitForURL(/notice=done/);
      await admin.getByRole('button', { name: '报送上级审核' }).click();
      await admin.waitForURL(/notice=done/);
    };
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    await minutes('书记传达全会精神。\n大会表决支部年度工作计划，通过。', png);
    await expect(admin.locator('section[aria-labelledby="minutes"] a', { hasText: '大会现场.png' }).count()).resolves.toBe(1);
    await expect(admin.locator('.state').textContent()).resolves.toContain('待上级审核');
    await admin.getByLabel('审核意见（退回时必填）').fill('请补充缺席人员及原因');
    await admin.getByRole('button', { name: '退回' }).click();
    await admin.waitForURL(/notice=done/);
    await expect(admin.locator('.state').textContent()).resolves.toContain('已退回');
    await minutes('书记传达全会精神。\n大会表决支部年度工作计划，通过。\n缺席8人，均因倒班在岗。');
    await admin.getByRole('button', { name: '审核通过' }).click();
    await admin.waitForURL(/notice=done/);
    await expect(admin.locator('.state').textContent()).resolves.toContain('审核通过（已锁定）');
    await expect(admin.getByRole('button', { name: '保存记录' }).count()).resolves.toBe(0);

    await admin.goto(`${cy1}/workspace/life?org=${branch}`);
    const row = admin.locator('table.life tbody tr', { hasText: '采油二队党支部' }).first();
    await expect(row.textContent()).resolves.toContain('达标');
    await expect(row.getAttribute('class')).resolves.toBe('met');
    // A 谈心谈话 logged from the branch's detail counts toward the year's coverage.
    await admin.goto(`${cy1}/workspace/life?org=${branch}&branch=${branch}`);
    await admin.locator('select[name=by]').selectOption({ label: roll[0]!.name });
    await admin.locator('select[name=with]').selectOption({ label: roll[5]!.name });
    await admin.getByLabel('谈话内容').fill('了解思想动态和工作困难');
    await admin.locator('form', { hasText: '记录谈心谈话' }).getByRole('button', { name: '记录' }).click();
    await admin.waitForURL(/notice=done/);
    await expect(admin.locator('#detail tr', { hasText: '谈心谈话覆盖率' }).textContent()).resolves.toContain('2/20人');
    await admin.close();
  });
});

describe('民主评议 and the e-handbook on a phone', () => {
  it('a member casts the anonymous ballot, writes to the branch, and reads the answer in the e-handbook; the admin answers in 意见建议', async () => {
    const jc = `${base}/p/jiangchuan`;
    const auth = await apiToken('admin@jcpower.example');
    const asAdmin = <T = Record<string, any>>(q: string, v?: Record<string, unknown>) => api.gql<T>(q, v, auth);
    // 周强 and four others in 城东供电所; a round of 民主评议 opened and taken to the ballot.
    await createRoll(asAdmin, db, { branch: '城东供电所党支部', full: 5, logins: ['13900000002'], names: ['周强'], seed: 11 });
    const year = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
    const opened = await asAdmin(`mutation($o: ID!, $y: Int!) { appraisalOpen(organizationId: $o, year: $y) { round { id } userErrors { message } } }`, { o: Buffer.from(`Organization:${await orgId(db, '城东供电所党支部')}`).toString('base64url'), y: year });
    const round = opened.data!.appraisalOpen.round.id;
    for (let i = 0; i < 2; i++) await asAdmin(`mutation($id: ID!) { appraisalAdvance(id: $id) { userErrors { message } } }`, { id: round });

    const zhou = await signedIn('13900000002', jc);
    await zhou.setViewportSize({ width: 360, height: 780 });
    await zhou.goto(`${jc}/workspace/appraisals/${round}`);
    await expect(zhou.locator('.state').textContent()).resolves.toContain('民主测评');
    await zhou.locator('label', { hasText: '陈静' }).locator('select').selectOption('EXCELLENT');
    await zhou.getByRole('button', { name: '提交测评票' }).click();
    await zhou.waitForURL(/notice=done/);
    await expect(zhou.getByText('您已投票').count()).resolves.toBe(1);

    await zhou.goto(`${jc}/workspace/handbook`);
    await zhou.getByLabel('向支部提出意见建议').fill('建议把主题党日安排在倒班休息日，方便一线党员参加。');
    await zhou.getByRole('button', { name: '提交' }).click();
    await zhou.waitForURL(/notice=done/);

    const admin = await signedIn('admin@jcpower.example', jc);
    await admin.goto(`${jc}/workspace/suggestions`);
    await expect(admin.locator('.list').textContent()).resolves.toContain('倒班休息日');
    await admin.getByLabel(/答复.*的意见建议/).fill('已调整，下月起主题党日安排在每月第二个休息日。');
    await admin.getByRole('button', { name: '答复' }).click();
    await admin.waitForURL(/notice=done/);

    await zhou.goto(`${jc}/workspace/handbook`);
    await expect(zhou.locator('section[aria-labelledby="h-suggestions"]').textContent()).resolves.toContain('答复（孙丽）：已调整，下月起主题党日安排在每月第二个休息日。');
    await expect(zhou.locator('.who').textContent()).resolves.toContain('城东供电所党支部');
    await zhou.close();
    await admin.close();
  });
});

describe('学习 on a phone', () => {
  it('a member sits an exam, reloads mid-way to the same paper and answers, hands it in and reads the report; a paper left open is handed in at its deadline; a course completed raises the hours', async () => {
    const cy1 = `${base}/p/huayou-caiyou1`;
    const auth = await apiToken('admin@cy1.huayou.example');
    const asAdmin = <T = Record<string, any>>(q: string, v?: Record<string, unknown>) => api.gql<T>(q, v, auth);
    await createRoll(asAdmin, db, { branch: '作业大队党支部', full: 1, logins: ['reviewer@cy1.huayou.example'], names: ['赵志刚'], seed: 13 });
    const plant = Buffer.from(`Organization:${await orgId(db, '第一采油厂党委')}`).toString('base64url');
    const exam = async (title: string, closesInMs: number) => {
      const made = await asAdmin(`mutation($i: ExamInput!) { examCreate(input: $i) { exam { id } userErrors { message } } }`, {
        i: { organizationId: plant, title, rules: [{ type: 'SINGLE', count: 3, points: 20 }, { type: 'TRUE_FALSE', count: 2, points: 20 }], durationMinutes: 15, passMark: 60, opensAt: new Date(Date.now() - 60_000).toISOString(), closesAt: new Date(Date.now() + closesInMs).toISOString() },
      });
      const id = made.data!.examCreate.exam.id as string;
      await asAdmin(`mutation($id: ID!) { examPublish(id: $id) { userErrors { message } } }`, { id });
      return id;
    };
    // The plant keeps no bank of its own: its exams draw from the enterprise's (the demo one).
    const monthly = await exam('十一月党章党规测试', 3600_000);

    const zhao = await signedIn('reviewer@cy1.huayou.example', cy1);
    await zhao.setViewportSize({ width: 360, height: 780 });
    await zhao.goto(`${cy1}/workspace/learning`);
    await zhao.getByRole('link', { name: '十一月党章党规测试' }).click();
    await zhao.getByRole('button', { name: '开始考试' }).click();
    await zhao.waitForURL(/\/workspace\/learning\/attempts\//);
    const attemptUrl = zhao.url();
    const attemptId = Number(Buffer.from(attemptUrl.split('/attempts/')[1]!.split(/[?#]/)[0]!, 'base64url').toString().split(':')[1]);
    const keys = await db.query<{ position: number; type: string; answer: string[] }>(`select i.position, q.type, q.answer from attempt_item i join question q on q.id = i.question_id where i.attempt_id = $1 order by i.position`, [attemptId]);
    const stems = await zhao.locator('.paper legend').allTextContents();
    expect(stems).toHaveLength(5);
    // The first answer is saved as it is given; a reload shows the same paper with it.
    await zhao.locator(`[data-position="1"] input[value="${keys[0]!.answer[0]}"]`).check();
    await expect(zhao.getByText('已自动保存第1题').waitFor({ timeout: 5000 })).resolves.toBeUndefined();
    await zhao.reload();
    expect(await zhao.locator('.paper legend').allTextContents()).toEqual(stems);
    await expect(zhao.locator(`[data-position="1"] input[value="${keys[0]!.answer[0]}"]`).isChecked()).resolves.toBe(true);
    for (const k of keys.slice(1)) await zhao.locator(`[data-position="${k.position}"] input[value="${k.answer[0]}"]`).check();
    await zhao.getByRole('button', { name: '交卷' }).click();
    await zhao.waitForURL(attemptUrl);
    await expect(zhao.locator('.state').textContent()).resolves.toMatch(/已交卷：100分，及格/);
    await expect(zhao.locator('table.report').first().textContent()).resolves.toContain('政治素养');

    // A paper left open past its deadline: the server hands it in.
    const quick = await exam('限时抽测', 5000);
    await zhao.goto(`${cy1}/workspace/learning/exams/${quick}`);
    await zhao.getByRole('button', { name: '开始考试' }).click();
    await zhao.waitForURL(/\/workspace\/learning\/attempts\//);
    await new Promise((r) => setTimeout(r, 6000));
    await zhao.reload();
    await expect(zhao.locator('.state').textContent()).resolves.toContain('到时自动交卷：0分，不及格');

    // A course: the page reports study time every few seconds; the lesson completes and the hours rise.
    const course = await asAdmin(`mutation($i: CourseInput!) { courseCreate(input: $i) { course { id } userErrors { message } } }`, {
      i: { organizationId: plant, title: '安全生产法要点', dimension: 'PROFESSIONAL', items: [{ title: '从业人员的权利和义务', body: '<p>从业人员有权了解其作业场所和工作岗位存在的危险因素、防范措施及事故应急措施。</p>', mode: 'READ', requiredSeconds: 10, hours: 0.5 }] },
    });
    const courseId = course.data!.courseCreate.course.id as string;
    await asAdmin(`mutation($id: ID!) { coursePublish(id: $id) { userErrors { message } } }`, { id: courseId });
    await zhao.goto(`${cy1}/workspace/learning`);
    await expect(zhao.locator('[data-hours]').textContent()).resolves.toContain('合计 0 / 32 学时');
    await zhao.getByRole('link', { name: '安全生产法要点' }).click();
    await zhao.getByRole('link', { name: '从业人员的权利和义务' }).click();
    await expect(zhao.locator('[data-progress]').filter({ hasText: '已完成' }).waitFor({ timeout: 25_000 })).resolves.toBeUndefined();
    await zhao.goto(`${cy1}/workspace/learning`);
    await expect(zhao.locator('[data-hours]').textContent()).resolves.toContain('合计 0.5 / 32 学时');
    // 学习积分: 10 for the exam at full marks, 1 for the lesson.
    await expect(zhao.locator('[data-points]').textContent()).resolves.toBe('11');

    // The admin reads the exam's report, its chart drawn on the server.
    const admin = await signedIn('admin@cy1.huayou.example', cy1);
    await admin.goto(`${cy1}/workspace/learning/exams/${monthly}`);
    await expect(admin.locator('section[aria-labelledby="report"]').textContent()).resolves.toContain('参考 1 人');
    await expect(admin.locator('figure.chart svg').count()).resolves.toBe(1);
    // Study across the plant's branches: coverage and hours, the chart drawn on the server.
    await admin.goto(`${cy1}/workspace/learning/admin`);
    await expect(admin.locator('section[aria-labelledby="study"]').textContent()).resolves.toMatch(/参学率 [\d.]+%，人均 [\d.]+ 学时（目标 32 学时）/);
    await expect(admin.locator('section[aria-labelledby="study"] figure.chart svg').count()).resolves.toBe(1);
    await zhao.close();
    await admin.close();
  }, 90_000);
});

describe('数据看板 and the big screen', () => {
  it('shows the plant’s figures with their definitions, and the big screen at 1920×1080 with its charts and a publication arriving live', async () => {
    const cy1 = `${base}/p/huayou-caiyou1`;
    const admin = await signedIn('admin@cy1.huayou.example', cy1);
    await admin.goto(`${cy1}/workspace/dashboard`);
    await expect(admin.locator('[data-figure="members"] .meta').textContent()).resolves.toContain('党籍状态正常');
    await expect(admin.locator('section[aria-labelledby="b-age"] figure.chart svg').count()).resolves.toBe(1);

    await admin.setViewportSize({ width: 1920, height: 1080 });
    await admin.goto(`${cy1}/workspace/screen`);
    const screen = admin.locator('[data-screen]');
    await expect(screen.boundingBox()).resolves.toMatchObject({ width: 1920, height: 1080 });
    await expect(screen.locator('figure.panel svg').count()).resolves.toBe(4);
    await new Promise((r) => setTimeout(r, 800)); // the relay subscribes
    // A news article approved elsewhere arrives on the screen.
    const editor = await apiToken('editor@cy1.huayou.example');
    const reviewer = await apiToken('reviewer@cy1.huayou.example');
    const branch = Buffer.from(`Organization:${await orgId(db, '采油一队党支部')}`).toString('base64url');
    const created = await api.gql(`mutation($i: NewsCreateInput!) { newsCreate(input: $i) { newsArticle { id } } }`, { i: { organizationId: branch, title: '大屏实时发布测试', bodyHtml: '<p>内容</p>' } }, editor);
    const id = created.data!.newsCreate.newsArticle.id;
    await api.gql(`mutation($id: ID!) { newsSubmit(id: $id) { userErrors { code } } }`, { id }, editor);
    await api.gql(`mutation($id: ID!) { newsApprove(id: $id) { userErrors { code } } }`, { id }, reviewer);
    await expect(screen.locator('[data-feed] li', { hasText: '大屏实时发布测试' }).waitFor({ timeout: 10_000 })).resolves.toBeUndefined();
    // A member signed into a 主题党日 under way: the screen's count of today's sign-ins rises.
    const plantAdmin = await apiToken('admin@cy1.huayou.example');
    const before = Number(await screen.locator('[data-signins]').textContent());
    const planned = await api.gql(`mutation($i: MeetingPlanInput!) { meetingPlan(input: $i) { meeting { id attendees { memberId } } userErrors { message } } }`, {
      i: { organizationId: Buffer.from(`Organization:${await orgId(db, '采油三队党支部')}`).toString('base64url'), type: 'THEME_DAY', topic: '大屏签到测试主题党日', place: '队部会议室', startsAt: new Date(Date.now() - 10 * 60_000).toISOString(), endsAt: new Date(Date.now() + 3600_000).toISOString() },
    }, plantAdmin);
    expect(planned.data!.meetingPlan.userErrors).toEqual([]);
    const meeting = planned.data!.meetingPlan.meeting;
    await api.gql(`mutation($id: ID!, $m: ID!) { meetingMarkAttendance(id: $id, memberId: $m, attendance: PRESENT) { userErrors { message } } }`, { id: meeting.id, m: meeting.attendees[0].memberId }, plantAdmin);
    await expect(screen.locator('[data-signins]', { hasText: String(before + 1) }).waitFor({ timeout: 10_000 })).resolves.toBeUndefined();
    await expect(screen.locator('[data-last]').textContent()).resolves.toContain('主题党日');
    fs.mkdirSync(path.join(import.meta.dirname, '../.artifacts'), { recursive: true });
    await screen.screenshot({ path: path.join(import.meta.dirname, '../.artifacts/big-screen.png') });
    await admin.close();
  });
});

describe('问卷调查 in the workspace', () => {
  it('a member answers an anonymous survey once; its owner reads the results with their chart', async () => {
    const cy1 = `${base}/p/huayou-caiyou1`;
    const auth = await apiToken('admin@cy1.huayou.example');
    const asAdmin = <T = Record<string, any>>(q: string, v?: Record<string, unknown>) => api.gql<T>(q, v, auth);
    await createRoll(asAdmin, db, { branch: '机关党支部', full: 1, logins: ['editor@cy1.huayou.example'], names: ['陈静'], seed: 18 });
    const made = await asAdmin(`mutation($i: SurveyInput!) { surveyCreate(input: $i) { survey { id } userErrors { message } } }`, {
      i: {
        organizationId: Buffer.from(`Organization:${await orgId(db, '机关党支部')}`).toString('base64url'),
        title: '机关党支部学习安排意见征集',
        audience: 'MEMBERS',
        anonymous: true,
        opensAt: new Date(Date.now() - 60_000).toISOString(),
        closesAt: new Date(Date.now() + 3600_000).toISOString(),
        questions: [{ kind: 'SINGLE', prompt: '集中学习安排在哪个时间更合适？', options: ['周二下午', '周四下午', '周五上午'] }, { kind: 'TEXT', prompt: '其他建议', required: false }],
      },
    });
    const survey = made.data!.surveyCreate.survey.id as string;
    const chen = await signedIn('editor@cy1.huayou.example', cy1);
    await chen.goto(`${cy1}/workspace/surveys`);
    await chen.getByRole('link', { name: '机关党支部学习安排意见征集' }).click();
    await chen.getByLabel('周四下午').check();
    await chen.getByRole('textbox', { name: '其他建议' }).fill('希望提前一周通知。');
    await chen.getByRole('button', { name: '提交' }).click();
    await chen.waitForURL(/notice=answered/);
    await chen.goto(`${cy1}/workspace/surveys/${survey}`);
    await expect(chen.getByRole('button', { name: '提交' }).count()).resolves.toBe(0);
    await expect(chen.getByText('你已作答').count()).resolves.toBe(1);
    const admin = await signedIn('admin@cy1.huayou.example', cy1);
    await admin.goto(`${cy1}/workspace/surveys/${survey}`);
    await expect(admin.locator('#results').textContent()).resolves.toContain('结果：1 人作答');
    await expect(admin.locator('section[aria-labelledby="results"] figure.chart svg').count()).resolves.toBe(1);
    await expect(admin.locator('section[aria-labelledby="results"]').textContent()).resolves.toContain('希望提前一周通知。');
    await chen.close();
    await admin.close();
  });
});

describe('考核 in the workspace', () => {
  it('a scheme with three indicators is set for two branches; one misses a must-reach target and plans its improvement action', async () => {
    const cy1 = `${base}/p/huayou-caiyou1`;
    // 注水队 published a news item this quarter (written by the plant's admin, approved by its reviewer).
    const adminAuth = await apiToken('admin@cy1.huayou.example');
    const asAdmin = (q: string, v?: Record<string, unknown>) => api.gql<any>(q, v, adminAuth);
    const reviewerAuth = await apiToken('reviewer@cy1.huayou.example');
    const created = await asAdmin(`mutation($i: NewsCreateInput!) { newsCreate(input: $i) { newsArticle { id } } }`, {
      i: { organizationId: Buffer.from(`Organization:${await orgId(db, '注水队党支部')}`).toString('base64url'), title: '注水队开展“党员先锋岗”创建活动', bodyHtml: '<p>注水队党支部设立党员先锋岗。</p>' },
    });
    const news = created.data!.newsCreate.newsArticle.id;
    await asAdmin(`mutation($id: ID!) { newsSubmit(id: $id) { userErrors { code } } }`, { id: news });
    await api.gql(`mutation($id: ID!) { newsApprove(id: $id) { userErrors { code } } }`, { id: news }, reviewerAuth);

    const admin = await signedIn('admin@cy1.huayou.example', cy1);
    await admin.goto(`${cy1}/workspace/assessments`);
    await admin.getByLabel('方案名称').fill('第四季度党支部工作考核（试点）');
    const indicator = (n: number) => admin.locator('fieldset', { hasText: `指标${n}` });
    const rows = [
      ['信息发布数', 'content.published', '40', '1', '3'],
      ['党建特色工作', 'EVIDENCE', '30', '60', '90'],
      ['组织关系转接按期办结率', 'transfers.withinValidity', '30', '90', '100'],
    ] as const;
    for (const [n, [name, measure, weight, must, stretch]] of rows.entries()) {
      const f = indicator(n + 1);
      await f.getByLabel('名称').fill(name);
      await f.getByLabel('衡量方式').selectOption(measure);
      await f.getByLabel('权重').fill(weight);
      await f.getByLabel('必达目标').fill(must);
      await f.getByLabel('挑战目标').fill(stretch);
    }
    await admin.getByRole('checkbox', { name: '注水队党支部' }).check();
    await admin.getByRole('checkbox', { name: '采油二队党支部' }).check();
    await admin.getByRole('button', { name: '发布方案' }).click();
    await admin.waitForURL(/\/workspace\/assessments\/[A-Za-z0-9_-]+$/);
    const schemeUrl = admin.url();
    await expect(admin.locator('section[aria-labelledby="standings"] tbody tr').count()).resolves.toBe(2);
    await expect(admin.locator('section[aria-labelledby="standings"] figure.chart svg').count()).resolves.toBe(1);

    // 注水队 hands in its evidence (entered by the plant's admin for it); the group's admin scores it.
    await admin.getByRole('link', { name: '注水队党支部' }).click();
    await expect(admin.locator('section[aria-labelledby="card"]').textContent()).resolves.toContain('本期无可计量数据');
    await admin.getByLabel('材料说明').fill('设立党员先锋岗2个，党员带头完成注水井调配任务。');
    await admin.getByRole('button', { name: '提交佐证材料' }).click();
    await admin.waitForURL(/notice=done/);
    const group = await signedIn('admin@huayou.example', `${base}/p/huayou`);
    await group.goto(schemeUrl.replace('/p/huayou-caiyou1/', '/p/huayou/') + `?org=${new URL(admin.url()).searchParams.get('org')}`);
    await group.getByLabel('评分（0–100）').fill('95');
    await group.getByLabel('评语').fill('成效明显');
    await group.getByRole('button', { name: '评分' }).click();
    await group.waitForURL(/notice=done/);

    // The diagnosis: 采油二队 handed in nothing — the must-reach target missed, an improvement action opened.
    await admin.goto(schemeUrl);
    await admin.getByRole('button', { name: '立即诊断' }).click();
    await admin.waitForURL(/notice=done/);
    await expect(admin.locator('section[aria-labelledby="diagnoses"]').textContent()).resolves.toContain('即时诊断');
    await admin.getByRole('link', { name: '注水队党支部' }).click();
    await expect(admin.locator('section[aria-labelledby="card"]').textContent()).resolves.toContain('无：各项必达目标均已达成');
    await admin.goto(schemeUrl);
    await admin.getByRole('link', { name: '采油二队党支部' }).click();
    const action = admin.locator('.card', { hasText: '未达必达目标60分' });
    await expect(action.textContent()).resolves.toContain('党建特色工作');
    await action.getByLabel('整改计划').fill('支委会每月研究一次特色工作，组织委员负责收集佐证材料。');
    await action.getByLabel('责任人').fill('支部书记');
    await action.getByLabel('完成期限').fill('2027-01-31');
    await action.getByRole('button', { name: '保存并进入执行（D）' }).click();
    await admin.waitForURL(/notice=done/);
    await expect(admin.locator('.card', { hasText: '未达必达目标60分' }).textContent()).resolves.toContain('执行（D）');
    await admin.close();
    await group.close();
  });
});

describe('a public survey on the portal', () => {
  it('is answered once per account (a second form from the same account is refused), and its results are published for visitors', async () => {
    const cy1 = `${base}/p/huayou-caiyou1`;
    const admin = await signedIn('admin@cy1.huayou.example', cy1);
    await admin.goto(`${cy1}/workspace/surveys`);
    await admin.getByLabel('标题').fill('井区环境整治方案投票');
    await admin.locator('label', { hasText: '对象' }).locator('select').selectOption('PUBLIC');
    await admin.getByLabel('匿名（答卷不与答卷人关联）').uncheck();
    const first = admin.locator('fieldset', { hasText: '第1题' });
    await first.getByRole('textbox', { name: '题目' }).fill('您支持哪个整治方案？');
    await first.getByLabel('选项（每行一个，选择题填写）').fill('方案一：先绿化后修路\n方案二：先修路后绿化');
    await admin.getByRole('button', { name: '发起' }).click();
    await admin.waitForURL(/\/workspace\/surveys\/[A-Za-z0-9_-]+$/);
    const id = admin.url().split('/').pop()!;

    // 张伟 opens the vote twice (signed in on two devices) and sends both: the first counts, the second is refused.
    const zhang = await signedIn('13800000001', cy1);
    await zhang.goto(`${cy1}/surveys`);
    await zhang.getByRole('link', { name: '井区环境整治方案投票' }).click();
    const second = await signedIn('13800000001', cy1);
    await second.goto(zhang.url());
    await zhang.getByLabel('方案二：先修路后绿化').check();
    await zhang.getByRole('button', { name: '提交' }).click();
    await zhang.waitForURL(/notice=answered/);
    await second.getByLabel('方案一：先绿化后修路').check();
    await second.getByRole('button', { name: '提交' }).click();
    await expect(second.getByRole('alert').textContent()).resolves.toContain('每人只能作答一次');

    // A visitor sees no results until the owner publishes them.
    const visitor = await browser.newPage({ locale: 'zh-CN' });
    await visitor.goto(`${cy1}/surveys/${id}`);
    await expect(visitor.getByText('请先登录后作答').count()).resolves.toBe(1);
    await expect(visitor.locator('#results').count()).resolves.toBe(0);
    await admin.goto(`${cy1}/workspace/surveys/${id}`);
    await admin.getByRole('button', { name: '在门户网站公布结果' }).click();
    await admin.waitForURL(/notice=published/);
    const download = await admin.request.get(`${cy1}/workspace/surveys/${id}/results.xlsx`);
    expect(download.headers()['content-type']).toContain('spreadsheetml');
    await visitor.reload();
    await expect(visitor.locator('#results').textContent()).resolves.toContain('结果：1 人作答');
    await expect(visitor.locator('section[aria-labelledby="results"] figure.chart svg').count()).resolves.toBe(1);
    for (const p of [admin, zhang, second, visitor]) await p.close();
  });
});

describe('群众意见箱', () => {
  it('a visitor writes from the portal, the plant’s admin answers publicly, and the answer is listed without the sender’s name', async () => {
    const cy1 = `${base}/p/huayou-caiyou1`;
    const visitor = await browser.newPage({ locale: 'zh-CN' });
    await visitor.goto(`${cy1}/`);
    await visitor.getByRole('link', { name: '群众意见箱' }).click();
    await visitor.getByLabel('主题').fill('采油厂门前路灯不亮');
    await visitor.getByLabel('意见和建议').fill('厂区东门外三盏路灯已坏一个月，夜间通行不便。');
    await visitor.getByLabel('姓名（可不填）').fill('李女士');
    await visitor.getByRole('button', { name: '提交' }).click();
    await expect(visitor.getByRole('status').textContent()).resolves.toContain('受理编号');

    const admin = await signedIn('admin@cy1.huayou.example', cy1);
    await admin.goto(`${cy1}/workspace/mailbox?status=RECEIVED`);
    const item = admin.locator('li.card', { hasText: '采油厂门前路灯不亮' });
    await item.getByRole('textbox', { name: '答复' }).fill('已联系物业，本周内修复。感谢您的监督！');
    await item.getByRole('button', { name: '答复', exact: true }).click();
    await admin.waitForURL(/workspace\/mailbox/);
    await visitor.goto(`${cy1}/mailbox`);
    const answered = visitor.locator('section[aria-labelledby="answered"]');
    await expect(answered.textContent()).resolves.toContain('已联系物业，本周内修复。');
    await expect(answered.textContent()).resolves.not.toContain('李女士');
    await visitor.close();
    await admin.close();
  });
});

describe('接口密钥 in the workspace', () => {
  it('the group’s admin creates a key (shown once), uses it, rotates it keeping the old one for a while, and revokes it', async () => {
    const hy = `${base}/p/huayou`;
    const admin = await signedIn('admin@huayou.example', hy);
    await admin.goto(`${hy}/workspace/api-keys`);
    await admin.getByLabel('应用名称').fill('党建大屏（浏览器测试）');
    await admin.getByRole('button', { name: '创建' }).click();
    const key = (await admin.locator('[data-key]').textContent())!.trim();
    expect(key.length).toBeGreaterThan(20);
    // The key works; the page, opened again, no longer shows it.
    const used = await api.gql(`{ viewer { kind } }`, {}, { authorization: `Bearer ${key}` });
    expect(used.data!.viewer.kind).toBe('API_CLIENT');
    await admin.goto(`${hy}/workspace/api-keys`);
    await expect(admin.locator('[data-key]').count()).resolves.toBe(0);
    const row = admin.locator('tr', { hasText: '党建大屏（浏览器测试）' });
    await expect(row.textContent()).resolves.toContain('127.0.0.1');
    await row.getByLabel('旧密钥保留（小时）').fill('2');
    await row.getByRole('button', { name: '轮换' }).click();
    const next = (await admin.locator('[data-key]').textContent())!.trim();
    expect(next).not.toBe(key);
    await expect(admin.locator('tr', { hasText: '党建大屏（浏览器测试）' }).textContent()).resolves.toContain('旧密钥有效至');
    await admin.locator('tr', { hasText: '党建大屏（浏览器测试）' }).getByRole('button', { name: '吊销' }).click();
    await expect(admin.locator('tr', { hasText: '党建大屏（浏览器测试）' }).textContent()).resolves.toContain('已吊销');
    expect((await api.gql(`{ viewer { kind } }`, {}, { authorization: `Bearer ${next}` })).status).toBe(401);
    await admin.close();
  });
});

describe('事件推送 in the workspace', () => {
  it('the group’s admin adds an endpoint (secret shown once), sees a delivery arrive with its attempt, and redelivers it', async () => {
    const receiver = await startWebhookReceiver();
    try {
      await db.query(`insert into webhook_network (enterprise_id, allow_private_network) values (1, true) on conflict (enterprise_id) do update set allow_private_network = true`);
      const hy = `${base}/p/huayou`;
      const admin = await signedIn('admin@huayou.example', hy);
      await admin.goto(`${hy}/workspace/webhooks`);
      await admin.getByLabel('接收地址（https）').fill(`${receiver.url}/oa`);
      await admin.getByLabel('说明').fill('集团 OA 待办（浏览器测试）');
      await admin.getByLabel('权限范围').selectOption('PUBLIC_READ');
      await admin.getByRole('checkbox', { name: /内容发布/ }).check();
      await admin.getByRole('button', { name: '添加' }).click();
      expect((await admin.locator('[data-secret]').textContent())!.trim()).toMatch(/^whsec_/);

      // A publication reaches the receiver; the page, opened again, shows it delivered — and no secret.
      const editor = await apiToken('editor@cy1.huayou.example');
      const reviewer = await apiToken('reviewer@cy1.huayou.example');
      const branch = Buffer.from(`Organization:${await orgId(db, '采油一队党支部')}`).toString('base64url');
      const created = await api.gql(`mutation($i: NewsCreateInput!) { newsCreate(input: $i) { newsArticle { id } } }`, { i: { organizationId: branch, title: '推送页面测试：支部活动', bodyHtml: '<p>正文</p>' } }, editor);
      const id = created.data!.newsCreate.newsArticle.id;
      await api.gql(`mutation($id: ID!) { newsSubmit(id: $id) { userErrors { code } } }`, { id }, editor);
      await api.gql(`mutation($id: ID!) { newsApprove(id: $id) { userErrors { code } } }`, { id }, reviewer);
      await receiver.waitForMatch((c) => c.body.includes('推送页面测试：支部活动'));
      await admin.goto(`${hy}/workspace/webhooks`);
      await expect(admin.locator('[data-secret]').count()).resolves.toBe(0);
      const endpoint = admin.locator('section', { hasText: '集团 OA 待办（浏览器测试）' });
      const row = endpoint.locator('tr', { hasText: '已送达' }).first();
      await expect(row.textContent()).resolves.toContain('200');
      await row.getByRole('button', { name: '重新推送' }).click();
      const calls = await receiver.waitFor(2);
      expect(calls[1]!.body).toBe(calls[0]!.body);
      await admin.locator('section', { hasText: '集团 OA 待办（浏览器测试）' }).getByRole('button', { name: '停用' }).click();
      await expect(admin.locator('section', { hasText: '集团 OA 待办（浏览器测试）' }).locator('[data-state]').textContent()).resolves.toContain('已停用');
      await admin.close();
    } finally {
      await receiver.close();
    }
  });
});
