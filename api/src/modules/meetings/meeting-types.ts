/**
 * The kinds of organisational life (DOMAIN-RULES §6): who holds each, who is invited, and the
 * states a meeting passes through. Pure data, shared by the service, the compliance and the API.
 */
import type { OrganizationLevel } from '../organizations/organization-level.js';

export const MeetingType = {
  BRANCH_ASSEMBLY: 'BRANCH_ASSEMBLY', // 支部党员大会
  COMMITTEE: 'COMMITTEE', // 支委会 (党委会 at a committee)
  GROUP: 'GROUP', // 党小组会
  PARTY_LECTURE: 'PARTY_LECTURE', // 党课
  THEME_DAY: 'THEME_DAY', // 主题党日
  LIFE_MEETING: 'LIFE_MEETING', // 组织生活会
  APPRAISAL: 'APPRAISAL', // 民主评议党员会议
  CENTRAL_GROUP: 'CENTRAL_GROUP', // 党委理论学习中心组学习
} as const;
export type MeetingType = (typeof MeetingType)[keyof typeof MeetingType];

export const MEETING_LABEL: Record<MeetingType, string> = {
  BRANCH_ASSEMBLY: '支部党员大会',
  COMMITTEE: '支委会',
  GROUP: '党小组会',
  PARTY_LECTURE: '党课',
  THEME_DAY: '主题党日',
  LIFE_MEETING: '组织生活会',
  APPRAISAL: '民主评议党员会议',
  CENTRAL_GROUP: '中心组学习',
};

/** Which organisations hold each kind. */
export const HELD_BY: Record<MeetingType, readonly OrganizationLevel[]> = {
  BRANCH_ASSEMBLY: ['BRANCH', 'GENERAL_BRANCH'],
  COMMITTEE: ['BRANCH', 'GENERAL_BRANCH', 'COMMITTEE'],
  GROUP: ['GROUP'],
  PARTY_LECTURE: ['BRANCH', 'GENERAL_BRANCH', 'COMMITTEE'],
  THEME_DAY: ['BRANCH', 'GENERAL_BRANCH'],
  LIFE_MEETING: ['BRANCH', 'GENERAL_BRANCH', 'GROUP'],
  APPRAISAL: ['BRANCH', 'GENERAL_BRANCH'],
  CENTRAL_GROUP: ['COMMITTEE'],
};

/** The committee's own meetings invite its post holders; the rest invite the organisation's members. */
export const COMMITTEE_ONLY: readonly MeetingType[] = [MeetingType.COMMITTEE, MeetingType.CENTRAL_GROUP];

/** Records that a branch's members read (ZB: 大会 and 党课 are the branch's own). Others: those invited. */
export const BRANCH_RECORDS: readonly MeetingType[] = [MeetingType.BRANCH_ASSEMBLY, MeetingType.PARTY_LECTURE];

/**
 * The stored states (§6 c). IN_PROGRESS and HELD are the PLANNED meeting seen by the clock: the
 * API derives them (`phase`), so nothing has to flip them on time.
 */
export const MeetingStatus = {
  PLANNED: 'PLANNED',
  RECORDED: 'RECORDED', // minutes saved, not yet submitted
  UNDER_REVIEW: 'UNDER_REVIEW',
  RETURNED: 'RETURNED',
  APPROVED: 'APPROVED', // locked: corrections are appended
  CANCELLED: 'CANCELLED',
} as const;
export type MeetingStatus = (typeof MeetingStatus)[keyof typeof MeetingStatus];

export const MeetingPhase = { ...MeetingStatus, IN_PROGRESS: 'IN_PROGRESS', HELD: 'HELD' } as const;
export type MeetingPhase = (typeof MeetingPhase)[keyof typeof MeetingPhase];

/** Sign-in opens this long before the start and closes at the end. */
export const SIGN_IN_EARLY_MS = 30 * 60_000;

export function phaseOf(status: MeetingStatus, startsAt: Date, endsAt: Date, now = new Date()): MeetingPhase {
  if (status !== MeetingStatus.PLANNED) return status;
  if (now < startsAt) return MeetingPhase.PLANNED;
  return now <= endsAt ? MeetingPhase.IN_PROGRESS : MeetingPhase.HELD;
}

/** Minutes may be written once the meeting has begun and until they are approved. */
export const EDITABLE: readonly MeetingStatus[] = [MeetingStatus.PLANNED, MeetingStatus.RECORDED, MeetingStatus.RETURNED];

export const Attendance = {
  EXPECTED: 'EXPECTED', // invited, not (yet) signed in
  PRESENT: 'PRESENT',
  LEAVE_REQUESTED: 'LEAVE_REQUESTED',
  ON_LEAVE: 'ON_LEAVE', // leave granted by the host
  ABSENT: 'ABSENT', // recorded absent, with the reason
} as const;
export type Attendance = (typeof Attendance)[keyof typeof Attendance];

export const SignInMethod = { SELF: 'SELF', QR: 'QR', CARD: 'CARD', RECORDER: 'RECORDER' } as const;
export type SignInMethod = (typeof SignInMethod)[keyof typeof SignInMethod];

/** Reasons the higher organisation lets a member be left out of 应到 and of compliance ratios (§6 a, EM 23). */
export const ExemptionReason = { AGE: 'AGE', ILLNESS: 'ILLNESS', ABROAD: 'ABROAD', OTHER: 'OTHER' } as const;
export type ExemptionReason = (typeof ExemptionReason)[keyof typeof ExemptionReason];

export const MotionKind = { GENERAL: 'GENERAL', ADMISSION: 'ADMISSION', CONFIRMATION: 'CONFIRMATION' } as const;
export type MotionKind = (typeof MotionKind)[keyof typeof MotionKind];
