/**
 * 在线学习 in the workspace: my exams, practice and papers; a paper answered on a phone (a
 * countdown, each answer saved as it is given), then its report; the 错题本; for admins the bank,
 * exam set-up and each exam's report with its chart drawn on the server. The API decides the rest.
 */
import { DOCUMENTS, request } from '../../lib/api.js';
import { barChartSvg } from '../../lib/charts.js';
import { ID, page, type PageRoute, type RouteContext } from '../../lib/route-kit.js';
import { organizationsHeld } from '../members/scope.js';
import { commitQuestions, stageQuestions, type QuestionImport } from './question-sheet.js';
import AttemptPage from './AttemptPage.astro';
import CoursePage from './CoursePage.astro';
import ExamPage from './ExamPage.astro';
import LearningAdmin from './LearningAdmin.astro';
import LearningHome from './LearningHome.astro';
import WrongBook from './WrongBook.astro';

const TYPES = ['SINGLE', 'MULTIPLE', 'TRUE_FALSE', 'FILL'] as const;
const DIMENSIONS = ['POLITICAL', 'PROFESSIONAL', 'ETHICS'] as const;
const int = (v: string, fallback = 0) => (/^\d{1,4}$/.test(v) ? Number(v) : fallback);
const chinaInstant = (day: string, time: string) => new Date(`${day}T${time || '00:00'}:00+08:00`).toISOString();

/** The key as typed: letters for choices (AC, A,C), 对/错 for true/false, accepted answers separated by | for a fill-in. */
function keyOf(type: (typeof TYPES)[number], raw: string): string[] {
  if (type === 'FILL') return raw.split('|').map((a) => a.trim()).filter(Boolean);
  if (type === 'TRUE_FALSE') return [/^(true|t|对|正确|√)$/i.test(raw.trim()) ? 'TRUE' : 'FALSE'];
  return [...raw.toUpperCase().replace(/[^A-H]/g, '')];
}

/** Saves the answers a form carries (q<position>), for the positions given. */
async function saveAnswers(ctx: RouteContext, id: string, positions: number[]): Promise<string | null> {
  for (const position of positions) {
    const answer = ctx.form!.getAll(`q${position}`).map(String).map((s) => s.trim()).filter(Boolean);
    const saved = (await request(DOCUMENTS.learning, 'AttemptAnswer', { id, position, answer })).attemptAnswer;
    if (saved.userErrors.length) return saved.userErrors[0]!.message;
  }
  return null;
}

