/**
 * Every page of a portal, resolved from its path: which page, its data (loaded at the route, as
 * the visitor), and the HTTP answer. Both routing modes (Host and /p/<slug>/) use this.
 */
import { ApiError, DOCUMENTS, request } from './api.js';
import type { CasesVariables, DisclosuresVariables, NewsCreateVariables, PortalThemeSaveVariables } from './operations.generated.js';
import { loadHome, type HomeData } from './home.js';
import { siteFor, type Site } from './site.js';
import { uploadImage } from './media.js';
import { currentVisitor, SESSION_COOKIE } from './visitor.js';
import type { AstroCookies } from 'astro';

type Page =
  | { page: 'home'; data: HomeData }
  | { page: 'news'; data: any; after: string | null }
  | { page: 'article'; data: any }
  | { page: 'disclosures'; data: any; category: string | null }
  | { page: 'disclosure'; data: any; sent: boolean; errors: { field: string | null; message: string }[]; form: Record<string, string> }
  | { page: 'cases'; data: any; sort: string }
  | { page: 'case'; data: any; done: string | null }
  | { page: 'resources'; data: any }
  | { page: 'resource'; data: any; error: string | null }
  | { page: 'search'; data: any; query: string }
  | { page: 'signin'; error: string | null; login: string }
  | { page: 'theme'; error: string | null }
  | { page: 'work'; data: any; notice: string | null }
  | { page: 'write'; organizations: { id: string; name: string }[]; error: string | null; form: Record<string, string> }
  | { page: 'review'; data: any; notice: string | null }
  | { page: 'requests'; data: any; notice: string | null }
  | { page: 'organization'; data: any }
  | { page: 'decisions'; requests: any[]; partnerships: any[] | null; notice: string | null }
  | { page: 'steps'; disclosures: any[]; recommendations: any[] | null; notice: string | null };

export type RouteResult =
  | ({ kind: 'ok'; site: Site } & Page)
  | { kind: 'redirect'; to: string; session?: string | null }
  | { kind: 'not-found'; site: Site | null }
  | { kind: 'unavailable' };

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const CASE_ORDERS: Record<string, string> = { recent: 'RECENT', liked: 'MOST_LIKED', adopted: 'MOST_ADOPTED' };

/** Plain-text messages for the feedback form, in the visitor's language. */
const FEEDBACK_MESSAGES: Record<string, string> = {
  body: '请填写 1–2000 字的意见内容。',
  authorName: '姓名过长。',
  contact: '联系方式过长。',
};

/** The API explains in English for integrators; the editor says it in Chinese. */
function themeMessage(message: string, field: string | undefined): string {
  const ratio = message.match(/([\d.]+):1, WCAG AA needs ([\d.]+):1/);
  if (ratio) return `颜色对比度不足（${ratio[1]}:1，无障碍标准 WCAG AA 要求至少 ${ratio[2]}:1），请选择更深或更浅的颜色。`;
  const labels: Record<string, string> = { primaryColor: '主色', accentColor: '强调色', radius: '圆角', navigation: '导航链接', homeSections: '首页栏目', logoUrl: '标志图片地址', bannerUrl: '横幅图片地址' };
  return `${(field && labels[field]) || '主题'}填写有误，请检查。`;
}

const WRITER_ROLES = new Set(['EDITOR', 'ORG_ADMIN']);
const notices: Record<string, string> = { submitted: '已提交审核。', saved: '草稿已保存。', approved: '已审核通过并发布。', rejected: '已退回作者。' };

