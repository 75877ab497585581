/** 工作动态: the list and the article; the workspace's writing, my articles, and the review queue. */
import { DOCUMENTS, request } from '../../lib/api.js';
import { uploadImage } from '../../lib/media.js';
import type { NewsCreateVariables } from '../../lib/operations.generated.js';
import { excerpt, ID, orRefused, page, type PageRoute, type RouteContext } from '../../lib/route-kit.js';
import Article from './Article.astro';
import NewsList from './NewsList.astro';
import Review from './Review.astro';
import Work from './Work.astro';
import Write from './Write.astro';

const WRITER_ROLES = new Set(['EDITOR', 'ORG_ADMIN']);
const NOTICES: Record<string, string> = { submitted: '已提交审核。', saved: '草稿已保存。', approved: '已审核通过并发布。', rejected: '已退回作者。' };
const notice = (url: URL) => NOTICES[url.searchParams.get('done') ?? ''] ?? null;
const done = (ctx: RouteContext, what: string, path = '/workspace/') => ctx.redirect(`${path}?done=${what}`);

export const newsPages: PageRoute[] = [
  {
    path: 'news',
    async handle({ site, url }) {
      const after = url.searchParams.get('after');
      const data = (await request(DOCUMENTS.newsList, 'NewsList', { organizationId: site.portal.organization.id, after })).news;
      return page(NewsList, { site, data, after }, { title: '工作动态', description: `${site.portal.organization.name}及所属党组织的工作动态。`, section: 'news/' });
    },
  },
  {
    path: 'news/:id',
    async handle({ site, id }) {
      const article = (await request(DOCUMENTS.article, 'NewsArticle', { id })).newsArticle;
      if (!article) return null;
      return page(Article, { site, data: article }, { title: article.title, description: excerpt(article.summary, article.title), section: 'news/', type: 'article' });
    },
  },
  {
    // My articles: drafts (submit one), rejected with reasons, in review.
    path: 'workspace',
    signedIn: true,
    private: true,
    async handle(ctx) {
      const { site, form, field, url } = ctx;
      if (form && field('action') === 'submit' && ID.test(field('id'))) {
        const result = await request(DOCUMENTS.workspace, 'NewsSubmit', { id: field('id') });
        if (!result.newsSubmit.userErrors.length) return done(ctx, 'submitted');
      }
      const data = await request(DOCUMENTS.workspace, 'MyWork', {});
      return page(Work, { site, data, notice: notice(url) }, { title: '工作台', description: '我的稿件。', section: 'workspace' });
    },
  },
  {
    // Writing: a draft saved, or submitted at once; an image uploaded and placed after the text.
    path: 'workspace/new',
    signedIn: true,
    private: true,
    async handle(ctx) {
      const { site, form, field, cookies } = ctx;
      const me = await request(DOCUMENTS.workspace, 'MyWork', {});
      const organizations = me.viewer.memberships.filter((m) => WRITER_ROLES.has(m.role) && m.organization).map((m) => m.organization!);
      const write = (error: string | null, values: Record<string, string>) => page(Write, { site, organizations, error, form: values }, { title: '写稿', description: '撰写工作动态。', section: 'workspace' });
      if (!form) return write(null, {});
      const values = { organizationId: field('organizationId'), title: field('title'), summary: field('summary'), bodyHtml: field('bodyHtml'), visibility: field('visibility') || 'PUBLIC' };
      const image = form.get('image');
      if (image instanceof File && image.size > 0) {
        const uploaded = await uploadImage(cookies, values.organizationId, image);
        if ('error' in uploaded) return write(uploaded.error, values);
        const alt = field('imageAlt').replace(/[<>"&]/g, '') || values.title.replace(/[<>"&]/g, '');
        values.bodyHtml += `<figure><img src="${uploaded.url}" alt="${alt}"><figcaption>${alt}</figcaption></figure>`;
      }
      // Form values are plain strings; the API refuses what is not one of its enum values.
      const created = await request(DOCUMENTS.workspace, 'NewsCreate', { input: values as NewsCreateVariables['input'] });
      const [problem] = created.newsCreate.userErrors;
      if (problem) {
        const labels: Record<string, string> = { title: '标题', summary: '摘要', bodyHtml: '正文', organizationId: '所属组织' };
        const label = labels[problem.field?.at(-1) ?? ''];
        return write(label ? `${label}填写有误：请检查长度和内容。` : '保存未成功，请检查后重试。', values);
      }
      if (field('action') !== 'submit') return done(ctx, 'saved');
      const submitted = await request(DOCUMENTS.workspace, 'NewsSubmit', { id: created.newsCreate.newsArticle!.id });
      return done(ctx, submitted.newsSubmit.userErrors.length ? 'saved' : 'submitted');
    },
  },
  {
    // The review queue: approve or reject (four eyes: never one's own article).
    path: 'workspace/review',
    signedIn: true,
    private: true,
    async handle(ctx) {
      const { site, form, field, url } = ctx;
      let refused: string | null = null;
      if (form && ID.test(field('id'))) {
        const approve = field('action') === 'approve';
        const outcome = await orRefused(
          async () => {
            const result = approve
              ? (await request(DOCUMENTS.workspace, 'NewsApprove', { id: field('id') })).newsApprove
              : (await request(DOCUMENTS.workspace, 'NewsReject', { id: field('id'), reason: field('reason') || '请修改后重新提交。' })).newsReject;
            return result.userErrors.length === 0;
          },
          '您不能审核这篇稿件（不能审核本人撰写的稿件）。',
        );
        if (outcome === true) return done(ctx, approve ? 'approved' : 'rejected', '/workspace/review');
        refused = typeof outcome === 'object' ? outcome.refused : '操作未成功：稿件状态已变化，请刷新。';
      }
      const data = (await request(DOCUMENTS.workspace, 'ReviewQueue', {})).news;
      return page(Review, { site, data, notice: refused ?? notice(url) }, { title: '审核', description: '待审核的稿件。', section: 'workspace' });
    },
  },
];
