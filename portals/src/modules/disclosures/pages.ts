/** 党务公开: the board by category, a disclosure with its 公示 feedback form, and the workspace's steps. */
import { ApiError, DOCUMENTS, request } from '../../lib/api.js';
import type { DisclosuresVariables } from '../../lib/operations.generated.js';
import { excerpt, ID, orRefused, page, type PageRoute } from '../../lib/route-kit.js';
import Disclosure from './Disclosure.astro';
import Disclosures from './Disclosures.astro';
import Steps from './Steps.astro';

/** Plain-text messages for the feedback form, in the visitor's language. */
const FEEDBACK_MESSAGES: Record<string, string> = {
  body: '请填写 1–2000 字的意见内容。',
  authorName: '姓名过长。',
  contact: '联系方式过长。',
};

export const disclosurePages: PageRoute[] = [
  {
    path: 'disclosures',
    async handle({ site, url }) {
      const category = url.searchParams.get('category');
      const data = await request(DOCUMENTS.disclosures, 'Disclosures', {
        organizationId: site.portal.organization.id,
        category: (category || null) as DisclosuresVariables['category'],
        after: url.searchParams.get('after'),
      });
      return page(Disclosures, { site, data: data.disclosures, category }, { title: '党务公开', description: `${site.portal.organization.name}的党务公开事项与正在公示的事项。`, section: 'disclosures/' });
    },
  },
  {
    // The feedback form posts here (PRG); members confirm reading internal disclosures.
    path: 'disclosures/:id',
    private: true,
    async handle({ site, id, url, form, field, redirect }) {
      const errors: { field: string | null; message: string }[] = [];
      let values: Record<string, string> = {};
      if (form) {
        if (field('action') === 'read') {
          if (!site.member) return redirect('/signin');
          await request(DOCUMENTS.disclosures, 'DisclosureConfirmRead', { id });
          return { kind: 'redirect', to: url.pathname };
        }
        values = { body: field('body'), authorName: field('authorName'), contact: field('contact') };
        const input = { body: values.body ?? '', authorName: values.authorName || null, contact: values.contact || null };
        const result = await request(DOCUMENTS.disclosures, 'DisclosureFeedback', { id, input });
        const userErrors = result.disclosureFeedbackCreate.userErrors;
        if (userErrors.length === 0) return { kind: 'redirect', to: `${url.pathname}?sent=1#feedback` };
        for (const e of userErrors) {
          const name = e.field?.at(-1) ?? null;
          errors.push({ field: name, message: (name && FEEDBACK_MESSAGES[name]) || (e.code === 'CONFLICT' ? '公示期已结束，不再接收意见。' : '提交未成功，请检查后重试。') });
        }
      }
      const disclosure = (await request(DOCUMENTS.disclosures, 'Disclosure', { id })).disclosure;
      if (!disclosure) return null;
      return page(
        Disclosure,
        { site, data: disclosure, sent: url.searchParams.get('sent') === '1', errors, form: values },
        { title: disclosure.title, description: excerpt(disclosure.summary, disclosure.title), section: 'disclosures/', type: 'article' },
      );
    },
  },
  {
    // 党务公开 steps (the secrecy review by reviewers, 审批 by admins) and 上报 received by this level.
    path: 'workspace/steps',
    signedIn: true,
    private: true,
    async handle({ site, url, form, field, redirect }) {
      let refused: string | null = null;
      if (form && ID.test(field('id'))) {
        const kind = field('kind');
        const outcome = await orRefused(
          async () => {
            const result =
              kind === 'review'
                ? (await request(DOCUMENTS.workspace, 'DisclosureReview', { id: field('id'), cleared: field('cleared') === 'yes', conclusion: field('conclusion') })).disclosureReview
                : kind === 'approve'
                  ? (await request(DOCUMENTS.workspace, 'DisclosureApprove', { id: field('id') })).disclosureApprove
                  : Object.values(await request(DOCUMENTS.workspace, 'RecommendationDecide', { id: field('id'), accept: field('action') === 'accept', reason: field('reason') || null }))[0]!;
            return result.userErrors.length === 0;
          },
          '您不能办理这一步（审核、审批不能由提出人本人办理）。',
        );
        if (outcome === true) return redirect('/workspace/steps?done=decided');
        refused = typeof outcome === 'object' ? outcome.refused : kind === 'review' ? '请填写审查结论。' : '操作未成功：状态已变化。';
      }
      const disclosures = (await request(DOCUMENTS.workspace, 'DisclosureQueue', {})).disclosures.nodes;
      let recommendations = null;
      try {
        recommendations = (await request(DOCUMENTS.workspace, 'RecommendationsReceived', { organizationId: site.portal.organization.id })).recommendations.nodes;
      } catch (error) {
        if (!(error instanceof ApiError) || error.code !== 'FORBIDDEN') throw error;
      }
      const notice = refused ?? (url.searchParams.get('done') === 'decided' ? '已办理。' : null);
      return page(Steps, { site, disclosures, recommendations, notice }, { title: '公开审批与上报', description: '党务公开的审核、审批，以及下级上报。', section: 'workspace' });
    },
  },
];
