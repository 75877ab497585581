/**
 * 组织关系转接 in the workspace: the admins' inbox (outgoing and incoming, overdue first), one
 * transfer with its steps and the actions the API says the caller may take, the three-part letter
 * to print, and the member's own 我的组织关系 with the form to apply. The rules are the API's.
 */
import { DOCUMENTS, request } from '../../lib/api.js';
import { ID, page, type PageRoute } from '../../lib/route-kit.js';
import Letter from './Letter.astro';
import MyTransfers from './MyTransfers.astro';
import TransferInbox from './TransferInbox.astro';
import TransferPage from './TransferPage.astro';

const REACHES = ['INTERNAL', 'PLATFORM', 'EXTERNAL'] as const;
type Reach = (typeof REACHES)[number];

export const transferPages: PageRoute[] = [
  {
    path: 'workspace/transfers',
    signedIn: true,
    private: true,
    async handle({ site, url }) {
      const direction = url.searchParams.get('direction') === 'INCOMING' ? 'INCOMING' : 'OUTGOING';
      const open = url.searchParams.get('all') !== '1';
      const data = (await request(DOCUMENTS.transfers, 'TransferInbox', { direction, open })).transfers;
      return page(TransferInbox, { site, data, direction, open }, { title: '组织关系转接', description: '组织关系转接待办。', section: 'workspace' });
    },
  },
  {
    path: 'workspace/transfers/:id',
    signedIn: true,
    private: true,
    async handle({ site, id, url, form, field, redirect }) {
      let error: string | null = null;
      if (form && field('action')) {
        const acted = (await request(DOCUMENTS.transfers, 'TransferAct', { input: { transferId: id, action: field('action') as never, opinion: field('opinion').trim() || null, expectedVersion: Number(field('version')) || null } })).transferAct;
        if (!acted.userErrors.length) return redirect(`/workspace/transfers/${id}?notice=done`);
        error = acted.userErrors[0]!.message;
      }
      const transfer = (await request(DOCUMENTS.transfers, 'TransferPage', { id })).node;
      if (!transfer?.id) return null;
      return page(TransferPage, { site, transfer, error, notice: url.searchParams.get('notice') }, { title: `${transfer.memberName} · 组织关系转接`, description: '组织关系转接。', section: 'workspace' });
    },
  },
  {
    path: 'workspace/transfers/:id/letter',
    signedIn: true,
    private: true,
    async handle({ site, id }) {
      const transfer = (await request(DOCUMENTS.transfers, 'TransferPage', { id })).node;
      if (!transfer?.letterNumber) return null;
      return page(Letter, { site, transfer }, { title: `介绍信 ${transfer.letterNumber}`, description: '中国共产党党员组织关系介绍信。', section: 'workspace' });
    },
  },
  {
    path: 'workspace/my-transfer',
    signedIn: true,
    private: true,
    async handle({ site, url, form, field, redirect }) {
      const data = await request(DOCUMENTS.transfers, 'MyTransfers', {});
      let error: string | null = null;
      if (form && data.myMemberRecord) {
        const reach = (REACHES as readonly string[]).includes(field('reach')) ? (field('reach') as Reach) : 'INTERNAL';
        const to = field('toOrganizationId');
        const applied = (
          await request(DOCUMENTS.transfers, 'TransferApply', {
            input: { memberId: data.myMemberRecord.id, reach, toOrganizationId: reach !== 'EXTERNAL' && ID.test(to) ? to : null, destination: reach === 'EXTERNAL' ? field('destination') : null, reason: field('reason') },
          })
        ).transferApply;
        if (!applied.userErrors.length && applied.transfer) return redirect(`/workspace/transfers/${applied.transfer.id}?notice=applied`);
        error = applied.userErrors[0]?.message ?? null;
      }
      // Where to: the branches of one enterprise at a time (the member's own first).
      const asked = url.searchParams.get('enterprise') ?? '';
      const enterprise = ID.test(asked) ? asked : (data.myMemberRecord?.organization?.enterprise.id ?? null);
      // A large tree is searched by name: the first 100 matches are offered.
      const q = (url.searchParams.get('q') ?? '').trim().slice(0, 50);
      const tree = enterprise ? (await request(DOCUMENTS.transfers, 'EnterpriseBranches', { id: enterprise, q: q || null })).node : null;
      const branches = (tree?.rootOrganizations ?? []).flatMap((r) => r.descendants.nodes).filter((o) => (o.level === 'BRANCH' || o.level === 'GROUP') && o.id !== data.myMemberRecord?.organization?.id);
      const more = (tree?.rootOrganizations ?? []).some((r) => r.descendants.totalCount > r.descendants.nodes.length);
      return page(MyTransfers, { site, data, enterprise, branches, more, q, error, notice: url.searchParams.get('notice') }, { title: '我的组织关系', description: '我的组织关系转接。', section: 'workspace' });
    },
  },
];
