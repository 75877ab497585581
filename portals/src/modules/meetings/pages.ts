/**
 * 组织生活 in the workspace: my meetings (sign in, ask for leave), the organisation's meetings and
 * the plan form, one meeting run from a phone (QR code, card scan, ticks, votes, minutes, review),
 * and the subtree's compliance with the branches in red. The API decides who may do what.
 */
import QRCode from 'qrcode';
import { DOCUMENTS, request } from '../../lib/api.js';
import { uploadFile } from '../../lib/media.js';
import { paragraphs } from '../../lib/text.js';
import { page, type PageRoute, type RouteContext } from '../../lib/route-kit.js';
import { organizationsHeld } from '../members/scope.js';
import LifePage from './LifePage.astro';
import MeetingList from './MeetingList.astro';
import MeetingPage from './MeetingPage.astro';

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const TYPES = ['BRANCH_ASSEMBLY', 'COMMITTEE', 'GROUP', 'PARTY_LECTURE', 'THEME_DAY', 'LIFE_MEETING', 'APPRAISAL', 'CENTRAL_GROUP'] as const;
type Type = (typeof TYPES)[number];
const chinaNow = () => new Date(Date.now() + 8 * 3600_000).toISOString();
const count = (v: string) => (/^\d{1,4}$/.test(v) ? Number(v) : 0);
/** A day and a time typed in China, as an instant. */
const instant = (day: string, time: string) => new Date(`${day}T${time || '00:00'}:00+08:00`).toISOString();

/** Photos and files of the record: uploaded to the meeting's organisation, then kept with those not removed. */
async function attachments(ctx: RouteContext, id: string): Promise<{ ids: string[] } | { error: string }> {
  const kept = ctx.form!.getAll('keep').map(String).filter((v) => ID.test(v));
  const files = ctx.form!.getAll('files').filter((f): f is File => f instanceof File && f.size > 0);
  if (files.length === 0) return { ids: kept };
  const organizationId = (await request(DOCUMENTS.meetings, 'MeetingPage', { id })).node?.organization?.id;
  const uploaded = organizationId ? await Promise.all(files.map((f) => uploadFile(ctx.cookies, organizationId, f))) : [];
  const failed = uploaded.findIndex((u) => !('id' in u));
  if (!organizationId || failed >= 0) return { error: `附件“${files[Math.max(failed, 0)]!.name}”无法上传：只接受 PDF、Word、Excel、PowerPoint 和图片，不超过 50 MB。` };
  return { ids: [...kept, ...uploaded.map((u) => (u as { id: string }).id)] };
}