/** The workspace: my articles (submit a draft), writing, the review queue (approve or reject). */
async function workspace(site: Site, id: string | undefined, url: URL, req: Request, cookies: AstroCookies): Promise<Page | { kind: 'redirect'; to: string } | null> {
  const home = `${site.base}/workspace/`;
  const done = (what: string, path = home) => ({ kind: 'redirect' as const, to: `${path}?done=${what}` });
  const notice = notices[url.searchParams.get('done') ?? ''] ?? null;
  const form = req.method === 'POST' ? await req.formData() : null;
  const field = (name: string) => String(form?.get(name) ?? '');
  if (id === undefined) {
    if (form && field('action') === 'submit' && ID.test(field('id'))) {
      const result = await request(DOCUMENTS.workspace, 'NewsSubmit', { id: field('id') });
      const [problem] = result.newsSubmit.userErrors;
      if (!problem) return done('submitted');
    }
    return { page: 'work', data: await request(DOCUMENTS.workspace, 'MyWork', {}), notice };
  }
  if (id === 'new') {
    const me = await request(DOCUMENTS.workspace, 'MyWork', {});
    const organizations = (me.viewer.memberships as any[]).filter((m) => WRITER_ROLES.has(m.role) && m.organization).map((m) => m.organization);
    if (!form) return { page: 'write', organizations, error: null, form: {} };
    const values = { organizationId: field('organizationId'), title: field('title'), summary: field('summary'), bodyHtml: field('bodyHtml'), visibility: field('visibility') || 'PUBLIC' };
    // An image chosen in the editor is uploaded for the organisation and placed after the text.
    const image = form.get('image');
    if (image instanceof File && image.size > 0) {
      const uploaded = await uploadImage(cookies, values.organizationId, image);
      if ('error' in uploaded) return { page: 'write', organizations, error: uploaded.error, form: values };
      const alt = field('imageAlt').replace(/[<>"&]/g, '') || values.title.replace(/[<>"&]/g, '');
      values.bodyHtml += `<figure><img src="${uploaded.url}" alt="${alt}"><figcaption>${alt}</figcaption></figure>`;
    }
    // Form values are plain strings; the API refuses what is not one of its enum values.
    const created = await request(DOCUMENTS.workspace, 'NewsCreate', { input: values as NewsCreateVariables['input'] });
    const [problem] = created.newsCreate.userErrors as { message: string; field: string[] | null }[];
    if (problem) {
      const labels: Record<string, string> = { title: '标题', summary: '摘要', bodyHtml: '正文', organizationId: '所属组织' };
      const label = labels[problem.field?.at(-1) ?? ''];
      return { page: 'write', organizations, error: label ? `${label}填写有误：请检查长度和内容。` : '保存未成功，请检查后重试。', form: values };
    }
    if (field('action') !== 'submit') return done('saved');
    const submitted = await request(DOCUMENTS.workspace, 'NewsSubmit', { id: created.newsCreate.newsArticle!.id });
    return submitted.newsSubmit.userErrors.length ? done('saved') : done('submitted');
  }
  if (id === 'steps') {
    const stepsUrl = `${home}steps`;
    let refused: string | null = null;
    if (form && ID.test(field('id'))) {
      try {
        const kind = field('kind');
        const result =
          kind === 'review'
            ? await request(DOCUMENTS.workspace, 'DisclosureReview', { id: field('id'), cleared: field('cleared') === 'yes', conclusion: field('conclusion') })
            : kind === 'approve'
              ? await request(DOCUMENTS.workspace, 'DisclosureApprove', { id: field('id') })
              : await request(DOCUMENTS.workspace, 'RecommendationDecide', { id: field('id'), accept: field('action') === 'accept', reason: field('reason') || null });
        const payload = Object.values(result)[0] as { userErrors: unknown[] };
        if (!payload.userErrors.length) return done('decided', stepsUrl);
        refused = kind === 'review' ? '请填写审查结论。' : '操作未成功：状态已变化。';
      } catch (error) {
        if (!(error instanceof ApiError) || !['FORBIDDEN', 'NOT_FOUND'].includes(error.code)) throw error;
        refused = '您不能办理这一步（审核、审批不能由提出人本人办理）。';
      }
    }
    const disclosures = (await request(DOCUMENTS.workspace, 'DisclosureQueue', {})).disclosures.nodes;
    let recommendations: any[] | null = null;
    try {
      recommendations = (await request(DOCUMENTS.workspace, 'RecommendationsReceived', { organizationId: site.portal.organization.id })).recommendations.nodes;
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== 'FORBIDDEN') throw error;
    }
    return { page: 'steps', disclosures, recommendations, notice: refused ?? (url.searchParams.get('done') === 'decided' ? '已办理。' : null) };
  }
  if (id === 'decisions') {
    const decisionsUrl = `${home}decisions`;
    let refused: string | null = null;
    if (form && ID.test(field('id'))) {
      try {
        const result =
          field('kind') === 'partnership'
            ? await request(DOCUMENTS.workspace, 'PartnershipDecide', { id: field('id'), accept: field('action') === 'approve', reason: field('reason') || null })
            : await request(DOCUMENTS.workspace, 'ResourceRequestDecide', { id: field('id'), approve: field('action') === 'approve', reason: field('reason') || (field('action') === 'approve' ? '' : '暂不具备条件。') });
        const payload = Object.values(result)[0] as { userErrors: unknown[] };
        if (!payload.userErrors.length) return done('decided', decisionsUrl);
        refused = '操作未成功：申请状态已变化。';
      } catch (error) {
        if (!(error instanceof ApiError) || !['FORBIDDEN', 'NOT_FOUND'].includes(error.code)) throw error;
        refused = '您不能处理这项申请（不能审批本人提出的申请）。';
      }
    }
    const requests = (await request(DOCUMENTS.workspace, 'IncomingRequests', {})).resourceRequests.nodes;
    let partnerships: any[] | null = null;
    try {
      const data = await request(DOCUMENTS.workspace, 'PartnershipRequests', { enterprise: site.portal.enterprise.slug });
      // Proposals this enterprise received (its own proposals wait for the other side).
      partnerships = data.enterprise?.partnerships.filter((p: any) => p.partner.slug === site.portal.enterprise.slug) ?? [];
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== 'FORBIDDEN') throw error;
    }
    return { page: 'decisions', requests, partnerships, notice: refused ?? (url.searchParams.get('done') === 'decided' ? '已处理。' : null) };
  }
  if (id === 'requests') {
    return { page: 'requests', data: (await request(DOCUMENTS.exchange, 'MyRequests', {})).resourceRequests, notice: url.searchParams.get('done') === 'requested' ? '申请已提交，审批结果会显示在这里。' : null };
  }
  if (id === 'review') {
    const reviewUrl = `${home}review`;
    let refused: string | null = null;
    if (form && ID.test(field('id'))) {
      const approve = field('action') === 'approve';
      try {
        const result = approve
          ? await request(DOCUMENTS.workspace, 'NewsApprove', { id: field('id') })
          : await request(DOCUMENTS.workspace, 'NewsReject', { id: field('id'), reason: field('reason') || '请修改后重新提交。' });
        const payload = 'newsApprove' in result ? result.newsApprove : result.newsReject;
        if (!payload.userErrors.length) return done(approve ? 'approved' : 'rejected', reviewUrl);
        refused = '操作未成功：稿件状态已变化，请刷新。';
      } catch (error) {
        // Four eyes: nobody approves their own article; nor outside their subtree.
        if (!(error instanceof ApiError) || !['FORBIDDEN', 'NOT_FOUND'].includes(error.code)) throw error;
        refused = '您不能审核这篇稿件（不能审核本人撰写的稿件）。';
      }
    }
    return { page: 'review', data: (await request(DOCUMENTS.workspace, 'ReviewQueue', {})).news, notice: refused ?? notice };
  }
  return null;
}