export const learningPages: PageRoute[] = [
  {
    path: 'workspace/learning',
    signedIn: true,
    private: true,
    async handle({ site, url, form, field, redirect }) {
      let error: string | null = null;
      if (form && field('step') === 'hide') {
        await request(DOCUMENTS.learning, 'LearningProfileSet', { hideName: field('hide') === '1' });
        return redirect('/workspace/learning');
      }
      if (form) {
        const started = (await request(DOCUMENTS.learning, 'PracticeStart', { fromWrongBook: field('from') === 'wrong' })).practiceStart;
        if (!started.userErrors.length && started.attempt) return redirect(`/workspace/learning/attempts/${started.attempt.id}`);
        error = started.userErrors[0]?.message ?? null;
      }
      const year = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
      const data = await request(DOCUMENTS.learning, 'Learning', { year });
      const branch = data.myMemberRecord?.organization;
      const root = branch?.enterprise.rootOrganizations[0]?.id;
      const boards = branch && root ? await request(DOCUMENTS.learning, 'Leaderboards', { branch: branch.id, root, year }) : null;
      return page(LearningHome, { site, data, boards, error, notice: url.searchParams.get('notice') }, { title: '学习', description: '在线学习与考试。', section: 'workspace' });
    },
  },
  {
    path: 'workspace/learning/exams/:id',
    signedIn: true,
    private: true,
    async handle({ site, id, form, field, redirect }) {
      let error: string | null = null;
      if (form) {
        if (field('step') === 'publish') {
          const published = (await request(DOCUMENTS.learning, 'ExamPublish', { id })).examPublish;
          if (!published.userErrors.length) return redirect(`/workspace/learning/exams/${id}?notice=published`);
          error = published.userErrors[0]!.message;
        } else {
          const started = (await request(DOCUMENTS.learning, 'AttemptStart', { examId: id })).attemptStart;
          if (!started.userErrors.length && started.attempt) return redirect(`/workspace/learning/attempts/${started.attempt.id}`);
          error = started.userErrors[0]?.message ?? null;
        }
      }
      const exam = (await request(DOCUMENTS.learning, 'ExamPage', { id })).node;
      if (!exam?.id) return null;
      const chart = exam.report ? barChartSvg(exam.report.distribution.map((b) => `${b.band}分`), exam.report.distribution.map((b) => b.count)) : null;
      return page(ExamPage, { site, exam, chart, error }, { title: exam.title ?? '考试', description: '考试。', section: 'workspace' });
    },
  },
  {
    path: 'workspace/learning/attempts/:id',
    signedIn: true,
    private: true,
    async handle(ctx) {
      const { site, id, form, field, redirect } = ctx;
      let error: string | null = null;
      if (form) {
        const step = field('step');
        const current = (await request(DOCUMENTS.learning, 'AttemptPage', { id })).node;
        const positions = step === 'save-one' ? [int(field('position'))] : (current?.items ?? []).map((i) => i.position);
        error = await saveAnswers(ctx, id, positions);
        if (!error && step === 'submit') {
          const submitted = (await request(DOCUMENTS.learning, 'AttemptSubmit', { id })).attemptSubmit;
          error = submitted.userErrors[0]?.message ?? null;
        }
        if (!error) return redirect(`/workspace/learning/attempts/${id}${step === 'submit' ? '' : '?saved=1'}`);
      }
      let attempt = (await request(DOCUMENTS.learning, 'AttemptPage', { id })).node;
      if (!attempt?.id) return null;
      // Time is up and the paper still open: hand it in now (the server records it as at the deadline).
      if (attempt.status === 'STARTED' && attempt.secondsLeft === 0) {
        await request(DOCUMENTS.learning, 'AttemptSubmit', { id });
        attempt = (await request(DOCUMENTS.learning, 'AttemptPage', { id })).node!;
      }
      return page(AttemptPage, { site, a: attempt, error, saved: ctx.url.searchParams.get('saved') === '1' }, { title: attempt.exam?.title ?? '练习', description: '答题。', section: 'workspace' });
    },
  },
  {
    path: 'workspace/learning/courses/:id',
    signedIn: true,
    private: true,
    async handle({ site, id, url, form, field, redirect }) {
      let error: string | null = null;
      const item = url.searchParams.get('item') ?? field('itemId');
      if (form) {
        if (field('step') === 'publish') {
          const published = (await request(DOCUMENTS.learning, 'CoursePublish', { id })).coursePublish;
          if (!published.userErrors.length) return redirect(`/workspace/learning/courses/${id}`);
          error = published.userErrors[0]!.message;
        } else {
          // A heartbeat from the study page's script (it ignores the answer).
          const beat = (await request(DOCUMENTS.learning, 'StudyHeartbeat', { itemId: field('itemId'), position: int(field('position')) })).studyHeartbeat;
          if (!beat.userErrors.length) return redirect(`/workspace/learning/courses/${id}?item=${encodeURIComponent(field('itemId'))}&beat=1`);
          error = beat.userErrors[0]!.message;
        }
      }
      const course = (await request(DOCUMENTS.learning, 'CoursePage', { id })).node;
      if (!course?.id) return null;
      return page(CoursePage, { site, course, current: item && ID.test(item) ? item : null, error }, { title: course.title ?? '课程', description: '课程学习。', section: 'workspace' });
    },
  },
  {
    path: 'workspace/learning/wrong',
    signedIn: true,
    private: true,
    async handle({ site }) {
      const list = (await request(DOCUMENTS.learning, 'WrongBook', {})).myWrongQuestions;
      return page(WrongBook, { site, list }, { title: '错题本', description: '错题本。', section: 'workspace' });
    },
  },
  {
    path: 'workspace/learning/admin',
    signedIn: true,
    private: true,
    async handle({ site, url, form, field, cookies, redirect }) {
      const { viewer } = await request(DOCUMENTS.members, 'MemberOrganizations', {});
      const held = organizationsHeld(viewer, ['ORG_ADMIN']);
      let error: string | null = null;
      let sheet: QuestionImport | null = null;
      if (form) {
        const organizationId = ID.test(field('organizationId')) ? field('organizationId') : (held[0]?.id ?? '');
        if (field('step') === 'import' || field('step') === 'commit') {
          // 题库导入: the dry run first (its report), then the commit of the rows that passed.
          const file = form.get('file');
          const done =
            field('step') === 'commit'
              ? await commitQuestions(cookies, field('importId'))
              : file instanceof File && file.size > 0
                ? await stageQuestions(cookies, organizationId, file)
                : ({ ok: false, message: '请选择 .xlsx 文件。' } as const);
          if (done.ok) sheet = done.import;
          else error = done.message;
        } else if (field('step') === 'map') {
          const items = [...(form.keys() as Iterable<string>)]
            .filter((k) => k.startsWith('map-') && (field(k) === 'required' || field(k) === 'elective'))
            .map((k) => ({ courseId: k.slice(4), required: field(k) === 'required' }));
          const published = (
            await request(DOCUMENTS.learning, 'LearningMapPublish', {
              input: { organizationId, year: int(field('year'), new Date().getFullYear()), role: (['MEMBER', 'SECRETARY', 'WORKER', 'LEADER'] as const).find((r) => r === field('role')) ?? 'MEMBER', targetHours: int(field('targetHours'), 32), items },
            })
          ).learningMapPublish;
          if (!published.userErrors.length) return redirect('/workspace/learning/admin?notice=map');
          error = published.userErrors[0]!.message;
        } else if (field('step') === 'course') {
          // Up to three items: a lesson written here, or a shared resource (video or reading).
          const items = [1, 2, 3]
            .map((n) => ({ n, title: field(`item${n}-title`).trim() }))
            .filter((i) => i.title)
            .map(({ n, title }) => ({
              title,
              resourceId: ID.test(field(`item${n}-resource`)) ? field(`item${n}-resource`) : null,
              body: field(`item${n}-body`).trim() ? `<p>${field(`item${n}-body`).trim().replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!).replace(/\r?\n/g, '</p><p>')}</p>` : null,
              mode: field(`item${n}-mode`) === 'VIDEO' ? ('VIDEO' as const) : ('READ' as const),
              requiredSeconds: int(field(`item${n}-minutes`), 5) * 60,
              hours: Number(field(`item${n}-hours`)) || 0.5,
            }));
          const created = (
            await request(DOCUMENTS.learning, 'CourseCreate', {
              input: { organizationId, title: field('title'), description: field('description') || null, dimension: (DIMENSIONS as readonly string[]).includes(field('dimension')) ? (field('dimension') as (typeof DIMENSIONS)[number]) : 'POLITICAL', items },
            })
          ).courseCreate;
          if (!created.userErrors.length && created.course) return redirect(`/workspace/learning/courses/${created.course.id}`);
          error = created.userErrors[0]!.message;
        } else if (field('step') === 'question') {
          const type = (TYPES as readonly string[]).includes(field('type')) ? (field('type') as (typeof TYPES)[number]) : 'SINGLE';
          const created = (
            await request(DOCUMENTS.learning, 'QuestionCreate', {
              input: {
                organizationId,
                type,
                stem: field('stem'),
                options: field('options').split(/\r?\n/).map((o) => o.trim()).filter(Boolean),
                answer: keyOf(type, field('answer')),
                dimension: (DIMENSIONS as readonly string[]).includes(field('dimension')) ? (field('dimension') as (typeof DIMENSIONS)[number]) : 'POLITICAL',
                topic: field('topic'),
                explanation: field('explanation') || null,
                source: field('source') || null,
                sharedWithPartners: field('shared') === 'on',
              },
            })
          ).questionCreate;
          if (!created.userErrors.length) return redirect('/workspace/learning/admin?notice=question');
          error = created.userErrors[0]!.message;
        } else {
          const rules = TYPES.map((type) => ({ type, count: int(field(`count-${type}`)), points: int(field(`points-${type}`), 1) })).filter((r) => r.count > 0);
          const created = (
            await request(DOCUMENTS.learning, 'ExamCreate', {
              input: {
                organizationId,
                title: field('title'),
                rules,
                durationMinutes: int(field('duration'), 30),
                passMark: int(field('passMark'), 60),
                opensAt: chinaInstant(field('opensOn'), '00:00'),
                closesAt: chinaInstant(field('closesOn'), '23:59'),
              },
            })
          ).examCreate;
          if (!created.userErrors.length && created.exam) return redirect(`/workspace/learning/exams/${created.exam.id}`);
          error = created.userErrors[0]!.message;
        }
      }
      const data = await request(DOCUMENTS.learning, 'LearningAdmin', {});
      const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
      // Study across the first organisation kept (or the one asked for), with its chart drawn here.
      const asked = url.searchParams.get('org') ?? '';
      const scope = held.find((o) => o.id === asked) ?? held[0];
      const report = scope ? (await request(DOCUMENTS.learning, 'LearningReport', { organizationId: scope.id, year: Number(today.slice(0, 4)) })).learningReport : null;
      const chart = report && report.branches.length ? barChartSvg(report.branches.map((b) => b.name.replace('党支部', '')), report.branches.map((b) => b.averageHours), { width: Math.max(480, report.branches.length * 48), height: 260, color: '#b8860b' }) : null;
      return page(LearningAdmin, { site, data, held, sheet, report, chart, scope: scope?.id ?? null, error, notice: url.searchParams.get('notice'), today }, { title: '题库与考试', description: '题库与考试管理。', section: 'workspace' });
    },
  },
];
