/**
 * 发展党员 in the workspace: the board of a subtree (applicants by stage, overdue in red, a form for
 * a new application) and one applicant (the steps recorded, and a form for the next). Every rule
 * is the API's; a refusal is shown as it came, with the rule's source.
 */
import { DOCUMENTS, request } from '../../lib/api.js';
import { uploadFile } from '../../lib/media.js';
import type { DevelopmentRecordStepVariables } from '../../lib/operations.generated.js';
import { ID, page, type PageRoute } from '../../lib/route-kit.js';
import { organizationsHeld } from '../members/scope.js';
import ApplicantPage from './ApplicantPage.astro';
import DevelopmentBoard from './DevelopmentBoard.astro';

type StepInput = DevelopmentRecordStepVariables['input'];

const count = (value: string): number | null => (/^\d{1,6}$/.test(value.trim()) ? Number(value.trim()) : null);
const text = (value: string) => value.trim() || null;

/** The step form as the API's input: only what was filled in. */
function stepInput(applicantId: string, field: (name: string) => string, all: (name: string) => string[]): StepInput {
  const input: StepInput = { applicantId, step: field('step') as StepInput['step'], happenedOn: field('happenedOn').trim() };
  const version = count(field('version'));
  if (version !== null) input.expectedVersion = version;
  for (const name of ['decidedBy', 'people', 'note', 'writtenOpinions'] as const) if (text(field(name))) input[name] = text(field(name));
  if (field('passed') === 'no') input.passed = false;
  const contacts = all('contactIds').filter((id) => ID.test(id));
  if (contacts.length) input.contactIds = contacts;
  const introducers = all('introducerIds').filter((id) => ID.test(id));
  if (introducers.length) input.introducerIds = introducers;
  if (count(field('hours')) !== null) input.hours = count(field('hours'));
  if (count(field('days')) !== null) input.days = count(field('days'));
  if (input.step === 'ADMISSION_VOTE' || input.step === 'CONFIRMATION_VOTE') {
    const n = (name: string) => count(field(name)) ?? 0;
    input.vote = { expected: n('expected'), present: n('present'), yes: n('yes'), no: n('no'), abstain: n('abstain'), writtenYes: n('writtenYes'), writtenNo: n('writtenNo'), writtenAbstain: n('writtenAbstain') };
  }
  if (input.step === 'CONFIRMATION_VOTE' && ['CONFIRM', 'EXTEND', 'DISQUALIFY'].includes(field('outcome'))) input.outcome = field('outcome') as StepInput['outcome'];
  if (count(field('extensionMonths')) !== null) input.extensionMonths = count(field('extensionMonths'));
  return input;
}

export const developmentPages: PageRoute[] = [
  {
    path: 'workspace/development',
    signedIn: true,
    private: true,
    async handle({ site, url, form, field, redirect }) {
      const { viewer } = await request(DOCUMENTS.members, 'MemberOrganizations', {});
      const scopes = organizationsHeld(viewer, ['ORG_ADMIN', 'REVIEWER']);
      const branches = organizationsHeld(viewer, ['ORG_ADMIN']).filter((o) => o.level === 'BRANCH');
      const chosen = url.searchParams.get('org') ?? '';
      const org = ID.test(chosen) ? chosen : (scopes[0]?.id ?? null);
      let error: string | null = null;
      if (form && field('action') === 'apply') {
        const created = (
          await request(DOCUMENTS.development, 'ApplicantCreate', {
            input: {
              organizationId: field('organizationId'),
              name: field('name'),
              idNumber: field('idNumber'),
              appliedOn: field('appliedOn'),
              phone: text(field('phone')),
              education: text(field('education')),
              employer: text(field('employer')),
              position: text(field('position')),
            },
          })
        ).applicantCreate;
        if (!created.userErrors.length && created.applicant) return redirect(`/workspace/development/${created.applicant.id}?notice=applied`);
        error = created.userErrors[0]?.message ?? null;
      }
      const board = org ? (await request(DOCUMENTS.development, 'DevelopmentBoard', { organizationId: org })).developmentBoard : [];
      return page(DevelopmentBoard, { site, scopes, branches, org, board, error }, { title: '发展党员', description: '发展党员工作看板。', section: 'workspace' });
    },
  },
  {
    path: 'workspace/development/:id',
    signedIn: true,
    private: true,
    async handle({ site, id, url, form, field, cookies, redirect }) {
      let error: string | null = null;
      if (form && field('action') === 'record') {
        const all = (name: string) => form.getAll(name).map(String);
        const input = stepInput(id, field, all);
        // 申请书, 谈话记录, 政审报告 …: uploaded to the branch first, then attached to the step.
        const files = form.getAll('files').filter((f): f is File => f instanceof File && f.size > 0);
        if (files.length) {
          const branch = (await request(DOCUMENTS.development, 'ApplicantPage', { id })).node?.organization?.id;
          const uploaded = branch ? await Promise.all(files.map((f) => uploadFile(cookies, branch, f))) : [];
          const failed = uploaded.findIndex((u) => !('id' in u));
          if (!branch || failed >= 0) error = `附件“${files[Math.max(failed, 0)]!.name}”无法上传：只接受 PDF、Word、Excel、PowerPoint 和图片，不超过 50 MB。`;
          else input.attachmentIds = uploaded.map((u) => (u as { id: string }).id);
        }
        if (!error) {
          const recorded = (await request(DOCUMENTS.development, 'DevelopmentRecordStep', { input })).developmentRecord;
          if (!recorded.userErrors.length) return redirect(`/workspace/development/${id}?notice=${recorded.warnings.length ? 'warned' : 'recorded'}`);
          error = recorded.userErrors[0]!.message;
        }
      }
      const applicant = (await request(DOCUMENTS.development, 'ApplicantPage', { id })).node;
      if (!applicant?.name) return null;
      const needsMembers = (applicant.availableSteps ?? []).some((s) => s.step === 'ACTIVIST' || s.step === 'INTRODUCERS');
      const fullMembers = needsMembers && applicant.organization ? (await request(DOCUMENTS.development, 'BranchFullMembers', { organizationId: applicant.organization.id })).members.nodes : [];
      return page(
        ApplicantPage,
        { site, applicant, fullMembers, error, notice: url.searchParams.get('notice'), values: form ? Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === 'string').map(([k, v]) => [k, String(v)])) : {} },
        { title: `${applicant.name} · 发展党员`, description: '发展党员纪实。', section: 'workspace' },
      );
    },
  },
];
