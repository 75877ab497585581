/**
 * 党费 in the workspace: a branch's month — open it, see who has paid, record a cash payment. The
 * rules (amounts, who may, once only) are the API's; the page draws and asks.
 */
import { randomUUID } from 'node:crypto';
import { DOCUMENTS, request } from '../../lib/api.js';
import { ID, page, type PageRoute } from '../../lib/route-kit.js';
import { organizationsHeld } from '../members/scope.js';
import DuesMonth from './DuesMonth.astro';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** This month in China. */
const thisMonth = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);

export const duesPages: PageRoute[] = [
  {
    path: 'workspace/dues',
    signedIn: true,
    private: true,
    async handle({ site, url, form, field, redirect }) {
      const { viewer } = await request(DOCUMENTS.members, 'MemberOrganizations', {});
      const branches = organizationsHeld(viewer, ['ORG_ADMIN', 'REVIEWER']).filter((o) => o.level === 'BRANCH');
      const chosen = url.searchParams.get('branch') ?? field('branch');
      const branch = ID.test(chosen) ? chosen : (branches[0]?.id ?? null);
      const wanted = url.searchParams.get('month') ?? field('month');
      const month = MONTH.test(wanted) ? wanted : thisMonth();
      const back = (notice: string) => redirect(`/workspace/dues?branch=${branch}&month=${month}&notice=${notice}`);
      let error: string | null = null;
      let missing: string[] = [];
      if (form && branch) {
        if (field('action') === 'open') {
          const opened = (await request(DOCUMENTS.dues, 'DuesMonthOpen', { input: { organizationId: branch, month } })).duesMonthOpen;
          if (!opened.userErrors.length && opened.missingBase.length === 0) return back('opened');
          error = opened.userErrors[0]?.message ?? null;
          missing = opened.missingBase.map((m) => m.name);
        }
        if (field('action') === 'paid' && ID.test(field('item'))) {
          const paid = (await request(DOCUMENTS.dues, 'DuesMarkPaid', { input: { itemId: field('item'), amount: field('amount'), channel: 'CASH', idempotencyKey: field('key') } })).duesPay;
          if (!paid.userErrors.length) return back('paid');
          error = paid.userErrors[0]!.message;
        }
      }
      const data = branch ? (await request(DOCUMENTS.dues, 'DuesMonthPage', { organizationId: branch, month })).duesMonth : null;
      return page(
        DuesMonth,
        { site, branches, branch, month, data, error, missing, notice: url.searchParams.get('notice'), key: () => randomUUID() },
        { title: '党费', description: '党支部月度党费。', section: 'workspace' },
      );
    },
  },
];
