/**
 * 流动党员 in the workspace: the register (our members away, or those staying with us; flags in
 * red) and one registration with its contacts and the step forms. The API decides who may do what.
 */
import { DOCUMENTS, request } from '../../lib/api.js';
import { page, type PageRoute } from '../../lib/route-kit.js';
import { organizationsHeld } from '../members/scope.js';
import MobilePage from './MobilePage.astro';
import MobileRegister from './MobileRegister.astro';

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const KINDS = ['PHONE', 'ONLINE', 'VISIT', 'YEARLY_REPORT'] as const;

export const mobilityPages: PageRoute[] = [
  {
    path: 'workspace/mobile',
    signedIn: true,
    private: true,
    async handle({ site, url, form, field, redirect }) {
      const side = url.searchParams.get('side') === 'HOST' ? 'HOST' : 'HOME';
      const open = url.searchParams.get('all') !== '1';
      let error: string | null = null;
      if (form) {
        const formed = (await request(DOCUMENTS.mobility, 'MobileTemporaryBranch', { input: { registrationIds: form.getAll('registrationId').map(String), name: field('name') || null } })).mobileTemporaryBranch;
        if (!formed.userErrors.length) return redirect('/workspace/mobile?notice=formed');
        error = formed.userErrors[0]!.message;
      }
      const data = (await request(DOCUMENTS.mobility, 'MobileRegister', { side, open })).mobileRegistrations;
      // Members of one 党委 away together, three or more: they may form a 临时党支部 (the top organisation the caller keeps).
      const { viewer } = await request(DOCUMENTS.members, 'MemberOrganizations', {});
      const top = organizationsHeld(viewer, ['ORG_ADMIN'])[0];
      const clusters = side === 'HOME' && top ? (await request(DOCUMENTS.mobility, 'MobileClusters', { organizationId: top.id })).mobileClusters : [];
      return page(MobileRegister, { site, data, side, open, clusters, error, notice: url.searchParams.get('notice') }, { title: '流动党员', description: '流动党员登记。', section: 'workspace' });
    },
  },
  {
    path: 'workspace/mobile/:id',
    signedIn: true,
    private: true,
    async handle({ site, id, url, form, field, redirect }) {
      let error: string | null = null;
      if (form) {
        const step = field('step');
        const result =
          step === 'approve' || step === 'decline'
            ? (await request(DOCUMENTS.mobility, 'MobileDecide', { id, approve: step === 'approve', note: field('note').trim() || null })).mobileDecide
            : step === 'arrive'
              ? (await request(DOCUMENTS.mobility, 'MobileArrive', { id, arrivedOn: field('day') || today() })).mobileArrive
              : step === 'return'
                ? (await request(DOCUMENTS.mobility, 'MobileReturn', { id, returnedOn: field('day') || today() })).mobileReturn
                : (await request(DOCUMENTS.mobility, 'MobileContactAdd', { input: { registrationId: id, kind: (KINDS as readonly string[]).includes(field('kind')) ? (field('kind') as (typeof KINDS)[number]) : 'PHONE', contactedOn: field('day') || today(), note: field('note') } })).mobileContactAdd;
        if (!result.userErrors.length) return redirect(`/workspace/mobile/${id}?notice=done`);
        error = result.userErrors[0]!.message;
      }
      const registration = (await request(DOCUMENTS.mobility, 'MobilePage', { id })).node;
      if (!registration?.id) return null;
      return page(MobilePage, { site, r: registration, error, notice: url.searchParams.get('notice'), today: today() }, { title: `${registration.memberName} · 流动党员`, description: '流动党员登记。', section: 'workspace' });
    },
  },
];