async function act(ctx: RouteContext, id: string): Promise<{ errors: { message: string }[]; signedIn?: string | null }> {
  const { field } = ctx;
  const step = field('step');
  if (step === 'record') {
    const files = await attachments(ctx, id);
    if ('error' in files) return { errors: [{ message: files.error }] };
    const r = (await request(DOCUMENTS.meetings, 'MeetingRecord', { id, input: { minutes: paragraphs(field('minutes')), resolutions: paragraphs(field('resolutions')), guests: field('guests') || null, attachmentIds: files.ids } })).meetingRecord;
    return { errors: r.userErrors };
  }
  const memberId = field('memberId');
  const r =
    step === 'sign-in'
      ? (await request(DOCUMENTS.meetings, 'MeetingSignIn', { id, code: field('code') || null })).meetingSignIn
      : step === 'card'
      ? (await request(DOCUMENTS.meetings, 'MeetingSignInByCard', { id, card: field('card') })).meetingSignInByCard
      : step === 'present' || step === 'absent' || step === 'reset'
        ? (await request(DOCUMENTS.meetings, 'MeetingMarkAttendance', { id, memberId, attendance: step === 'present' ? 'PRESENT' : step === 'absent' ? 'ABSENT' : 'EXPECTED', reason: field('reason') || null })).meetingMarkAttendance
        : step === 'leave'
          ? (await request(DOCUMENTS.meetings, 'MeetingLeaveRequest', { id, reason: field('reason') })).meetingLeaveRequest
          : step === 'grant' || step === 'refuse'
            ? (await request(DOCUMENTS.meetings, 'MeetingLeaveDecide', { id, memberId, approve: step === 'grant', note: field('note') || null })).meetingLeaveDecide
            : step === 'motion'
              ? (
                  await request(DOCUMENTS.meetings, 'MeetingMotionAdd', {
                    id,
                    input: {
                      // A vote on a person: "ADMISSION:<id>" or "CONFIRMATION:<id>" (转正 confirmed as such).
                      ...(/^(ADMISSION|CONFIRMATION):[\w-]+$/.test(field('person'))
                        ? { kind: field('person').split(':')[0] as 'ADMISSION' | 'CONFIRMATION', applicantId: field('person').split(':')[1]!, outcome: field('person').startsWith('CONFIRMATION') ? ('CONFIRM' as const) : null }
                        : { kind: 'GENERAL' as const, title: field('title') }),
                      yes: count(field('yes')),
                      no: count(field('no')),
                      abstain: count(field('abstain')),
                      writtenYes: count(field('writtenYes')),
                      writtenNo: count(field('writtenNo')),
                      writtenAbstain: count(field('writtenAbstain')),
                      opinions: field('opinions') || null,
                    },
                  })
                ).meetingMotionAdd
              : step === 'submit'
                  ? (await request(DOCUMENTS.meetings, 'MeetingSubmit', { id })).meetingSubmit
                  : step === 'approve' || step === 'return'
                    ? (await request(DOCUMENTS.meetings, 'MeetingReview', { id, approve: step === 'approve', note: field('note') || null })).meetingReview
                    : step === 'correct'
                      ? (await request(DOCUMENTS.meetings, 'MeetingCorrect', { id, body: field('body') })).meetingCorrect
                      : (await request(DOCUMENTS.meetings, 'MeetingCancel', { id, reason: field('reason') })).meetingCancel;
  return { errors: r.userErrors, signedIn: r.signedIn };
}

