/**
 * 接口密钥 in the workspace: the portal's enterprise's API keys, for its top-level admins — a new key
 * shown once (with its scopes), rotated with a grace period for the old one, revoked; each with its
 * last use (time and address) and its rate budget in the current window. The API decides who may.
 */
import { DOCUMENTS, request } from '../../lib/api.js';
import { ID, page, type PageRoute } from '../../lib/route-kit.js';
import ApiKeys from './ApiKeys.astro';

const SCOPES = ['PUBLIC_READ', 'INTERNAL_READ'] as const;

export const apiKeyPages: PageRoute[] = [
  {
    path: 'workspace/api-keys',
    signedIn: true,
    private: true,
    async handle({ site, form, field }) {
      const slug = site.portal.enterprise.slug;
      let error: string | null = null;
      let shown: { key: string; what: string } | null = null;
      const data = await request(DOCUMENTS.apiKeys, 'ApiKeys', { slug });
      const enterprise = data.enterprise;
      if (form && enterprise) {
        const step = field('step');
        if (step === 'create') {
          const scopes = form.getAll('scope').map(String).filter((s): s is (typeof SCOPES)[number] => (SCOPES as readonly string[]).includes(s));
          const made = (await request(DOCUMENTS.apiKeys, 'ApiKeyCreate', { input: { enterpriseId: enterprise.id, name: field('name'), scopes } })).apiClientCreate;
          if (made.key) shown = { key: made.key, what: `新密钥“${field('name')}”` };
          else error = made.userErrors[0]?.message ?? '未能创建。';
        } else if (ID.test(field('id')) && step === 'rotate') {
          const rotated = (await request(DOCUMENTS.apiKeys, 'ApiKeyRotate', { id: field('id'), graceHours: Number(field('graceHours')) })).apiClientRotate;
          if (rotated.key) shown = { key: rotated.key, what: '轮换后的新密钥' };
          else error = rotated.userErrors[0]?.message ?? '未能轮换。';
        } else if (ID.test(field('id')) && step === 'revoke') {
          error = (await request(DOCUMENTS.apiKeys, 'ApiKeyRevoke', { id: field('id') })).apiClientRevoke.userErrors[0]?.message ?? null;
        }
      }
      // Read again after a change; a key just made is shown once, on this answer only (never in a link).
      const fresh = form ? (await request(DOCUMENTS.apiKeys, 'ApiKeys', { slug })).enterprise : enterprise;
      return page(ApiKeys, { site, enterprise: fresh, shown, error }, { title: '接口密钥', description: '第三方应用的接口密钥。', section: 'workspace' });
    },
  },
];