async function page(site: Site, path: string[], url: URL, req: Request, cookies: AstroCookies): Promise<Page | { kind: 'redirect'; to: string; session?: string | null } | null> {
  const org = site.portal.organization.id;
  const after = url.searchParams.get('after');
  const [section, id, ...rest] = path;
  if (rest.length || (id !== undefined && !ID.test(id))) return null;
  switch (section ?? '') {
    case '':
      return { page: 'home', data: await loadHome(site.portal, site.theme) };
    case 'news':
      if (id) {
        const data = await request(DOCUMENTS.article, 'NewsArticle', { id });
        return data.newsArticle ? { page: 'article', data: data.newsArticle } : null;
      }
      return { page: 'news', data: (await request(DOCUMENTS.newsList, 'NewsList', { organizationId: org, after })).news, after };
    case 'disclosures': {
      if (!id) {
        const category = url.searchParams.get('category');
        const data = await request(DOCUMENTS.disclosures, 'Disclosures', { organizationId: org, category: (category || null) as DisclosuresVariables['category'], after });
        return { page: 'disclosures', data: data.disclosures, category };
      }
      const errors: { field: string | null; message: string }[] = [];
      let form: Record<string, string> = {};
      if (req.method === 'POST') {
        const body = await req.formData();
        if (body.get('action') === 'read') {
          if (!site.member) return { kind: 'redirect', to: `${site.base}/signin` };
          await request(DOCUMENTS.disclosures, 'DisclosureConfirmRead', { id });
          return { kind: 'redirect', to: `${url.pathname}` };
        }
        form = { body: String(body.get('body') ?? ''), authorName: String(body.get('authorName') ?? ''), contact: String(body.get('contact') ?? '') };
        const input = { body: form.body ?? '', authorName: form.authorName || null, contact: form.contact || null };
        const result = await request(DOCUMENTS.disclosures, 'DisclosureFeedback', { id, input });
        const userErrors = result.disclosureFeedbackCreate.userErrors as { field: string[] | null; message: string; code: string }[];
        if (userErrors.length === 0) return { kind: 'redirect', to: `${url.pathname}?sent=1#feedback` };
        for (const e of userErrors) {
          const field = e.field?.at(-1) ?? null;
          errors.push({ field, message: (field && FEEDBACK_MESSAGES[field]) || (e.code === 'CONFLICT' ? '公示期已结束，不再接收意见。' : '提交未成功，请检查后重试。') });
        }
      }
      const data = await request(DOCUMENTS.disclosures, 'Disclosure', { id });
      return data.disclosure ? { page: 'disclosure', data: data.disclosure, sent: url.searchParams.get('sent') === '1', errors, form } : null;
    }
    case 'cases': {
      if (id) {
        if (req.method === 'POST') {
          if (!site.member) return { kind: 'redirect', to: `${site.base}/signin` };
          const form = await req.formData();
          const action = String(form.get('action') ?? '');
          const body = String(form.get('body') ?? '');
          const op = action === 'like' ? 'CaseLike' : action === 'unlike' ? 'CaseUnlike' : 'CaseComment';
          const result = op === 'CaseComment' ? await request(DOCUMENTS.exchange, op, { id, body }) : await request(DOCUMENTS.exchange, op, { id });
          const payload = 'caseLike' in result ? result.caseLike : 'caseUnlike' in result ? result.caseUnlike : result.caseComment;
          const outcome = payload.userErrors.length ? (op === 'CaseComment' ? 'comment-invalid' : 'unchanged') : op === 'CaseComment' ? 'commented' : 'liked';
          return { kind: 'redirect', to: `${url.pathname}?done=${outcome}#${op === 'CaseComment' ? 'comments' : 'case-title'}` };
        }
        const data = await request(DOCUMENTS.exchange, 'ExperienceCase', { id });
        return data.experienceCase ? { page: 'case', data: data.experienceCase, done: url.searchParams.get('done') } : null;
      }
      const sort = url.searchParams.get('sort') ?? 'recent';
      const data = await request(DOCUMENTS.exchange, 'Cases', { organizationId: org, after, orderBy: (CASE_ORDERS[sort] ?? 'RECENT') as CasesVariables['orderBy'] });
      return { page: 'cases', data, sort: CASE_ORDERS[sort] ? sort : 'recent' };
    }
    case 'resources': {
      if (id) {
        let error: string | null = null;
        if (req.method === 'POST') {
          if (!site.member) return { kind: 'redirect', to: `${site.base}/signin` };
          const form = await req.formData();
          try {
            const result = await request(DOCUMENTS.exchange, 'ResourceRequestAccess', { id, organizationId: String(form.get('organizationId') ?? ''), purpose: String(form.get('purpose') ?? '') });
            const [problem] = result.resourceRequestAccess.userErrors as { code: string; field: string[] | null }[];
            if (!problem) return { kind: 'redirect', to: `${site.base}/workspace/requests?done=requested` };
            error = problem.code === 'CONFLICT' ? '该组织已经可以使用此资源，或已有待审批的申请。' : '请填写申请用途（1–1000 字）。';
          } catch (e) {
            if (!(e instanceof ApiError) || !['FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT'].includes(e.code)) throw e;
            error = '您不能代表该组织提出申请。';
          }
        }
        const data = await request(DOCUMENTS.exchange, 'SharedResource', { id });
        return data.sharedResource ? { page: 'resource', data: data.sharedResource, error } : null;
      }
      return { page: 'resources', data: (await request(DOCUMENTS.exchange, 'Resources', { organizationId: org, after })).sharedResources };
    }
    case 'org': {
      if (!id) return null;
      const data = await request(DOCUMENTS.organization, 'OrganizationPage', { id });
      // Only organisations of this portal's subtree have a page here.
      const inside = data.organization && (data.organization.id === org || data.organization.ancestors.some((a: { id: string }) => a.id === org));
      return inside ? { page: 'organization', data } : null;
    }
    case 'search': {
      if (id) return null;
      const query = (url.searchParams.get('q') ?? '').trim().slice(0, 100);
      const data = query ? (await request(DOCUMENTS.search, 'Search', { query, after })).search : null;
      return { page: 'search', data, query };
    }
    case 'signin': {
      if (id) return null;
      if (req.method !== 'POST') return { page: 'signin', error: null, login: '' };
      const form = await req.formData();
      const login = String(form.get('login') ?? '').trim().slice(0, 254);
      const password = String(form.get('password') ?? '').slice(0, 200);
      try {
        const result = await request(DOCUMENTS.signIn, 'SignIn', { input: { login, password } });
        const token = result.signIn.token as string | null;
        if (token) return { kind: 'redirect', to: `${site.base}/`, session: token };
        return { page: 'signin', error: '账号或密码不正确。', login };
      } catch (error) {
        if (error instanceof ApiError && error.code === 'RATE_LIMITED') return { page: 'signin', error: '尝试次数过多，请稍后再试。', login };
        if (error instanceof ApiError && error.code === 'BAD_USER_INPUT') return { page: 'signin', error: '请输入账号和密码。', login };
        throw error;
      }
    }
    case 'workspace': {
      if (!site.member) return { kind: 'redirect', to: `${site.base}/signin` };
      if (id !== 'theme') return workspace(site, id, url, req, cookies);
      if (req.method !== 'POST') return { page: 'theme', error: null };
      const form = await req.formData();
      const field = (name: string) => String(form.get(name) ?? '');
      const navigation = field('navigation')
        .split('\n')
        .map((line) => line.split('|').map((part) => part.trim()))
        .filter(([label]) => label)
        .map(([label, url]) => ({ label: label!, url: url ?? '' }));
      const input = {
        primaryColor: field('primaryColor'),
        accentColor: field('accentColor'),
        font: field('font'),
        radius: Number(field('radius')),
        spacing: field('spacing'),
        logoUrl: field('logoUrl'),
        bannerUrl: field('bannerUrl'),
        navigation,
        // Checked sections, in the order their numbers give (ties keep the listed order).
        homeSections: form
          .getAll('homeSections')
          .map(String)
          .map((section, i) => ({ section, at: Number(field(`order-${section}`)) || 99, i }))
          .sort((a, b) => a.at - b.at || a.i - b.i)
          .map((s) => s.section),
      };
      const publish = field('action') === 'publish';
      try {
        const result = await request(DOCUMENTS.theme, 'PortalThemeSave', { portalId: site.portal.id, input: input as PortalThemeSaveVariables['input'], publish });
        const [problem] = result.portalThemeSave.userErrors as { message: string; field: string[] | null }[];
        if (problem) return { page: 'theme', error: themeMessage(problem.message, problem.field?.at(-1)) };
      } catch (error) {
        if (error instanceof ApiError && (error.code === 'FORBIDDEN' || error.code === 'NOT_FOUND')) return { page: 'theme', error: '您没有权限修改本门户的主题。' };
        if (error instanceof ApiError && error.code === 'BAD_USER_INPUT') return { page: 'theme', error: '请检查填写的内容。' };
        throw error;
      }
      return { kind: 'redirect', to: publish ? `${site.base}/` : `${site.base}/?preview=1` };
    }
    case 'signout': {
      if (id || req.method !== 'POST') return null;
      await request(DOCUMENTS.signIn, 'SignOut', {}).catch(() => null);
      return { kind: 'redirect', to: `${site.base}/`, session: null };
    }
    default:
      return null;
  }
}

