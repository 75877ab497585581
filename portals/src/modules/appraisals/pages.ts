/**
 * 民主评议党员 in the workspace: the rounds (and opening one), and one round — the member's
 * self-assessment, comments on peers and the anonymous ballot; the admins' tallies, proposal,
 * decision and each next step. The API decides who may do what and sees what.
 */
import { DOCUMENTS, request } from '../../lib/api.js';
import { page, type PageRoute, type RouteContext } from '../../lib/route-kit.js';
import { organizationsHeld } from '../members/scope.js';
import AppraisalList from './AppraisalList.astro';
import AppraisalPage from './AppraisalPage.astro';

const GRADES = ['EXCELLENT', 'QUALIFIED', 'BASIC', 'UNQUALIFIED'] as const;
type Grade = (typeof GRADES)[number];
const chinaYear = () => Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));

/** The grades a form carries, one select per member: `grade-<memberId>` (and `note-<memberId>`). */
function gradesFrom(ctx: RouteContext): { memberId: string; grade: Grade; note?: string }[] {
  const out: { memberId: string; grade: Grade; note?: string }[] = [];
  for (const [key, value] of ctx.form?.entries() ?? []) {
    if (!key.startsWith('grade-') || !(GRADES as readonly string[]).includes(String(value))) continue;
    const memberId = key.slice(6);
    const note = ctx.field(`note-${memberId}`).trim();
    out.push({ memberId, grade: value as Grade, ...(note ? { note } : {}) });
  }
  return out;
}

export const appraisalPages: PageRoute[] = [
  {
    path: 'workspace/appraisals',
    signedIn: true,
    private: true,
    async handle({ site, form, field, redirect }) {
      const { viewer } = await request(DOCUMENTS.members, 'MemberOrganizations', {});
      const branches = organizationsHeld(viewer, ['ORG_ADMIN']).filter((o) => o.level === 'BRANCH');
      let error: string | null = null;
      if (form) {
        const opened = (await request(DOCUMENTS.appraisals, 'AppraisalOpen', { organizationId: field('organizationId'), year: Number(field('year')) || chinaYear() })).appraisalOpen;
        if (!opened.userErrors.length && opened.round) return redirect(`/workspace/appraisals/${opened.round.id}?notice=opened`);
        error = opened.userErrors[0]?.message ?? null;
      }
      const rounds = (await request(DOCUMENTS.appraisals, 'AppraisalRounds', {})).appraisalRounds.nodes;
      return page(AppraisalList, { site, rounds, branches, year: chinaYear(), error }, { title: '民主评议党员', description: '民主评议党员。', section: 'workspace' });
    },
  },
  {
    path: 'workspace/appraisals/:id',
    signedIn: true,
    private: true,
    async handle(ctx) {
      const { site, id, url, form, field, redirect } = ctx;
      let error: string | null = null;
      if (form) {
        const step = field('step');
        const grades = gradesFrom(ctx);
        const result =
          step === 'self'
            ? (await request(DOCUMENTS.appraisals, 'AppraisalSelfAssess', { id, text: field('text') })).appraisalSelfAssess
            : step === 'comment'
              ? (await request(DOCUMENTS.appraisals, 'AppraisalComment', { id, memberId: field('memberId'), text: field('text') })).appraisalComment
              : step === 'ballot'
                ? (await request(DOCUMENTS.appraisals, 'AppraisalBallotCast', { id, grades })).appraisalBallotCast
                : step === 'propose'
                  ? (await request(DOCUMENTS.appraisals, 'AppraisalPropose', { id, grades })).appraisalPropose
                  : step === 'decide'
                    ? (await request(DOCUMENTS.appraisals, 'AppraisalDecide', { id, grades })).appraisalDecide
                    : (await request(DOCUMENTS.appraisals, 'AppraisalAdvance', { id })).appraisalAdvance;
        if (!result.userErrors.length) return redirect(`/workspace/appraisals/${id}?notice=done`);
        error = result.userErrors[0]!.message;
      }
      const round = (await request(DOCUMENTS.appraisals, 'AppraisalPage', { id })).node;
      if (!round?.id) return null;
      return page(AppraisalPage, { site, r: round, error, notice: url.searchParams.get('notice') }, { title: `${round.year}年度民主评议党员`, description: '民主评议党员。', section: 'workspace' });
    },
  },
];
