/** 经验交流: cases (featured first, three sorts) and a case with likes and comments for members. */
import { DOCUMENTS, request } from '../../lib/api.js';
import type { CasesVariables } from '../../lib/operations.generated.js';
import { excerpt, page, type PageRoute } from '../../lib/route-kit.js';
import Case from './Case.astro';
import Cases from './Cases.astro';

const ORDERS: Record<string, CasesVariables['orderBy']> = { recent: 'RECENT', liked: 'MOST_LIKED', adopted: 'MOST_ADOPTED' };

export const casePages: PageRoute[] = [
  {
    path: 'cases',
    async handle({ site, url }) {
      const sort = url.searchParams.get('sort') ?? 'recent';
      const data = await request(DOCUMENTS.exchange, 'Cases', { organizationId: site.portal.organization.id, after: url.searchParams.get('after'), orderBy: ORDERS[sort] ?? 'RECENT' });
      return page(Cases, { site, data, sort: ORDERS[sort] ? sort : 'recent' }, { title: '经验交流', description: `${site.portal.organization.name}及所属党组织的经验案例与优秀案例。`, section: 'cases/' });
    },
  },
  {
    path: 'cases/:id',
    async handle({ site, id, url, form, field, redirect }) {
      if (form) {
        if (!site.member) return redirect('/signin');
        const action = field('action');
        let ok: boolean;
        if (action === 'like') ok = !(await request(DOCUMENTS.exchange, 'CaseLike', { id })).caseLike.userErrors.length;
        else if (action === 'unlike') ok = !(await request(DOCUMENTS.exchange, 'CaseUnlike', { id })).caseUnlike.userErrors.length;
        else ok = !(await request(DOCUMENTS.exchange, 'CaseComment', { id, body: field('body') })).caseComment.userErrors.length;
        const comment = action !== 'like' && action !== 'unlike';
        const outcome = ok ? (comment ? 'commented' : 'liked') : comment ? 'comment-invalid' : 'unchanged';
        return { kind: 'redirect', to: `${url.pathname}?done=${outcome}#${comment ? 'comments' : 'case-title'}` };
      }
      const item = (await request(DOCUMENTS.exchange, 'ExperienceCase', { id })).experienceCase;
      if (!item) return null;
      return page(Case, { site, data: item, done: url.searchParams.get('done') }, { title: item.title, description: excerpt(item.summary, item.title), section: 'cases/', type: 'article' });
    },
  },
];