export async function resolveRoute(req: Request, cookies: AstroCookies, slug: string | undefined, rawPath: string | undefined): Promise<RouteResult> {
  try {
    const site = await siteFor(req, slug);
    if (!site) return { kind: 'not-found', site: null };
    const path = (rawPath ?? '').split('/').filter(Boolean);
    const result = await page(site, path, new URL(req.url), req, cookies);
    if (!result) return { kind: 'not-found', site };
    if ('kind' in result) return result;
    return { kind: 'ok', site, ...result };
  } catch (error) {
    if (error instanceof ApiError) {
      // A bad cursor or id from the address bar is the visitor's mistake: not found, not an outage.
      if (error.code === 'BAD_USER_INPUT' || error.code === 'NOT_FOUND') return { kind: 'not-found', site: null };
      console.error(JSON.stringify({ msg: 'portal could not read the API', code: error.code, error: error.message }));
      return { kind: 'unavailable' };
    }
    throw error;
  }
}

/**
 * Status and caching: browsers revalidate every public page (a change shows on the next visit);
 * shared caches may keep one a minute. Members' pages, forms and errors are never stored.
 */
export function applyRouteResponse(response: ResponseInit & { headers: Headers }, result: RouteResult, method: string): void {
  response.status = result.kind === 'ok' ? 200 : result.kind === 'not-found' ? 404 : 503;
  // A member's pages are theirs alone; forms are never cached.
  const cacheable = result.kind === 'ok' && method === 'GET' && !result.site.member && !['disclosure', 'signin', 'theme', 'work', 'write', 'review', 'requests', 'decisions', 'steps'].includes(result.page);
  response.headers.set('cache-control', cacheable ? 'public, max-age=0, s-maxage=60, stale-while-revalidate=300' : 'no-store');
  // The same address shows more to a signed-in member: caches must keep the two apart.
  response.headers.set('vary', 'Cookie');
}

/** Sets or clears the portal's session cookie after sign-in, sign-out or a refused token. */
export function applySession(cookies: AstroCookies, result: RouteResult, url: URL): void {
  const session = result.kind === 'redirect' ? result.session : undefined;
  if (typeof session === 'string') {
    cookies.set(SESSION_COOKIE, session, { httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:', path: '/', maxAge: 30 * 86_400 });
  } else if (session === null || currentVisitor()?.expired) {
    cookies.delete(SESSION_COOKIE, { path: '/' });
  }
}