export const meetingPages: PageRoute[] = [
  {
    path: 'workspace/meetings',
    signedIn: true,
    private: true,
    async handle({ site, url, form, field, redirect }) {
      const { viewer } = await request(DOCUMENTS.members, 'MemberOrganizations', {});
      const held = organizationsHeld(viewer, ['ORG_ADMIN']);
      const chosen = url.searchParams.get('org') ?? field('organizationId');
      const org = ID.test(chosen) && held.some((o) => o.id === chosen) ? chosen : (held[0]?.id ?? null);
      let error: string | null = null;
      if (form && org) {
        const type = (TYPES as readonly string[]).includes(field('type')) ? (field('type') as Type) : 'BRANCH_ASSEMBLY';
        const planned = (
          await request(DOCUMENTS.meetings, 'MeetingPlan', {
            input: {
              organizationId: org,
              type,
              alsoCountsAs: field('themeDay') === 'on' && type !== 'THEME_DAY' ? ['THEME_DAY'] : [],
              topic: field('topic'),
              agenda: field('agenda') || null,
              startsAt: instant(field('day'), field('from')),
              endsAt: instant(field('day'), field('to')),
              place: field('place') || null,
              onlineLink: field('onlineLink') || null,
              lecturer: field('lecturer') || null,
              hostMemberId: ID.test(field('host')) ? field('host') : null,
              recorderMemberId: ID.test(field('recorder')) ? field('recorder') : null,
            },
          })
        ).meetingPlan;
        if (!planned.userErrors.length && planned.meeting) return redirect(`/workspace/meetings/${planned.meeting.id}?notice=planned`);
        error = planned.userErrors[0]?.message ?? null;
      }
      const data = await request(DOCUMENTS.meetings, 'MeetingList', { organizationId: org, withRoll: org !== null });
      return page(MeetingList, { site, data, held, org, error, today: chinaNow().slice(0, 10) }, { title: '组织生活', description: '三会一课与组织生活。', section: 'workspace' });
    },
  },
  {
    path: 'workspace/meetings/:id',
    signedIn: true,
    private: true,
    async handle(ctx) {
      const { site, id, url, form, redirect } = ctx;
      let error: string | null = null;
      if (form) {
        const done = await act(ctx, id);
        if (!done.errors.length) return redirect(`/workspace/meetings/${id}?notice=${done.signedIn ? encodeURIComponent(`已签到：${done.signedIn}`) : 'done'}`);
        error = done.errors[0]!.message;
      }
      const meeting = (await request(DOCUMENTS.meetings, 'MeetingPage', { id })).node;
      if (!meeting?.id) return null;
      // Those the 大会 may vote on: 发展对象 ready for admission, 预备党员 for 转正 (the API rechecks every rule).
      const people = meeting.canRun && meeting.type === 'BRANCH_ASSEMBLY' && meeting.organization?.id ? await request(DOCUMENTS.meetings, 'MeetingPeople', { organizationId: meeting.organization.id }) : null;
      const signInUrl = meeting.signInCode ? `${url.origin}${site.base}/workspace/meetings/${id}?code=${meeting.signInCode}` : null;
      const qr = signInUrl ? await QRCode.toString(signInUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }) : null;
      const code = url.searchParams.get('code');
      return page(
        MeetingPage,
        { site, m: meeting, people, qr, code: code && /^[\w-]{1,40}$/.test(code) ? code : null, error, notice: url.searchParams.get('notice') },
        { title: `${meeting.topic} · 组织生活`, description: '会议。', section: 'workspace' },
      );
    },
  },
  {
    path: 'workspace/life',
    signedIn: true,
    private: true,
    async handle({ site, url, form, field, redirect }) {
      const { viewer } = await request(DOCUMENTS.members, 'MemberOrganizations', {});
      const scopes = organizationsHeld(viewer, ['ORG_ADMIN', 'REVIEWER']);
      const open = url.searchParams.get('branch');
      let error: string | null = null;
      if (form && open && ID.test(open)) {
        const result =
          field('step') === 'talk'
            ? (await request(DOCUMENTS.meetings, 'HeartTalkRecord', { input: { organizationId: open, byMemberId: field('by'), withMemberId: field('with'), talkedOn: field('day'), topic: field('topic') } })).heartTalkRecord
            : (await request(DOCUMENTS.meetings, 'LifeExemptionGrant', { input: { memberId: field('memberId'), reason: (['AGE', 'ILLNESS', 'ABROAD', 'OTHER'] as const).find((r) => r === field('reason')) ?? 'OTHER', note: field('note') || null, startsOn: field('from'), endsOn: field('until') || null } })).lifeExemptionGrant;
        if (!result.userErrors.length) return redirect(`/workspace/life${url.search ? `${url.search}&` : '?'}notice=done#detail`);
        error = result.userErrors[0]!.message;
      }
      const chosen = url.searchParams.get('org') ?? '';
      const org = ID.test(chosen) && scopes.some((o) => o.id === chosen) ? chosen : (scopes[0]?.id ?? null);
      const asked = url.searchParams.get('period') ?? '';
      const period = /^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/.test(asked) ? asked : chinaNow().slice(0, 7);
      const life = org ? (await request(DOCUMENTS.meetings, 'OrganizationLife', { organizationId: org, period })).organizationLife : null;
      const roll = open && ID.test(open) ? (await request(DOCUMENTS.meetings, 'BranchRoll', { organizationId: open })).members.nodes : [];
      return page(
        LifePage,
        { site, scopes, org, period, life, open, roll, error, notice: url.searchParams.get('notice'), today: chinaNow().slice(0, 10) },
        { title: '组织生活达标情况', description: '三会一课达标情况。', section: 'workspace' },
      );
    },
  },
];
