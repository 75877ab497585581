/** 共建共享: the library and a resource (members request it for their organisation); requests made and to decide. */
import { ApiError, DOCUMENTS, request } from '../../lib/api.js';
import { excerpt, ID, orRefused, page, type PageRoute } from '../../lib/route-kit.js';
import Decisions from './Decisions.astro';
import Requests from './Requests.astro';
import Resource from './Resource.astro';
import Resources from './Resources.astro';

export const resourcePages: PageRoute[] = [
  {
    path: 'resources',
    async handle({ site, url }) {
      const data = (await request(DOCUMENTS.exchange, 'Resources', { organizationId: site.portal.organization.id, after: url.searchParams.get('after') })).sharedResources;
      return page(Resources, { site, data }, { title: '共建共享', description: `${site.portal.organization.name}可共享的课件、微党课、教育基地与讲师资源。`, section: 'resources/' });
    },
  },
  {
    path: 'resources/:id',
    async handle({ site, id, form, field, redirect }) {
      let error: string | null = null;
      if (form) {
        if (!site.member) return redirect('/signin');
        const outcome = await orRefused(
          async () => (await request(DOCUMENTS.exchange, 'ResourceRequestAccess', { id, organizationId: field('organizationId'), purpose: field('purpose') })).resourceRequestAccess.userErrors[0] ?? null,
          '您不能代表该组织提出申请。',
          ['FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT'],
        );
        if (outcome === null) return redirect('/workspace/requests?done=requested');
        error = 'refused' in outcome ? outcome.refused : outcome.code === 'CONFLICT' ? '该组织已经可以使用此资源，或已有待审批的申请。' : '请填写申请用途（1–1000 字）。';
      }
      const resource = (await request(DOCUMENTS.exchange, 'SharedResource', { id })).sharedResource;
      if (!resource) return null;
      return page(Resource, { site, data: resource, error }, { title: resource.title, description: excerpt(resource.summary, resource.title), section: 'resources/', type: 'article' });
    },
  },
  {
    // The member's requests and their decisions.
    path: 'workspace/requests',
    signedIn: true,
    private: true,
    async handle({ site, url }) {
      const data = (await request(DOCUMENTS.exchange, 'MyRequests', {})).resourceRequests;
      const notice = url.searchParams.get('done') === 'requested' ? '申请已提交，审批结果会显示在这里。' : null;
      return page(Requests, { site, data, notice }, { title: '我的资源申请', description: '资源使用申请及审批结果。', section: 'workspace' });
    },
  },
  {
    // Requests to decide (the owner's admins) and partnership invitations (top-level admins).
    path: 'workspace/decisions',
    signedIn: true,
    private: true,
    async handle({ site, url, form, field, redirect }) {
      let refused: string | null = null;
      if (form && ID.test(field('id'))) {
        const approve = field('action') === 'approve';
        const outcome = await orRefused(
          async () => {
            const result =
              field('kind') === 'partnership'
                ? await request(DOCUMENTS.workspace, 'PartnershipDecide', { id: field('id'), accept: approve, reason: field('reason') || null })
                : await request(DOCUMENTS.workspace, 'ResourceRequestDecide', { id: field('id'), approve, reason: field('reason') || (approve ? '' : '暂不具备条件。') });
            return Object.values(result)[0]!.userErrors.length === 0;
          },
          '您不能处理这项申请（不能审批本人提出的申请）。',
        );
        if (outcome === true) return redirect('/workspace/decisions?done=decided');
        refused = typeof outcome === 'object' ? outcome.refused : '操作未成功：申请状态已变化。';
      }
      const requests = (await request(DOCUMENTS.workspace, 'IncomingRequests', {})).resourceRequests.nodes;
      let partnerships = null;
      try {
        const data = await request(DOCUMENTS.workspace, 'PartnershipRequests', { enterprise: site.portal.enterprise.slug });
        // Proposals this enterprise received (its own proposals wait for the other side).
        partnerships = data.enterprise?.partnerships.filter((p) => p.partner.slug === site.portal.enterprise.slug) ?? [];
      } catch (error) {
        if (!(error instanceof ApiError) || error.code !== 'FORBIDDEN') throw error;
      }
      const notice = refused ?? (url.searchParams.get('done') === 'decided' ? '已处理。' : null);
      return page(Decisions, { site, requests, partnerships, notice }, { title: '待处理申请', description: '资源使用申请与共建邀请。', section: 'workspace' });
    },
  },
];
