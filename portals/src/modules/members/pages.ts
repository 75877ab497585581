/**
 * 党员信息 in the workspace: the list (filters by branch, category, status and label), one record,
 * and the member's own 我的档案. What a caller may see is the API's decision; these pages only ask.
 */
import { DOCUMENTS, request } from '../../lib/api.js';
import { uploadFile } from '../../lib/media.js';
import type { MemberListVariables } from '../../lib/operations.generated.js';
import { ID, page, type PageRoute } from '../../lib/route-kit.js';
import { CATEGORY, STATUS } from './labels.js';
import ImportReport from './ImportReport.astro';
import ImportUpload from './ImportUpload.astro';
import MemberList from './MemberList.astro';
import MemberRecord from './MemberRecord.astro';
import { organizationsHeld } from './scope.js';
import { commitImport, readImport, stageImport } from './spreadsheets.js';

const pick = <T extends string>(value: string | null, allowed: Record<T, string>): T | null => (value && value in allowed ? (value as T) : null);

export const memberPages: PageRoute[] = [
  {
    path: 'workspace/members',
    signedIn: true,
    private: true,
    async handle({ site, url }) {
      const q = url.searchParams;
      const filter: NonNullable<MemberListVariables['filter']> = {
        organizationId: ID.test(q.get('branch') ?? '') ? q.get('branch') : null,
        category: pick(q.get('category'), CATEGORY as Record<'FULL' | 'PROBATIONARY', string>),
        status: pick(q.get('status'), STATUS as Record<'NORMAL' | 'SUSPENDED' | 'REMOVED' | 'EXPELLED' | 'TRANSFERRED_OUT' | 'DECEASED' | 'DISQUALIFIED', string>),
        label: q.get('label')?.trim().slice(0, 20) || null,
        name: q.get('name')?.trim().slice(0, 50) || null,
      };
      const after = q.get('after');
      const [data, branch] = await Promise.all([
        request(DOCUMENTS.members, 'MemberList', { after: after && after.length <= 200 ? after : null, filter }),
        filter.organizationId ? request(DOCUMENTS.members, 'BranchCommittee', { id: filter.organizationId }).then((r) => r.organization) : null,
      ]);
      return page(MemberList, { site, data, filter, branch }, { title: '党员信息', description: '党员信息库。', section: 'workspace' });
    },
  },
  {
    // Before 'workspace/members/:id', which would match 'import'.
    path: 'workspace/members/import',
    signedIn: true,
    private: true,
    async handle({ site, form, field, cookies, redirect }) {
      let error: string | null = null;
      if (form) {
        const file = form.get('file');
        const organizationId = field('organizationId');
        if (!(file instanceof File) || file.size === 0) error = '请选择要导入的 .xlsx 文件。';
        else if (!ID.test(organizationId)) error = '请选择导入到哪个党组织。';
        else {
          const staged = await stageImport(cookies, organizationId, file);
          if (staged.ok) return redirect(`/workspace/members/import/${staged.import.id}`);
          error = staged.message;
        }
      }
      const { viewer } = await request(DOCUMENTS.members, 'MemberOrganizations', {});
      const organizations = organizationsHeld(viewer, ['ORG_ADMIN']);
      return page(ImportUpload, { site, organizations, error }, { title: '导入党员花名册', description: '导入党员花名册。', section: 'workspace' });
    },
  },
  {
    path: 'workspace/members/import/:id',
    signedIn: true,
    private: true,
    async handle({ site, id, form, field, cookies, redirect }) {
      let error: string | null = null;
      if (form && field('action') === 'commit') {
        const committed = await commitImport(cookies, id);
        if (committed.ok) return redirect(`/workspace/members/import/${id}`);
        error = committed.message;
      }
      const staged = await readImport(cookies, id);
      if (!staged.ok) return null;
      return page(ImportReport, { site, data: staged.import, error }, { title: '导入结果', description: '党员花名册导入结果。', section: 'workspace' });
    },
  },
  {
    path: 'workspace/members/:id',
    signedIn: true,
    private: true,
    async handle({ site, id, url, form, cookies, redirect }) {
      let error: string | null = null;
      if (form) {
        // 证件照: uploaded to the member's organisation, then set on the record.
        const file = form.get('photo');
        const organizationId = (await request(DOCUMENTS.members, 'MemberRecord', { id })).node?.organization?.id;
        const uploaded = file instanceof File && file.size > 0 && organizationId ? await uploadFile(cookies, organizationId, file) : null;
        if (!uploaded || !('id' in uploaded)) error = '照片无法上传：请选择 JPEG、PNG 或 WebP 图片。';
        else {
          const set = (await request(DOCUMENTS.members, 'MemberPhotoSet', { id, fileId: uploaded.id })).memberPhotoSet;
          if (!set.userErrors.length) return redirect(`/workspace/members/${id}?notice=photo`);
          error = set.userErrors[0]!.message;
        }
      }
      const member = (await request(DOCUMENTS.members, 'MemberRecord', { id })).node;
      if (!member?.name) return null;
      return page(MemberRecord, { site, member, own: false, error, notice: url.searchParams.get('notice') }, { title: `${member.name} · 党员档案`, description: '党员档案。', section: 'workspace' });
    },
  },
  {
    path: 'workspace/my-record',
    signedIn: true,
    private: true,
    async handle({ site }) {
      const member = (await request(DOCUMENTS.members, 'MyMemberRecord', {})).myMemberRecord;
      return page(MemberRecord, { site, member, own: true }, { title: '我的档案', description: '我的党员档案。', section: 'workspace' });
    },
  },
];
