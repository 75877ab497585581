/**
 * 考核 in the workspace: the schemes I set up or am assessed under, and setting one up; a scheme's
 * standings (a chart drawn on the server) and each scorecard — evidence submitted and scored,
 * improvement actions run through PDCA, a diagnosis taken, the period closed. The API decides.
 */
import { DOCUMENTS, request } from '../../lib/api.js';
import { barChartSvg } from '../../lib/charts.js';
import { uploadFile } from '../../lib/media.js';
import { ID, page, type PageRoute, type RouteContext } from '../../lib/route-kit.js';
import { paragraphs } from '../../lib/text.js';
import { organizationsHeld } from '../members/scope.js';
import AssessmentList from './AssessmentList.astro';
import AssessmentPage from './AssessmentPage.astro';

const STAGES = ['DO', 'CHECK', 'ACT', 'CLOSED'] as const;
const number = (s: string) => (s.trim() === '' ? NaN : Number(s));

/** Up to five indicator rows of the set-up form: 名称, 衡量 (a metric's key or EVIDENCE), 权重, 必达, 挑战. */
function indicatorsOf(field: (name: string) => string) {
  return [1, 2, 3, 4, 5]
    .filter((n) => field(`i${n}-name`).trim())
    .map((n) => {
      const measure = field(`i${n}-measure`);
      return {
        name: field(`i${n}-name`),
        description: field(`i${n}-description`) || null,
        weight: Math.round(number(field(`i${n}-weight`))),
        measure: measure === 'EVIDENCE' ? ('EVIDENCE' as const) : ('METRIC' as const),
        metricKey: measure === 'EVIDENCE' ? null : measure,
        mustReach: number(field(`i${n}-must`)),
        stretch: number(field(`i${n}-stretch`)),
      };
    });
}

async function act(ctx: RouteContext, id: string): Promise<{ message: string } | null> {
  const { field, form } = ctx;
  const step = field('step');
  if (step === 'evidence') {
    const files = form!.getAll('files').filter((f): f is File => f instanceof File && f.size > 0);
    const uploaded = await Promise.all(files.map((f) => uploadFile(ctx.cookies, field('organizationId'), f)));
    const failed = uploaded.findIndex((u) => !('id' in u));
    if (failed >= 0) return { message: `附件“${files[failed]!.name}”无法上传：只接受 PDF、Word、Excel、PowerPoint 和图片，不超过 50 MB。` };
    const input = { schemeId: id, organizationId: field('organizationId'), indicatorId: field('indicatorId'), body: paragraphs(field('body')), fileIds: uploaded.map((u) => (u as { id: string }).id) };
    return (await request(DOCUMENTS.assessments, 'AssessmentEvidenceSubmit', { input })).assessmentEvidenceSubmit.userErrors[0] ?? null;
  }
  if (step === 'score') return (await request(DOCUMENTS.assessments, 'AssessmentEvidenceScore', { id: field('evidenceId'), score: number(field('score')), note: field('note') || null })).assessmentEvidenceScore.userErrors[0] ?? null;
  if (step === 'diagnose') return (await request(DOCUMENTS.assessments, 'AssessmentDiagnose', { id })).assessmentDiagnose.userErrors[0] ?? null;
  if (step === 'close') return (await request(DOCUMENTS.assessments, 'AssessmentClose', { id })).assessmentClose.userErrors[0] ?? null;
  if (step === 'action') {
    const stage = STAGES.find((s) => s === field('stage')) ?? null;
    const input = { plan: field('plan') || null, owner: field('owner') || null, dueOn: field('dueOn') || null, done: field('done') || null, result: field('result') || null, stage };
    return (await request(DOCUMENTS.assessments, 'ImprovementActionUpdate', { id: field('actionId'), input })).improvementActionUpdate.userErrors[0] ?? null;
  }
  return { message: '未知操作。' };
}

export const assessmentPages: PageRoute[] = [
  {
    path: 'workspace/assessments',
    signedIn: true,
    private: true,
    async handle({ site, form, field, redirect }) {
      const { viewer } = await request(DOCUMENTS.members, 'MemberOrganizations', {});
      const held = organizationsHeld(viewer, ['ORG_ADMIN']);
      let error: string | null = null;
      if (form) {
        const created = (
          await request(DOCUMENTS.assessments, 'AssessmentSchemeCreate', {
            input: {
              organizationId: ID.test(field('organizationId')) ? field('organizationId') : (held[0]?.id ?? ''),
              name: field('name'),
              period: field('period'),
              diagnosisDates: field('dates').split(/[\s,，、]+/).filter(Boolean),
              indicators: indicatorsOf(field),
              assigneeIds: form.getAll('assignee').map(String).filter((v) => ID.test(v)),
            },
          })
        ).assessmentSchemeCreate;
        if (!created.userErrors.length && created.scheme) return redirect(`/workspace/assessments/${created.scheme.id}`);
        error = created.userErrors[0]!.message;
      }
      const data = await request(DOCUMENTS.assessments, 'Assessments', {});
      return page(AssessmentList, { site, data, held, error }, { title: '考核', description: '党建工作考核。', section: 'workspace' });
    },
  },
  {
    path: 'workspace/assessments/:id',
    signedIn: true,
    private: true,
    async handle(ctx) {
      const { site, id, url, form, redirect } = ctx;
      let error: string | null = null;
      const chosen = url.searchParams.get('org') ?? '';
      if (form) {
        const failed = await act(ctx, id);
        if (!failed) return redirect(`/workspace/assessments/${id}?${ID.test(chosen) ? `org=${chosen}&` : ''}notice=done`);
        error = failed.message;
      }
      const scheme = (await request(DOCUMENTS.assessments, 'AssessmentPage', { id })).node;
      if (!scheme?.id) return null;
      const cards = scheme.scorecards ?? [];
      const card = cards.find((c) => c.organizationId === chosen) ?? (cards.length === 1 ? cards[0] : null) ?? null;
      const chart = cards.length > 1 ? barChartSvg(cards.map((c) => c.organizationName), cards.map((c) => c.total ?? 0), { width: 640, height: 260 }) : null;
      return page(AssessmentPage, { site, s: scheme, card, chart, error, notice: url.searchParams.get('notice') }, { title: `${scheme.name ?? '考核'} · 考核`, description: '考核方案。', section: 'workspace' });
    },
  },
];
