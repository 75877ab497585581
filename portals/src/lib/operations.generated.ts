// Generated from schema/schema.graphql and schema/operations/ by `pnpm schema:print`. Do not edit.
/* eslint-disable */

export interface ApiKeysVariables { slug: string; }
export interface ApiKeysResult { enterprise: { id: string; name: string; apiClients: Array<{ id: string; name: string; keyPrefix: string; scopes: Array<'CONTENT_WRITE' | 'INTERNAL_READ' | 'PUBLIC_READ'>; createdAt: string; revokedAt: string | null; lastUsedAt: string | null; lastUsedIp: string | null; rotatedAt: string | null; previousKeyValidUntil: string | null; rateBudget: { limit: number; used: number; windowSeconds: number; resetsAt: string; } | null; }>; } | null; }

export interface ApiKeyCreateVariables { input: { enterpriseId: string; name: string; scopes: Array<'CONTENT_WRITE' | 'INTERNAL_READ' | 'PUBLIC_READ'>; }; }
export interface ApiKeyCreateResult { apiClientCreate: { key: string | null; userErrors: Array<{ code: string; message: string; }>; }; }

export interface ApiKeyRotateVariables { id: string; graceHours?: number | null; }
export interface ApiKeyRotateResult { apiClientRotate: { key: string | null; userErrors: Array<{ code: string; message: string; }>; }; }

export interface ApiKeyRevokeVariables { id: string; }
export interface ApiKeyRevokeResult { apiClientRevoke: { userErrors: Array<{ code: string; message: string; }>; }; }

export interface AppraisalRoundsVariables {  }
export interface AppraisalRoundsResult { appraisalRounds: { nodes: Array<{ id: string; year: number; stage: 'ASSEMBLY' | 'BALLOT' | 'COMMITTEE_PROPOSAL' | 'PEER' | 'PUBLISHED' | 'SELF'; organization: { name: string; } | null; }>; }; }

export interface AppraisalPageVariables { id: string; }
export interface AppraisalPageResult { node: { id?: string; year?: number; stage?: 'ASSEMBLY' | 'BALLOT' | 'COMMITTEE_PROPOSAL' | 'PEER' | 'PUBLISHED' | 'SELF'; excellentCap?: number; ballotsCast?: number; myBallotCast?: boolean; canManage?: boolean; organization?: { name: string; } | null; subjects?: Array<{ memberId: string; name: string; isYou: boolean; selfAssessment: string | null; comments: Array<{ byName: string; body: string; }>; tally: { excellent: number; qualified: number; basic: number; unqualified: number; } | null; proposedGrade: 'BASIC' | 'EXCELLENT' | 'QUALIFIED' | 'UNQUALIFIED' | null; proposalNote: string | null; grade: 'BASIC' | 'EXCELLENT' | 'QUALIFIED' | 'UNQUALIFIED' | null; followUp: string | null; }>; } | null; }

export interface AppraisalOpenVariables { organizationId: string; year: number; }
export interface AppraisalOpenResult { appraisalOpen: { round: { id: string; } | null; userErrors: Array<{ code: string; message: string; }>; }; }

export interface AppraisalSelfAssessVariables { id: string; text: string; }
export interface AppraisalSelfAssessResult { appraisalSelfAssess: { round: { id: string; } | null; userErrors: Array<{ code: string; message: string; }>; }; }

export interface AppraisalCommentVariables { id: string; memberId: string; text: string; }
export interface AppraisalCommentResult { appraisalComment: { round: { id: string; } | null; userErrors: Array<{ code: string; message: string; }>; }; }

export interface AppraisalBallotCastVariables { id: string; grades: Array<{ grade: 'BASIC' | 'EXCELLENT' | 'QUALIFIED' | 'UNQUALIFIED'; memberId: string; note?: string | null; }>; }
export interface AppraisalBallotCastResult { appraisalBallotCast: { round: { id: string; } | null; userErrors: Array<{ code: string; message: string; }>; }; }

export interface AppraisalProposeVariables { id: string; grades: Array<{ grade: 'BASIC' | 'EXCELLENT' | 'QUALIFIED' | 'UNQUALIFIED'; memberId: string; note?: string | null; }>; }
export interface AppraisalProposeResult { appraisalPropose: { round: { id: string; } | null; userErrors: Array<{ code: string; message: string; }>; }; }

export interface AppraisalDecideVariables { id: string; grades: Array<{ grade: 'BASIC' | 'EXCELLENT' | 'QUALIFIED' | 'UNQUALIFIED'; memberId: string; note?: string | null; }>; }
export interface AppraisalDecideResult { appraisalDecide: { round: { id: string; } | null; userErrors: Array<{ code: string; message: string; }>; }; }

export interface AppraisalAdvanceVariables { id: string; }
export interface AppraisalAdvanceResult { appraisalAdvance: { round: { id: string; } | null; userErrors: Array<{ code: string; message: string; }>; }; }

export interface AssessmentsVariables {  }
export interface AssessmentsResult { assessmentSchemes: { nodes: Array<{ id: string; name: string; period: string; status: 'ACTIVE' | 'CLOSED'; startsOn: string; endsOn: string; canManage: boolean; organization: { name: string; } | null; }>; }; assessmentMetrics: Array<{ key: string; label: string; unit: string; definition: string; }>; improvementActions: Array<{ id: string; schemeName: string; schemePeriod: string; indicatorName: string; problem: string; stage: 'ACT' | 'CHECK' | 'CLOSED' | 'DO' | 'PLAN'; dueOn: string | null; overdue: boolean; organization: { name: string; } | null; }>; }

export interface AssessmentPageVariables { id: string; }
export interface AssessmentPageResult { node: { id?: string; name?: string; period?: string; startsOn?: string; endsOn?: string; status?: 'ACTIVE' | 'CLOSED'; canManage?: boolean; diagnosisDates?: Array<string>; organization?: { name: string; } | null; scorecards?: Array<{ organizationId: string; organizationName: string; total: number | null; rank: number | null; peers: number; asOf: string; frozen: boolean; canSubmitEvidence: boolean; rows: Array<{ indicator: { id: string; name: string; description: string; weight: number; measure: 'EVIDENCE' | 'METRIC'; mustReach: number; stretch: number; metric: { label: string; unit: string; definition: string; } | null; }; value: number | null; score: number | null; level: 'MISSED' | 'MUST' | 'NOT_SCORED' | 'NO_DATA' | 'NO_SOURCE' | 'STRETCH'; evidence: { id: string; body: string; score: number | null; scoreNote: string | null; files: Array<{ fileName: string; url: string; }>; } | null; }>; actions: Array<{ id: string; indicatorName: string; problem: string; stage: 'ACT' | 'CHECK' | 'CLOSED' | 'DO' | 'PLAN'; plan: string | null; owner: string | null; dueOn: string | null; done: string | null; checkValue: number | null; checkMet: boolean | null; checkedInPeriod: string | null; result: string | null; overdue: boolean; }>; }>; diagnoses?: Array<{ kind: 'FINAL' | 'MANUAL' | 'SCHEDULED'; asOf: string; takenAt: string; standings: Array<{ organizationName: string; total: number | null; rank: number | null; missed: number; }>; }>; } | null; }

export interface AssessmentSchemeCreateVariables { input: { assigneeIds: Array<string>; diagnosisDates?: Array<string> | null; indicators: Array<{ description?: string | null; measure: 'EVIDENCE' | 'METRIC'; metricKey?: string | null; mustReach: number; name: string; stretch: number; weight: number; }>; name: string; organizationId: string; period: string; }; }
export interface AssessmentSchemeCreateResult { assessmentSchemeCreate: { scheme: { id: string; } | null; userErrors: Array<{ code: string; field: Array<string> | null; message: string; rule: string | null; }>; }; }

export interface AssessmentEvidenceSubmitVariables { input: { body: string; fileIds?: Array<string> | null; indicatorId: string; organizationId: string; schemeId: string; }; }
export interface AssessmentEvidenceSubmitResult { assessmentEvidenceSubmit: { evidence: { id: string; } | null; userErrors: Array<{ code: string; message: string; rule: string | null; }>; }; }

export interface AssessmentEvidenceScoreVariables { id: string; score: number; note?: string | null; }
export interface AssessmentEvidenceScoreResult { assessmentEvidenceScore: { evidence: { score: number | null; } | null; userErrors: Array<{ code: string; message: string; rule: string | null; }>; }; }

export interface AssessmentDiagnoseVariables { id: string; }
export interface AssessmentDiagnoseResult { assessmentDiagnose: { diagnosis: { asOf: string; } | null; userErrors: Array<{ code: string; message: string; rule: string | null; }>; }; }

export interface AssessmentCloseVariables { id: string; }
export interface AssessmentCloseResult { assessmentClose: { scheme: { status: 'ACTIVE' | 'CLOSED'; } | null; userErrors: Array<{ code: string; message: string; rule: string | null; }>; }; }

export interface ImprovementActionUpdateVariables { id: string; input: { done?: string | null; dueOn?: string | null; owner?: string | null; plan?: string | null; result?: string | null; stage?: 'ACT' | 'CHECK' | 'CLOSED' | 'DO' | 'PLAN' | null; }; }
export interface ImprovementActionUpdateResult { improvementActionUpdate: { action: { stage: 'ACT' | 'CHECK' | 'CLOSED' | 'DO' | 'PLAN'; } | null; userErrors: Array<{ code: string; message: string; rule: string | null; }>; }; }

export interface WorkCalendarPageVariables { year: number; }
export interface WorkCalendarPageResult { viewer: { isPlatformAdmin: boolean; }; workCalendar: { year: number; maintained: boolean; source: string | null; updatedAt: string | null; workingDays: number; days: Array<{ day: string; kind: 'HOLIDAY' | 'WORKDAY'; name: string; }>; }; }

export interface WorkCalendarSetVariables { input: { days: Array<{ day: string; kind: 'HOLIDAY' | 'WORKDAY'; name: string; }>; source: string; year: number; }; }
export interface WorkCalendarSetResult { workCalendarSet: { calendar: { year: number; } | null; userErrors: Array<{ code: string; field: Array<string> | null; message: string; }>; }; }

export interface MyCardVariables {  }
export interface MyCardResult { myMemberRecord: { name: string; status: 'DECEASED' | 'DISQUALIFIED' | 'EXPELLED' | 'NORMAL' | 'REMOVED' | 'SUSPENDED' | 'TRANSFERRED_OUT'; organization: { name: string; } | null; card: { number: string; issuedOn: string; expiresOn: string; token: string; photoUrl: string | null; } | null; } | null; }

export interface CardVerifyVariables { token: string; }
export interface CardVerifyResult { cardVerify: { status: 'EXPIRED' | 'INVALID' | 'REVOKED' | 'VALID'; name: string | null; organization: string | null; memberStatus: 'DECEASED' | 'DISQUALIFIED' | 'EXPELLED' | 'NORMAL' | 'REMOVED' | 'SUSPENDED' | 'TRANSFERRED_OUT' | null; expiresOn: string | null; }; }

export interface DashboardVariables { organizationId: string; }
export interface DashboardResult { dashboard: { year: number; organizationName: string; computedAt: string; figures: Array<{ key: string; label: string; value: string; definition: string; }>; breakdowns: Array<{ key: string; label: string; definition: string; cells: Array<{ label: string; value: string; count: number | null; }>; }>; }; }

export interface MeetingSignInsVariables { organizationId: string; }
export interface MeetingSignInsResult { meetingSignIns: { meetingTopic: string; meetingType: string; organizationName: string; todayCount: number; }; }

export interface SignInsTodayVariables { organizationId: string; }
export interface SignInsTodayResult { meetingSignInsToday: number; }

export interface DevelopmentBoardVariables { organizationId: string; }
export interface DevelopmentBoardResult { developmentBoard: Array<{ stage: 'ACTIVIST' | 'APPLICANT' | 'CANDIDATE' | 'CONFIRMATION_PENDING' | 'DISQUALIFIED' | 'FORM_ISSUED' | 'FULL' | 'MOVED' | 'PENDING_APPROVAL' | 'PRE_REVIEW' | 'PROBATIONARY' | 'REJECTED' | 'TALKED' | 'WITHDRAWN'; label: string; totalCount: number; overdueCount: number; applicants: Array<{ id: string; name: string; stageSince: string; organization: { name: string; } | null; due: { what: string; on: string; overdue: boolean; } | null; }>; }>; }

export interface ApplicantPageVariables { id: string; }
export interface ApplicantPageResult { node: { id?: string; name?: string; sex?: 'FEMALE' | 'MALE'; birthDate?: string; ethnicity?: string | null; education?: string | null; employer?: string | null; position?: string | null; idNumber?: string; phone?: string | null; stage?: 'ACTIVIST' | 'APPLICANT' | 'CANDIDATE' | 'CONFIRMATION_PENDING' | 'DISQUALIFIED' | 'FORM_ISSUED' | 'FULL' | 'MOVED' | 'PENDING_APPROVAL' | 'PRE_REVIEW' | 'PROBATIONARY' | 'REJECTED' | 'TALKED' | 'WITHDRAWN'; stageLabel?: string; stageSince?: string; appliedOn?: string; activistOn?: string | null; candidateOn?: string | null; politicalReviewOn?: string | null; trainingHours?: number; trainingDays?: number; admittedOn?: string | null; probationEndsOn?: string | null; confirmedOn?: string | null; noticeId?: string | null; noticeEndsOn?: string | null; endReason?: string | null; version?: number; organization?: { id: string; name: string; } | null; contacts?: Array<{ name: string; }>; introducers?: Array<{ name: string; }>; member?: { id: string; } | null; due?: { what: string; on: string; overdue: boolean; } | null; availableSteps?: Array<{ step: 'ACTIVIST' | 'ADMISSION_VOTE' | 'APPLICATION' | 'APPROVAL' | 'ARCHIVE' | 'ASSESSMENT' | 'CANDIDATE' | 'COMMITTEE_REVIEW' | 'CONFIRMATION_APPLICATION' | 'CONFIRMATION_APPROVAL' | 'CONFIRMATION_VOTE' | 'INTRODUCERS' | 'MOVE' | 'OATH' | 'POLITICAL_REVIEW' | 'PRE_REVIEW' | 'REJECT' | 'REPORT' | 'TALK' | 'TRAINING' | 'UPPER_TALK' | 'WITHDRAW'; label: string; byCommittee: boolean; }>; records?: Array<{ id: string; step: 'ACTIVIST' | 'ADMISSION_VOTE' | 'APPLICATION' | 'APPROVAL' | 'ARCHIVE' | 'ASSESSMENT' | 'CANDIDATE' | 'COMMITTEE_REVIEW' | 'CONFIRMATION_APPLICATION' | 'CONFIRMATION_APPROVAL' | 'CONFIRMATION_VOTE' | 'INTRODUCERS' | 'MOVE' | 'OATH' | 'POLITICAL_REVIEW' | 'PRE_REVIEW' | 'REJECT' | 'REPORT' | 'TALK' | 'TRAINING' | 'UPPER_TALK' | 'WITHDRAW'; label: string; happenedOn: string; decidedBy: string | null; people: string | null; passed: boolean; outcome: 'CONFIRM' | 'DISQUALIFY' | 'EXTEND' | null; hours: number | null; note: string | null; warnings: Array<string>; writtenOpinions: string | null; attachments: Array<{ id: string; fileName: string; url: string; }>; vote: { expected: number; present: number; yes: number; no: number; abstain: number; writtenYes: number; writtenNo: number; writtenAbstain: number; quorum: boolean; majority: boolean; } | null; }>; } | null; }

export interface BranchFullMembersVariables { organizationId: string; }
export interface BranchFullMembersResult { members: { nodes: Array<{ id: string; name: string; }>; }; }

export interface ApplicantCreateVariables { input: { appliedOn: string; attachmentIds?: Array<string> | null; education?: string | null; employer?: string | null; ethnicity?: string | null; idNumber: string; name: string; organizationId: string; phone?: string | null; position?: string | null; }; }
export interface ApplicantCreateResult { applicantCreate: { applicant: { id: string; } | null; userErrors: Array<{ code: string; field: Array<string> | null; message: string; rule: string | null; }>; }; }

export interface DevelopmentRecordStepVariables { input: { applicantId: string; attachmentIds?: Array<string> | null; contactIds?: Array<string> | null; days?: number | null; decidedBy?: string | null; expectedVersion?: number | null; extensionMonths?: number | null; happenedOn: string; hours?: number | null; introducerIds?: Array<string> | null; note?: string | null; noticeHeld?: { endsOn: string; startsOn: string; } | null; noticeScope?: 'OWN_ORG_SUBTREE' | 'SOCIETY' | 'TARGETED' | 'WHOLE_ENTERPRISE' | null; outcome?: 'CONFIRM' | 'DISQUALIFY' | 'EXTEND' | null; passed?: boolean | null; people?: string | null; step: 'ACTIVIST' | 'ADMISSION_VOTE' | 'APPLICATION' | 'APPROVAL' | 'ARCHIVE' | 'ASSESSMENT' | 'CANDIDATE' | 'COMMITTEE_REVIEW' | 'CONFIRMATION_APPLICATION' | 'CONFIRMATION_APPROVAL' | 'CONFIRMATION_VOTE' | 'INTRODUCERS' | 'MOVE' | 'OATH' | 'POLITICAL_REVIEW' | 'PRE_REVIEW' | 'REJECT' | 'REPORT' | 'TALK' | 'TRAINING' | 'UPPER_TALK' | 'WITHDRAW'; vote?: { abstain: number; expected: number; no: number; present: number; writtenAbstain: number; writtenNo: number; writtenYes: number; yes: number; } | null; writtenOpinions?: string | null; }; }
export interface DevelopmentRecordStepResult { developmentRecord: { applicant: { id: string; } | null; warnings: Array<{ rule: string; message: string; }>; userErrors: Array<{ code: string; field: Array<string> | null; message: string; rule: string | null; source: string | null; }>; }; }

export interface DisclosuresVariables { organizationId: string; category?: 'CONDUCT_AND_SERVICE' | 'DISCIPLINE' | 'EDUCATION' | 'GOALS_AND_PLANS' | 'HIGHER_DECISIONS' | 'ORGANIZATION_BUILDING' | 'OTHER' | null; after?: string | null; }
export interface DisclosuresResult { disclosures: { totalCount: number; totalCountCapped: boolean; pageInfo: { hasNextPage: boolean; endCursor: string | null; }; nodes: Array<{ id: string; title: string; summary: string; category: 'CONDUCT_AND_SERVICE' | 'DISCIPLINE' | 'EDUCATION' | 'GOALS_AND_PLANS' | 'HIGHER_DECISIONS' | 'ORGANIZATION_BUILDING' | 'OTHER'; publishedAt: string | null; organization: { name: string; } | null; notice: { endsAt: string; open: boolean; remainingSeconds: number; } | null; }>; }; }

export interface DisclosureVariables { id: string; }
export interface DisclosureResult { disclosure: { id: string; title: string; summary: string; bodyHtml: string; category: 'CONDUCT_AND_SERVICE' | 'DISCIPLINE' | 'EDUCATION' | 'GOALS_AND_PLANS' | 'HIGHER_DECISIONS' | 'ORGANIZATION_BUILDING' | 'OTHER'; scope: 'OWN_ORG_SUBTREE' | 'SOCIETY' | 'TARGETED' | 'WHOLE_ENTERPRISE'; readByMe: boolean; publishedAt: string | null; organization: { name: string; } | null; notice: { startsAt: string; endsAt: string; open: boolean; remainingSeconds: number; } | null; } | null; }

export interface DisclosureFeedbackVariables { id: string; input: { authorName?: string | null; body: string; contact?: string | null; }; }
export interface DisclosureFeedbackResult { disclosureFeedbackCreate: { userErrors: Array<{ code: string; field: Array<string> | null; message: string; }>; }; }

export interface DisclosureConfirmReadVariables { id: string; }
export interface DisclosureConfirmReadResult { disclosureConfirmRead: { userErrors: Array<{ code: string; }>; }; }

export interface DuesMonthPageVariables { organizationId: string; month: string; }
export interface DuesMonthPageResult { duesMonth: { id: string; month: string; status: 'OPEN' | 'SETTLED'; totals: { members: number; owedFen: number; paidFen: number; unpaid: number; }; items: Array<{ id: string; period: string; rate: string | null; dueFen: number; owedFen: number; status: 'EXEMPT' | 'PAID' | 'UNPAID'; paidFen: number; memberName: string; member: { id: string; name: string; duesStanding: { unpaidMonths: number; flag: 'ARREARS' | 'BRANCH_DECISION' | 'NONE'; }; } | null; }>; } | null; }

export interface DuesMonthOpenVariables { input: { month: string; organizationId: string; }; }
export interface DuesMonthOpenResult { duesMonthOpen: { duesMonth: { id: string; } | null; missingBase: Array<{ id: string; name: string; }>; userErrors: Array<{ code: string; message: string; }>; }; }

export interface DuesMarkPaidVariables { input: { amount: string; channel: 'CASH' | 'ONLINE' | 'PROXY'; idempotencyKey: string; itemId: string; proxyName?: string | null; }; }
export interface DuesMarkPaidResult { duesPay: { item: { id: string; status: 'EXEMPT' | 'PAID' | 'UNPAID'; } | null; userErrors: Array<{ code: string; message: string; }>; }; }

export interface CasesVariables { organizationId: string; after?: string | null; orderBy?: 'MOST_ADOPTED' | 'MOST_LIKED' | 'RECENT' | null; }
export interface CasesResult { featured: { nodes: Array<{ id: string; title: string; summary: string; likeCount: number; adoptionCount: number; organization: { name: string; } | null; }>; }; experienceCases: { totalCount: number; totalCountCapped: boolean; pageInfo: { hasNextPage: boolean; endCursor: string | null; }; nodes: Array<{ id: string; title: string; summary: string; likeCount: number; adoptionCount: number; publishedAt: string | null; organization: { name: string; } | null; }>; }; }

export interface ExperienceCaseVariables { id: string; }
export interface ExperienceCaseResult { experienceCase: { id: string; title: string; summary: string; publishedAt: string | null; likeCount: number; adoptionCount: number; commentCount: number; likedByMe: boolean; organization: { name: string; } | null; sections: { backgroundHtml: string; practiceHtml: string; resultsHtml: string; }; adoptions: Array<{ note: string; organization: { name: string; } | null; }>; comments: { nodes: Array<{ id: string; body: string; authorName: string | null; createdAt: string; }>; }; } | null; }

export interface ResourcesVariables { organizationId: string; after?: string | null; }
export interface ResourcesResult { sharedResources: { totalCount: number; totalCountCapped: boolean; pageInfo: { hasNextPage: boolean; endCursor: string | null; }; nodes: Array<{ id: string; title: string; summary: string; resourceKind: 'COURSEWARE' | 'EDUCATION_BASE' | 'LECTURER' | 'MICRO_LESSON' | 'TEMPLATE' | 'VIDEO'; access: 'ON_REQUEST' | 'OPEN'; organization: { name: string; } | null; }>; }; }

export interface SharedResourceVariables { id: string; }
export interface SharedResourceResult { sharedResource: { id: string; title: string; summary: string; bodyHtml: string; resourceKind: 'COURSEWARE' | 'EDUCATION_BASE' | 'LECTURER' | 'MICRO_LESSON' | 'TEMPLATE' | 'VIDEO'; access: 'ON_REQUEST' | 'OPEN'; address: string | null; openingDetails: string | null; topics: Array<string>; publishedAt: string | null; usableByMe: boolean; organization: { name: string; } | null; attachments: Array<{ fileName: string; size: number; }>; } | null; }

export interface CaseLikeVariables { id: string; }
export interface CaseLikeResult { caseLike: { userErrors: Array<{ code: string; }>; }; }

export interface CaseUnlikeVariables { id: string; }
export interface CaseUnlikeResult { caseUnlike: { userErrors: Array<{ code: string; }>; }; }

export interface CaseCommentVariables { id: string; body: string; }
export interface CaseCommentResult { caseComment: { userErrors: Array<{ code: string; field: Array<string> | null; message: string; }>; }; }

export interface ResourceRequestAccessVariables { id: string; organizationId: string; purpose: string; }
export interface ResourceRequestAccessResult { resourceRequestAccess: { userErrors: Array<{ code: string; field: Array<string> | null; message: string; }>; }; }

export interface MyRequestsVariables {  }
export interface MyRequestsResult { resourceRequests: { nodes: Array<{ id: string; status: 'APPROVED' | 'PENDING' | 'REJECTED' | 'REVOKED' | 'WITHDRAWN'; purpose: string; decisionReason: string | null; accessUntil: string | null; createdAt: string; organization: { name: string; } | null; resource: { id: string; title: string; } | null; }>; }; }

export interface MemberHandbookVariables { year: number; memberId?: string | null; }
export interface MemberHandbookResult { memberHandbook: { name: string; organizationName: string; year: number; attended: number; missed: number; onLeave: number; offlineStudyHours: number; onlineStudyHours: number | null; studyTarget: number; meetings: Array<{ meetingId: string; type: 'APPRAISAL' | 'BRANCH_ASSEMBLY' | 'CENTRAL_GROUP' | 'COMMITTEE' | 'GROUP' | 'LIFE_MEETING' | 'PARTY_LECTURE' | 'THEME_DAY'; topic: string; startsAt: string; hours: number; attendance: 'ABSENT' | 'EXPECTED' | 'LEAVE_REQUESTED' | 'ON_LEAVE' | 'PRESENT'; absenceReason: string | null; leaveReason: string | null; }>; dues: Array<{ period: string; dueFen: number; paidFen: number; status: string; }>; honours: Array<{ title: string; decidedOn: string; decidedBy: string; }>; careReceived: Array<{ kind: string; happenedOn: string; by: string; note: string | null; }>; helpGiven: Array<{ kind: 'HARDSHIP_AID' | 'OTHER' | 'PAIRING' | 'VOLUNTEER'; helped: string; happenedOn: string; note: string | null; }>; talks: Array<{ talkedOn: string; withName: string; topic: string; }>; suggestions: Array<{ id: string; body: string; createdAt: string; answer: string | null; answeredByName: string | null; }>; appraisalGrade: 'BASIC' | 'EXCELLENT' | 'QUALIFIED' | 'UNQUALIFIED' | null; } | null; }

export interface SuggestionsVariables { unanswered?: boolean | null; }
export interface SuggestionsResult { suggestions: { nodes: Array<{ id: string; body: string; createdAt: string; memberName: string; answer: string | null; answeredByName: string | null; answeredAt: string | null; canAnswer: boolean; }>; }; }

export interface SuggestionMakeVariables { body: string; }
export interface SuggestionMakeResult { suggestionMake: { suggestion: { id: string; } | null; userErrors: Array<{ code: string; message: string; }>; }; }

export interface SuggestionAnswerVariables { id: string; answer: string; }
export interface SuggestionAnswerResult { suggestionAnswer: { suggestion: { id: string; } | null; userErrors: Array<{ code: string; message: string; }>; }; }

export interface HelpGivenRecordVariables { input: { happenedOn: string; helped: string; kind: 'HARDSHIP_AID' | 'OTHER' | 'PAIRING' | 'VOLUNTEER'; memberId?: string | null; note?: string | null; }; }
export interface HelpGivenRecordResult { helpGivenRecord: { ok: boolean; userErrors: Array<{ code: string; message: string; }>; }; }

export interface HomeSectionsVariables { organizationId: string; cases: boolean; resources: boolean; disclosures: boolean; }
export interface HomeSectionsResult { cases?: { nodes: Array<{ id: string; title: string; summary: string; publishedAt: string | null; organization: { name: string; } | null; }>; }; resources?: { nodes: Array<{ id: string; title: string; summary: string; publishedAt: string | null; organization: { name: string; } | null; }>; }; disclosures?: { nodes: Array<{ id: string; title: string; publishedAt: string | null; organization: { name: string; } | null; }>; }; }

export interface LearningVariables { year: number; }
export interface LearningResult { myMemberRecord: { organization: { id: string; name: string; enterprise: { rootOrganizations: Array<{ id: string; }>; }; } | null; } | null; myPoints: { total: number; hideName: boolean; today: Array<{ action: 'EXAM' | 'ITEM' | 'PRACTICE'; points: number; cap: number | null; }>; } | null; myLearningMap: { roleLabel: string; targetHours: number | null; hours: number; items: Array<{ course: { id: string; title: string; dimension: 'ETHICS' | 'POLITICAL' | 'PROFESSIONAL'; hours: number; }; required: boolean; addedBy: string; percent: number; }>; } | null; myStudy: { online: number; offline: number; total: number; target: number; }; courses: { nodes: Array<{ id: string; title: string; dimension: 'ETHICS' | 'POLITICAL' | 'PROFESSIONAL'; status: 'DRAFT' | 'PUBLISHED'; hours: number; canManage: boolean; items: Array<{ myProgress: { percent: number; } | null; }>; }>; }; exams: { nodes: Array<{ id: string; title: string; status: 'DRAFT' | 'PUBLISHED' | 'WITHDRAWN'; open: boolean; opensAt: string; closesAt: string; durationMinutes: number; passMark: number; questionCount: number; canManage: boolean; myAttempts: Array<{ id: string; status: 'EXPIRED' | 'STARTED' | 'SUBMITTED'; score: number | null; }>; }>; }; myAttempts: { nodes: Array<{ id: string; kind: 'EXAM' | 'PRACTICE'; status: 'EXPIRED' | 'STARTED' | 'SUBMITTED'; startedAt: string; submittedAt: string | null; score: number | null; passed: boolean | null; exam: { title: string; } | null; }>; }; }

export interface AttemptPageVariables { id: string; }
export interface AttemptPageResult { node: { id?: string; kind?: 'EXAM' | 'PRACTICE'; status?: 'EXPIRED' | 'STARTED' | 'SUBMITTED'; startedAt?: string; submittedAt?: string | null; score?: number | null; passed?: boolean | null; exam?: { title: string; } | null; deadline?: string; secondsLeft?: number; items?: Array<{ position: number; type: 'FILL' | 'MULTIPLE' | 'SINGLE' | 'TRUE_FALSE'; stem: string; options: Array<string>; points: number; answer: Array<string> | null; correct: boolean | null; correctAnswer: Array<string> | null; explanation: string | null; topic: string; }>; byDimension?: Array<{ label: string; earned: number; points: number; }>; byTopic?: Array<{ label: string; earned: number; points: number; }>; } | null; }

export interface ExamPageVariables { id: string; }
export interface ExamPageResult { node: { id?: string; title?: string; status?: 'DRAFT' | 'PUBLISHED' | 'WITHDRAWN'; open?: boolean; opensAt?: string; closesAt?: string; durationMinutes?: number; passMark?: number; maxAttempts?: number; questionCount?: number; canManage?: boolean; rules?: Array<{ type: 'FILL' | 'MULTIPLE' | 'SINGLE' | 'TRUE_FALSE'; dimension: 'ETHICS' | 'POLITICAL' | 'PROFESSIONAL' | null; count: number; points: number; }>; myAttempts?: Array<{ id: string; status: 'EXPIRED' | 'STARTED' | 'SUBMITTED'; score: number | null; passed: boolean | null; }>; report?: { eligible: number; sat: number; attempts: number; average: number | null; passRate: number | null; distribution: Array<{ band: string; count: number; }>; hardest: Array<{ stem: string; topic: string; answered: number; correctRate: number; }>; branches: Array<{ name: string; attempts: number; average: number; passRate: number; }>; } | null; } | null; }

export interface WrongBookVariables {  }
export interface WrongBookResult { myWrongQuestions: Array<{ type: 'FILL' | 'MULTIPLE' | 'SINGLE' | 'TRUE_FALSE'; stem: string; options: Array<string>; correctAnswer: Array<string>; explanation: string | null; topic: string; }>; }

export interface LearningAdminVariables {  }
export interface LearningAdminResult { courses: { nodes: Array<{ id: string; title: string; status: 'DRAFT' | 'PUBLISHED'; canManage: boolean; }>; }; sharedResources: { nodes: Array<{ id: string; title: string; resourceKind: 'COURSEWARE' | 'EDUCATION_BASE' | 'LECTURER' | 'MICRO_LESSON' | 'TEMPLATE' | 'VIDEO'; }>; }; questions: { totalCount: number; nodes: Array<{ id: string; type: 'FILL' | 'MULTIPLE' | 'SINGLE' | 'TRUE_FALSE'; stem: string; dimension: 'ETHICS' | 'POLITICAL' | 'PROFESSIONAL'; topic: string; active: boolean; }>; }; }

export interface AttemptStartVariables { examId: string; }
export interface AttemptStartResult { attemptStart: { attempt: { id: string; } | null; userErrors: Array<{ code: string; message: string; }>; }; }

export interface PracticeStartVariables { fromWrongBook: boolean; }
export interface PracticeStartResult { practiceStart: { attempt: { id: string; } | null; userErrors: Array<{ code: string; message: string; }>; }; }

export interface AttemptAnswerVariables { id: string; position: number; answer: Array<string>; }
export interface AttemptAnswerResult { attemptAnswer: { attempt: { id: string; } | null; userErrors: Array<{ code: string; message: string; }>; }; }

export interface AttemptSubmitVariables { id: string; }
export interface AttemptSubmitResult { attemptSubmit: { attempt: { id: string; } | null; userErrors: Array<{ code: string; message: string; }>; }; }

export interface QuestionCreateVariables { input: { answer: Array<string>; difficulty?: 'EASY' | 'HARD' | 'MEDIUM' | null; dimension: 'ETHICS' | 'POLITICAL' | 'PROFESSIONAL'; explanation?: string | null; options?: Array<string> | null; organizationId: string; sharedWithPartners?: boolean | null; source?: string | null; stem: string; topic: string; type: 'FILL' | 'MULTIPLE' | 'SINGLE' | 'TRUE_FALSE'; }; }
export interface QuestionCreateResult { questionCreate: { question: { id: string; } | null; userErrors: Array<{ code: string; message: string; }>; }; }

export interface ExamCreateVariables { input: { closesAt: string; durationMinutes: number; eligibleOrganizationIds?: Array<string> | null; maxAttempts?: number | null; opensAt: string; organizationId: string; passMark: number; rules: Array<{ count: number; dimension?: 'ETHICS' | 'POLITICAL' | 'PROFESSIONAL' | null; points: number; type: 'FILL' | 'MULTIPLE' | 'SINGLE' | 'TRUE_FALSE'; }>; title: string; }; }
export interface ExamCreateResult { examCreate: { exam: { id: string; } | null; userErrors: Array<{ code: string; message: string; }>; }; }

export interface ExamPublishVariables { id: string; }
export interface ExamPublishResult { examPublish: { exam: { id: string; } | null; userErrors: Array<{ code: string; message: string; }>; }; }

export interface CoursePageVariables { id: string; }
export interface CoursePageResult { node: { id?: string; title?: string; description?: string; dimension?: 'ETHICS' | 'POLITICAL' | 'PROFESSIONAL'; status?: 'DRAFT' | 'PUBLISHED'; hours?: number; canManage?: boolean; items?: Array<{ id: string; position: number; title: string; mode: 'READ' | 'VIDEO'; requiredSeconds: number; hours: number; body: string | null; resourceTitle: string | null; fileUrl: string | null; myProgress: { creditedSeconds: number; position: number; percent: number; completedAt: string | null; } | null; }>; } | null; }

export interface StudyHeartbeatVariables { itemId: string; position?: number | null; }
export interface StudyHeartbeatResult { studyHeartbeat: { progress: { percent: number; completedAt: string | null; } | null; userErrors: Array<{ code: string; message: string; }>; }; }

export interface CoursePublishVariables { id: string; }
export interface CoursePublishResult { coursePublish: { course: { id: string; } | null; userErrors: Array<{ code: string; message: string; }>; }; }

export interface CourseCreateVariables { input: { description?: string | null; dimension: 'ETHICS' | 'POLITICAL' | 'PROFESSIONAL'; items: Array<{ body?: string | null; hours: number; mode: 'READ' | 'VIDEO'; requiredSeconds: number; resourceId?: string | null; title: string; }>; organizationId: string; title: string; }; }
export interface CourseCreateResult { courseCreate: { course: { id: string; } | null; userErrors: Array<{ code: string; message: string; }>; }; }

export interface LearningMapPublishVariables { input: { items: Array<{ courseId: string; required: boolean; }>; organizationId: string; role: 'LEADER' | 'MEMBER' | 'SECRETARY' | 'WORKER'; targetHours?: number | null; year: number; }; }
export interface LearningMapPublishResult { learningMapPublish: { ok: boolean; userErrors: Array<{ code: string; message: string; }>; }; }

export interface LeaderboardsVariables { branch: string; root: string; year: number; }
export interface LeaderboardsResult { branch: Array<{ rank: number; name: string; points: number; you: boolean; }>; enterprise: Array<{ rank: number; name: string; organizationName: string; points: number; you: boolean; }>; }

export interface LearningProfileSetVariables { hideName: boolean; }
export interface LearningProfileSetResult { learningProfileSet: { ok: boolean; userErrors: Array<{ code: string; message: string; }>; }; }

export interface LearningReportVariables { organizationId: string; year: number; }
export interface LearningReportResult { learningReport: { year: number; target: number; members: number; coverage: number; averageHours: number; branches: Array<{ name: string; members: number; studied: number; coverage: number; averageHours: number; reachedTarget: number; }>; }; }

export interface PortalMailboxVariables { slug: string; }
export interface PortalMailboxResult { portalSuggestions: Array<{ number: number; subject: string; body: string; reply: string; repliedAt: string; }>; }

export interface SuggestionSendVariables { slug: string; input: { allowPublic: boolean; body: string; contact?: string | null; name?: string | null; subject: string; }; }
export interface SuggestionSendResult { suggestionSend: { number: number | null; userErrors: Array<{ code: string; message: string; }>; }; }

export interface MailboxVariables { status?: 'ANSWERED' | 'HANDLING' | 'RECEIVED' | null; }
export interface MailboxResult { mailbox: Array<{ id: string; number: number; subject: string; body: string; authorName: string | null; hasContact: boolean; contact: string | null; allowPublic: boolean; status: 'ANSWERED' | 'HANDLING' | 'RECEIVED'; reply: string | null; replyPublic: boolean; repliedAt: string | null; createdAt: string; organization: { name: string; } | null; }>; }

export interface SuggestionHandleVariables { id: string; input: { reply?: string | null; replyPublic?: boolean | null; status: 'ANSWERED' | 'HANDLING' | 'RECEIVED'; }; }
export interface SuggestionHandleResult { suggestionHandle: { suggestion: { status: 'ANSWERED' | 'HANDLING' | 'RECEIVED'; } | null; userErrors: Array<{ code: string; message: string; }>; }; }

export interface MeetingListVariables { organizationId?: string | null; withRoll: boolean; }
export interface MeetingListResult { mine: { nodes: Array<{ id: string; type: 'APPRAISAL' | 'BRANCH_ASSEMBLY' | 'CENTRAL_GROUP' | 'COMMITTEE' | 'GROUP' | 'LIFE_MEETING' | 'PARTY_LECTURE' | 'THEME_DAY'; topic: string; startsAt: string; endsAt: string; place: string | null; status: 'APPROVED' | 'CANCELLED' | 'HELD' | 'IN_PROGRESS' | 'PLANNED' | 'RECORDED' | 'RETURNED' | 'UNDER_REVIEW'; organization: { name: string; } | null; counts: { invited: number; expected: number; present: number; }; myAttendance: { attendance: 'ABSENT' | 'EXPECTED' | 'LEAVE_REQUESTED' | 'ON_LEAVE' | 'PRESENT'; } | null; }>; }; organization?: { nodes: Array<{ id: string; type: 'APPRAISAL' | 'BRANCH_ASSEMBLY' | 'CENTRAL_GROUP' | 'COMMITTEE' | 'GROUP' | 'LIFE_MEETING' | 'PARTY_LECTURE' | 'THEME_DAY'; topic: string; startsAt: string; endsAt: string; place: string | null; status: 'APPROVED' | 'CANCELLED' | 'HELD' | 'IN_PROGRESS' | 'PLANNED' | 'RECORDED' | 'RETURNED' | 'UNDER_REVIEW'; organization: { name: string; } | null; counts: { invited: number; expected: number; present: number; }; }>; }; toReview: { nodes: Array<{ id: string; type: 'APPRAISAL' | 'BRANCH_ASSEMBLY' | 'CENTRAL_GROUP' | 'COMMITTEE' | 'GROUP' | 'LIFE_MEETING' | 'PARTY_LECTURE' | 'THEME_DAY'; topic: string; startsAt: string; endsAt: string; place: string | null; status: 'APPROVED' | 'CANCELLED' | 'HELD' | 'IN_PROGRESS' | 'PLANNED' | 'RECORDED' | 'RETURNED' | 'UNDER_REVIEW'; organization: { name: string; } | null; counts: { invited: number; expected: number; present: number; }; }>; }; roll?: { nodes: Array<{ id: string; name: string; }>; }; }

export interface MeetingPageVariables { id: string; }
export interface MeetingPageResult { node: { id?: string; type?: 'APPRAISAL' | 'BRANCH_ASSEMBLY' | 'CENTRAL_GROUP' | 'COMMITTEE' | 'GROUP' | 'LIFE_MEETING' | 'PARTY_LECTURE' | 'THEME_DAY'; topic?: string; startsAt?: string; endsAt?: string; place?: string | null; status?: 'APPROVED' | 'CANCELLED' | 'HELD' | 'IN_PROGRESS' | 'PLANNED' | 'RECORDED' | 'RETURNED' | 'UNDER_REVIEW'; organization?: { id: string; name: string; } | null; alsoCountsAs?: Array<'APPRAISAL' | 'BRANCH_ASSEMBLY' | 'CENTRAL_GROUP' | 'COMMITTEE' | 'GROUP' | 'LIFE_MEETING' | 'PARTY_LECTURE' | 'THEME_DAY'>; agenda?: string; onlineLink?: string | null; lecturer?: string | null; hostName?: string | null; recorderName?: string | null; minutes?: string; resolutions?: string; guests?: string | null; reviewNote?: string | null; cancelReason?: string | null; signInCode?: string | null; signInOpen?: boolean; canRun?: boolean; canReview?: boolean; reviewer?: { name: string; } | null; counts?: { invited: number; expected: number; present: number; attended: number; onLeave: number; absent: number; excused: number; guests: number; rate: number; }; myAttendance?: { attendance: 'ABSENT' | 'EXPECTED' | 'LEAVE_REQUESTED' | 'ON_LEAVE' | 'PRESENT'; signInMethod: 'CARD' | 'QR' | 'RECORDER' | 'SELF' | null; leaveReason: string | null; leaveNote: string | null; } | null; attendees?: Array<{ memberId: string; name: string; voting: boolean; guest: boolean; excused: boolean; attendance: 'ABSENT' | 'EXPECTED' | 'LEAVE_REQUESTED' | 'ON_LEAVE' | 'PRESENT'; signInMethod: 'CARD' | 'QR' | 'RECORDER' | 'SELF' | null; leaveReason: string | null; absenceReason: string | null; }>; motions?: Array<{ id: string; title: string; expected: number; present: number; yes: number; no: number; abstain: number; writtenYes: number; writtenNo: number; writtenAbstain: number; passed: boolean; }>; corrections?: Array<{ body: string; signedName: string; createdAt: string; }>; attachments?: Array<{ id: string; fileName: string; url: string; }>; } | null; }

export interface MeetingPlanVariables { input: { agenda?: string | null; alsoCountsAs?: Array<'APPRAISAL' | 'BRANCH_ASSEMBLY' | 'CENTRAL_GROUP' | 'COMMITTEE' | 'GROUP' | 'LIFE_MEETING' | 'PARTY_LECTURE' | 'THEME_DAY'> | null; endsAt: string; hostMemberId?: string | null; lecturer?: string | null; onlineLink?: string | null; organizationId: string; place?: string | null; recorderMemberId?: string | null; startsAt: string; topic: string; type: 'APPRAISAL' | 'BRANCH_ASSEMBLY' | 'CENTRAL_GROUP' | 'COMMITTEE' | 'GROUP' | 'LIFE_MEETING' | 'PARTY_LECTURE' | 'THEME_DAY'; }; }
export interface MeetingPlanResult { meetingPlan: { meeting: { id: string; } | null; signedIn: string | null; userErrors: Array<{ code: string; message: string; }>; }; }

export interface MeetingSignInVariables { id: string; code?: string | null; }
export interface MeetingSignInResult { meetingSignIn: { signedIn: string | null; userErrors: Array<{ code: string; message: string; }>; }; }

export interface MeetingSignInByCardVariables { id: string; card: string; }
export interface MeetingSignInByCardResult { meetingSignInByCard: { signedIn: string | null; userErrors: Array<{ code: string; message: string; }>; }; }

export interface MeetingMarkAttendanceVariables { id: string; memberId: string; attendance: 'ABSENT' | 'EXPECTED' | 'LEAVE_REQUESTED' | 'ON_LEAVE' | 'PRESENT'; reason?: string | null; }
export interface MeetingMarkAttendanceResult { meetingMarkAttendance: { signedIn: string | null; userErrors: Array<{ code: string; message: string; }>; }; }

export interface MeetingLeaveRequestVariables { id: string; reason: string; }
export interface MeetingLeaveRequestResult { meetingLeaveRequest: { signedIn: string | null; userErrors: Array<{ code: string; message: string; }>; }; }

export interface MeetingLeaveDecideVariables { id: string; memberId: string; approve: boolean; note?: string | null; }
export interface MeetingLeaveDecideResult { meetingLeaveDecide: { signedIn: string | null; userErrors: Array<{ code: string; message: string; }>; }; }

export interface MeetingMotionAddVariables { id: string; input: { abstain: number; applicantId?: string | null; extensionMonths?: number | null; kind: 'ADMISSION' | 'CONFIRMATION' | 'GENERAL'; no: number; opinions?: string | null; outcome?: 'CONFIRM' | 'DISQUALIFY' | 'EXTEND' | null; title?: string | null; writtenAbstain?: number | null; writtenNo?: number | null; writtenYes?: number | null; yes: number; }; }
export interface MeetingMotionAddResult { meetingMotionAdd: { signedIn: string | null; userErrors: Array<{ code: string; message: string; }>; }; }

export interface MeetingRecordVariables { id: string; input: { attachmentIds?: Array<string> | null; guests?: string | null; minutes: string; resolutions?: string | null; }; }
export interface MeetingRecordResult { meetingRecord: { signedIn: string | null; userErrors: Array<{ code: string; message: string; }>; }; }

export interface MeetingSubmitVariables { id: string; }
export interface MeetingSubmitResult { meetingSubmit: { signedIn: string | null; userErrors: Array<{ code: string; message: string; }>; }; }

export interface MeetingReviewVariables { id: string; approve: boolean; note?: string | null; }
export interface MeetingReviewResult { meetingReview: { signedIn: string | null; userErrors: Array<{ code: string; message: string; }>; }; }

export interface MeetingCorrectVariables { id: string; body: string; }
export interface MeetingCorrectResult { meetingCorrect: { signedIn: string | null; userErrors: Array<{ code: string; message: string; }>; }; }

export interface MeetingCancelVariables { id: string; reason: string; }
export interface MeetingCancelResult { meetingCancel: { signedIn: string | null; userErrors: Array<{ code: string; message: string; }>; }; }

export interface OrganizationLifeVariables { organizationId: string; period: string; }
export interface OrganizationLifeResult { organizationLife: { period: string; complete: boolean; branches: Array<{ organizationId: string; name: string; complete: boolean; missing: Array<string>; rows: Array<{ item: 'APPRAISAL' | 'BRANCH_ASSEMBLY' | 'CLASS_HOURS' | 'COMMITTEE' | 'GROUP' | 'LIFE_MEETING' | 'PARTY_LECTURE' | 'TALKS' | 'THEME_DAY'; label: string; cycle: string; required: number; held: number; approved: number; status: 'MET' | 'MISSING' | 'NOT_APPLICABLE' | 'NO_SOURCE' | 'OPEN' | 'PENDING'; note: string | null; }>; }>; }; }

export interface BranchRollVariables { organizationId: string; }
export interface BranchRollResult { members: { nodes: Array<{ id: string; name: string; }>; }; }

export interface HeartTalkRecordVariables { input: { byMemberId: string; organizationId: string; talkedOn: string; topic: string; withMemberId: string; }; }
export interface HeartTalkRecordResult { heartTalkRecord: { ok: boolean; userErrors: Array<{ code: string; message: string; }>; }; }

export interface LifeExemptionGrantVariables { input: { endsOn?: string | null; memberId: string; note?: string | null; reason: 'ABROAD' | 'AGE' | 'ILLNESS' | 'OTHER'; startsOn: string; }; }
export interface LifeExemptionGrantResult { lifeExemptionGrant: { ok: boolean; userErrors: Array<{ code: string; message: string; }>; }; }

export interface MeetingPeopleVariables { organizationId: string; }
export interface MeetingPeopleResult { forAdmission: { nodes: Array<{ id: string; name: string; }>; }; forConfirmation: { nodes: Array<{ id: string; name: string; }>; }; }

export interface MemberListVariables { after?: string | null; filter?: { category?: 'FULL' | 'PROBATIONARY' | null; label?: string | null; name?: string | null; organizationId?: string | null; status?: 'DECEASED' | 'DISQUALIFIED' | 'EXPELLED' | 'NORMAL' | 'REMOVED' | 'SUSPENDED' | 'TRANSFERRED_OUT' | null; } | null; }
export interface MemberListResult { viewer: { memberships: Array<{ role: 'EDITOR' | 'MEMBER' | 'ORG_ADMIN' | 'REVIEWER'; organization: { id: string; name: string; level: 'BRANCH' | 'COMMITTEE' | 'GENERAL_BRANCH' | 'GROUP'; descendants: { nodes: Array<{ id: string; name: string; level: 'BRANCH' | 'COMMITTEE' | 'GENERAL_BRANCH' | 'GROUP'; }>; }; } | null; }>; }; members: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null; }; nodes: Array<{ id: string; name: string; sex: 'FEMALE' | 'MALE'; birthDate: string; joinedOn: string; category: 'FULL' | 'PROBATIONARY'; status: 'DECEASED' | 'DISQUALIFIED' | 'EXPELLED' | 'NORMAL' | 'REMOVED' | 'SUSPENDED' | 'TRANSFERRED_OUT'; labels: Array<string>; organization: { name: string; } | null; }>; }; }

export interface MemberRecordVariables { id: string; }
export interface MemberRecordResult { node: { id?: string; name?: string; development?: { id: string; } | null; sex?: 'FEMALE' | 'MALE'; ethnicity?: string | null; birthDate?: string; education?: string | null; employer?: string | null; position?: string | null; idNumber?: string; phone?: string | null; address?: string | null; personalDataMasked?: boolean; joinedOn?: string; confirmedOn?: string | null; partyStanding?: number | null; category?: 'FULL' | 'PROBATIONARY'; status?: 'DECEASED' | 'DISQUALIFIED' | 'EXPELLED' | 'NORMAL' | 'REMOVED' | 'SUSPENDED' | 'TRANSFERRED_OUT'; labels?: Array<string>; photoUrl?: string | null; organization?: { id: string; name: string; } | null; statusHistory?: Array<{ status: 'DECEASED' | 'DISQUALIFIED' | 'EXPELLED' | 'NORMAL' | 'REMOVED' | 'SUSPENDED' | 'TRANSFERRED_OUT'; effectiveOn: string; reason: string; }>; underProbation?: boolean; awards?: Array<{ kind: 'AWARD' | 'DISCIPLINE'; discipline: 'PROBATION' | 'REMOVAL_FROM_POST' | 'SERIOUS_WARNING' | 'WARNING' | null; title: string; decidedOn: string; decidedBy: string; until: string | null; }>; care?: Array<{ kind: 'HARDSHIP_AID' | 'HOLIDAY' | 'ILLNESS' | 'OTHER' | 'VISIT'; happenedOn: string; by: string; amountFen: number | null; note: string | null; }>; duesStanding?: { paidUpTo: string | null; unpaidMonths: number; flag: 'ARREARS' | 'BRANCH_DECISION' | 'NONE'; }; dues?: Array<{ period: string; baseFen: number | null; rate: string | null; dueFen: number; owedFen: number; status: 'EXEMPT' | 'PAID' | 'UNPAID'; paidFen: number; paidAt: string | null; }>; } | null; }

export interface MyMemberRecordVariables {  }
export interface MyMemberRecordResult { myMemberRecord: { id: string; name: string; development: { id: string; } | null; sex: 'FEMALE' | 'MALE'; ethnicity: string | null; birthDate: string; education: string | null; employer: string | null; position: string | null; idNumber: string; phone: string | null; address: string | null; personalDataMasked: boolean; joinedOn: string; confirmedOn: string | null; partyStanding: number | null; category: 'FULL' | 'PROBATIONARY'; status: 'DECEASED' | 'DISQUALIFIED' | 'EXPELLED' | 'NORMAL' | 'REMOVED' | 'SUSPENDED' | 'TRANSFERRED_OUT'; labels: Array<string>; photoUrl: string | null; organization: { id: string; name: string; } | null; statusHistory: Array<{ status: 'DECEASED' | 'DISQUALIFIED' | 'EXPELLED' | 'NORMAL' | 'REMOVED' | 'SUSPENDED' | 'TRANSFERRED_OUT'; effectiveOn: string; reason: string; }>; underProbation: boolean; awards: Array<{ kind: 'AWARD' | 'DISCIPLINE'; discipline: 'PROBATION' | 'REMOVAL_FROM_POST' | 'SERIOUS_WARNING' | 'WARNING' | null; title: string; decidedOn: string; decidedBy: string; until: string | null; }>; care: Array<{ kind: 'HARDSHIP_AID' | 'HOLIDAY' | 'ILLNESS' | 'OTHER' | 'VISIT'; happenedOn: string; by: string; amountFen: number | null; note: string | null; }>; duesStanding: { paidUpTo: string | null; unpaidMonths: number; flag: 'ARREARS' | 'BRANCH_DECISION' | 'NONE'; }; dues: Array<{ period: string; baseFen: number | null; rate: string | null; dueFen: number; owedFen: number; status: 'EXEMPT' | 'PAID' | 'UNPAID'; paidFen: number; paidAt: string | null; }>; } | null; }

export interface BranchCommitteeVariables { id: string; }
export interface BranchCommitteeResult { organization: { name: string; partyWarnings: Array<{ code: 'ELECTION_DUE' | 'ELECTION_OVERDUE' | 'FEW_FULL_MEMBERS' | 'NO_COMMITTEE' | 'TOO_MANY_MEMBERS'; message: string; source: string; dueOn: string | null; }> | null; committeeTerm: { electedOn: string; termYears: number; endsOn: string; } | null; committeePosts: Array<{ post: 'DEPUTY_SECRETARY' | 'DISCIPLINE' | 'GROUP_LEADER' | 'MEMBER' | 'ORGANIZATION' | 'PROPAGANDA' | 'SECRETARY'; startedOn: string; member: { id: string; name: string; } | null; }>; } | null; }

export interface MemberOrganizationsVariables {  }
export interface MemberOrganizationsResult { viewer: { memberships: Array<{ role: 'EDITOR' | 'MEMBER' | 'ORG_ADMIN' | 'REVIEWER'; organization: { id: string; name: string; level: 'BRANCH' | 'COMMITTEE' | 'GENERAL_BRANCH' | 'GROUP'; descendants: { nodes: Array<{ id: string; name: string; level: 'BRANCH' | 'COMMITTEE' | 'GENERAL_BRANCH' | 'GROUP'; }>; }; } | null; }>; }; }

export interface MemberPhotoSetVariables { id: string; fileId?: string | null; }
export interface MemberPhotoSetResult { memberPhotoSet: { userErrors: Array<{ code: string; message: string; }>; }; }

export interface MobileRegisterVariables { side: 'HOME' | 'HOST'; open?: boolean | null; }
export interface MobileRegisterResult { mobileRegistrations: { totalCount: number; nodes: Array<{ id: string; memberName: string; status: 'APPLIED' | 'APPROVED' | 'AT_HOST' | 'REJECTED' | 'RETURNED'; place: string; abroad: boolean; startsOn: string; expectedReturnOn: string | null; cardNumber: string | null; flags: Array<'NO_CONTACT' | 'NO_YEARLY_REPORT'>; homeOrganization: { name: string; } | null; hostOrganization: { name: string; } | null; }>; }; }

export interface MobilePageVariables { id: string; }
export interface MobilePageResult { node: { id?: string; memberName?: string; status?: 'APPLIED' | 'APPROVED' | 'AT_HOST' | 'REJECTED' | 'RETURNED'; place?: string; abroad?: boolean; startsOn?: string; expectedReturnOn?: string | null; cardNumber?: string | null; flags?: Array<'NO_CONTACT' | 'NO_YEARLY_REPORT'>; homeOrganization?: { name: string; } | null; hostOrganization?: { name: string; } | null; reason?: string; employer?: string | null; arrivedOn?: string | null; returnedOn?: string | null; decisionNote?: string | null; contacts?: Array<{ kind: 'ONLINE' | 'PHONE' | 'VISIT' | 'YEARLY_REPORT'; contactedOn: string; note: string; }>; } | null; }

export interface MobileDecideVariables { id: string; approve: boolean; note?: string | null; }
export interface MobileDecideResult { mobileDecide: { userErrors: Array<{ code: string; message: string; }>; }; }

export interface MobileArriveVariables { id: string; arrivedOn: string; }
export interface MobileArriveResult { mobileArrive: { userErrors: Array<{ code: string; message: string; }>; }; }

export interface MobileContactAddVariables { input: { contactedOn: string; kind: 'ONLINE' | 'PHONE' | 'VISIT' | 'YEARLY_REPORT'; note: string; registrationId: string; }; }
export interface MobileContactAddResult { mobileContactAdd: { userErrors: Array<{ code: string; message: string; }>; }; }

export interface MobileReturnVariables { id: string; returnedOn: string; }
export interface MobileReturnResult { mobileReturn: { userErrors: Array<{ code: string; message: string; }>; }; }

export interface MobileClustersVariables { organizationId: string; }
export interface MobileClustersResult { mobileClusters: Array<{ place: string; registrations: Array<{ id: string; memberName: string; homeOrganization: { name: string; } | null; }>; }>; }

export interface MobileTemporaryBranchVariables { input: { name?: string | null; registrationIds: Array<string>; }; }
export interface MobileTemporaryBranchResult { mobileTemporaryBranch: { branch: { id: string; name: string; } | null; userErrors: Array<{ code: string; message: string; }>; }; }

export interface NewsArticleVariables { id: string; }
export interface NewsArticleResult { newsArticle: { id: string; title: string; summary: string; bodyHtml: string; publishedAt: string | null; authorName: string | null; organization: { name: string; parent: { name: string; } | null; } | null; } | null; }

export interface NewsListVariables { organizationId: string; after?: string | null; }
export interface NewsListResult { news: { totalCount: number; totalCountCapped: boolean; pageInfo: { hasNextPage: boolean; endCursor: string | null; }; nodes: Array<{ id: string; title: string; summary: string; publishedAt: string | null; visibility: 'ENTERPRISE' | 'ORGANIZATION' | 'OWN_ORGANIZATION' | 'PARTNERS' | 'PLATFORM' | 'PUBLIC' | 'TARGETED'; organization: { name: string; } | null; }>; }; }

export interface NewsSearchVariables { query: string; first: number; after?: string | null; }
export interface NewsSearchResult { newsSearch: { totalCount: number; totalCountCapped: boolean; pageInfo: { hasNextPage: boolean; endCursor: string | null; }; edges: Array<{ cursor: string; snippet: string; node: { id: string; title: string; }; }>; }; }

export interface InboxVariables { after?: string | null; }
export interface InboxResult { notificationsUnreadCount: number; notifications: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null; }; nodes: Array<{ id: string; kind: string; title: string; body: string; link: string | null; createdAt: string; readAt: string | null; }>; }; }

export interface NotificationOpenVariables { id: string; }
export interface NotificationOpenResult { notificationMarkRead: { unreadCount: number | null; userErrors: Array<{ code: string; }>; }; }

export interface NotificationsReadAllVariables {  }
export interface NotificationsReadAllResult { notificationMarkAllRead: { unreadCount: number | null; userErrors: Array<{ code: string; }>; }; }

export interface NotificationSettingsVariables {  }
export interface NotificationSettingsResult { notificationSettings: { quietFrom: string; quietUntil: string; emailDigest: boolean; wecomUserId: string | null; channels: Array<{ channel: 'EMAIL' | 'SMS' | 'WECOM'; available: boolean; reason: string | null; }>; kinds: Array<{ kind: string; label: string; channels: Array<'EMAIL' | 'SMS' | 'WECOM'>; defaults: Array<'EMAIL' | 'SMS' | 'WECOM'>; }>; }; }

export interface NotificationSettingsUpdateVariables { input: { emailDigest?: boolean | null; kinds?: Array<{ channels: Array<'EMAIL' | 'SMS' | 'WECOM'>; kind: string; }> | null; quietFrom?: string | null; quietUntil?: string | null; wecomUserId?: string | null; }; }
export interface NotificationSettingsUpdateResult { notificationSettingsUpdate: { userErrors: Array<{ code: string; field: Array<string> | null; message: string; }>; }; }

export interface TodoVariables {  }
export interface TodoResult { todo: Array<{ kind: string; title: string; link: string; since: string; dueAt: string | null; overdue: boolean; }>; }

export interface NotificationLiveVariables {  }
export interface NotificationLiveResult { notificationReceived: { id: string; title: string; link: string | null; }; }

export interface OrganizationPageVariables { id: string; }
export interface OrganizationPageResult { organization: { id: string; name: string; level: 'BRANCH' | 'COMMITTEE' | 'GENERAL_BRANCH' | 'GROUP'; ancestors: Array<{ id: string; name: string; }>; children: Array<{ id: string; name: string; level: 'BRANCH' | 'COMMITTEE' | 'GENERAL_BRANCH' | 'GROUP'; }>; portal: { slug: string; title: string; } | null; } | null; news: { totalCount: number; totalCountCapped: boolean; nodes: Array<{ id: string; title: string; publishedAt: string | null; organization: { name: string; } | null; }>; }; }

export interface OrganizationSubtreeVariables { id: string; first: number; after?: string | null; }
export interface OrganizationSubtreeResult { organization: { descendants: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null; }; nodes: Array<{ id: string; name: string; level: 'BRANCH' | 'COMMITTEE' | 'GENERAL_BRANCH' | 'GROUP'; depth: number; sortOrder: number; }>; }; } | null; }

export interface PortalFeedVariables { organizationId: string; }
export interface PortalFeedResult { news: { nodes: Array<{ id: string; title: string; summary: string; publishedAt: string | null; pinnedAt: string | null; organization: { name: string; } | null; }>; }; notices: { nodes: Array<{ id: string; title: string; organization: { name: string; } | null; notice: { endsAt: string; remainingSeconds: number; } | null; }>; }; featured: { nodes: Array<{ id: string; title: string; organization: { name: string; } | null; }>; }; }

export interface PortalBySlugVariables { slug: string; }
export interface PortalBySlugResult { portal: { id: string; slug: string; title: string; enterprise: { slug: string; name: string; shortName: string; }; organization: { id: string; name: string; level: 'BRANCH' | 'COMMITTEE' | 'GENERAL_BRANCH' | 'GROUP'; depth: number; sortOrder: number; }; theme: { primaryColor: string; accentColor: string; font: 'KAI' | 'SANS' | 'SERIF'; radius: number; spacing: 'COMPACT' | 'NORMAL' | 'RELAXED'; logoUrl: string | null; bannerUrl: string | null; navigation: Array<{ label: string; url: string; }>; homeSections: Array<'CASES' | 'DISCLOSURES' | 'FEATURED' | 'LINKS' | 'NEWS' | 'NOTICES' | 'RESOURCES' | 'TREE'>; }; themeDraft: { primaryColor: string; accentColor: string; font: 'KAI' | 'SANS' | 'SERIF'; radius: number; spacing: 'COMPACT' | 'NORMAL' | 'RELAXED'; logoUrl: string | null; bannerUrl: string | null; navigation: Array<{ label: string; url: string; }>; homeSections: Array<'CASES' | 'DISCLOSURES' | 'FEATURED' | 'LINKS' | 'NEWS' | 'NOTICES' | 'RESOURCES' | 'TREE'>; } | null; } | null; }

export interface PortalByHostVariables { host: string; }
export interface PortalByHostResult { portalByHost: { id: string; slug: string; title: string; enterprise: { slug: string; name: string; shortName: string; }; organization: { id: string; name: string; level: 'BRANCH' | 'COMMITTEE' | 'GENERAL_BRANCH' | 'GROUP'; depth: number; sortOrder: number; }; theme: { primaryColor: string; accentColor: string; font: 'KAI' | 'SANS' | 'SERIF'; radius: number; spacing: 'COMPACT' | 'NORMAL' | 'RELAXED'; logoUrl: string | null; bannerUrl: string | null; navigation: Array<{ label: string; url: string; }>; homeSections: Array<'CASES' | 'DISCLOSURES' | 'FEATURED' | 'LINKS' | 'NEWS' | 'NOTICES' | 'RESOURCES' | 'TREE'>; }; themeDraft: { primaryColor: string; accentColor: string; font: 'KAI' | 'SANS' | 'SERIF'; radius: number; spacing: 'COMPACT' | 'NORMAL' | 'RELAXED'; logoUrl: string | null; bannerUrl: string | null; navigation: Array<{ label: string; url: string; }>; homeSections: Array<'CASES' | 'DISCLOSURES' | 'FEATURED' | 'LINKS' | 'NEWS' | 'NOTICES' | 'RESOURCES' | 'TREE'>; } | null; } | null; }

export interface PortalPublishedVariables { slug: string; kinds?: Array<'CASE' | 'DISCLOSURE' | 'NEWS' | 'RESOURCE'> | null; }
export interface PortalPublishedResult { contentPublished: { __typename: string; id?: string; title?: string; publishedAt?: string | null; }; }

export interface PortalThemeSaveVariables { portalId: string; input: { accentColor?: string | null; bannerUrl?: string | null; font?: 'KAI' | 'SANS' | 'SERIF' | null; homeSections?: Array<'CASES' | 'DISCLOSURES' | 'FEATURED' | 'LINKS' | 'NEWS' | 'NOTICES' | 'RESOURCES' | 'TREE'> | null; logoUrl?: string | null; navigation?: Array<{ label: string; url: string; }> | null; primaryColor?: string | null; radius?: number | null; spacing?: 'COMPACT' | 'NORMAL' | 'RELAXED' | null; }; publish: boolean; }
export interface PortalThemeSaveResult { portalThemeSave: { userErrors: Array<{ code: string; field: Array<string> | null; message: string; }>; }; }

export interface SearchVariables { query: string; after?: string | null; }
export interface SearchResult { search: { totalCount: number; totalCountCapped: boolean; pageInfo: { hasNextPage: boolean; endCursor: string | null; }; edges: Array<{ cursor: string; snippet: string; node: { __typename: string; id?: string; title?: string; publishedAt?: string | null; }; }>; }; }

export interface SignInVariables { input: { login: string; password: string; }; }
export interface SignInResult { signIn: { token: string | null; expiresAt: string | null; userErrors: Array<{ code: string; field: Array<string> | null; message: string; }>; }; }

export interface SignOutVariables {  }
export interface SignOutResult { signOut: { userErrors: Array<{ code: string; message: string; }>; }; }

export interface MeVariables {  }
export interface MeResult { notificationsUnreadCount: number; viewer: { kind: 'ANONYMOUS' | 'API_CLIENT' | 'USER'; user: { displayName: string; } | null; memberships: Array<{ role: 'EDITOR' | 'MEMBER' | 'ORG_ADMIN' | 'REVIEWER'; organization: { id: string; name: string; } | null; }>; }; }

export interface SurveysVariables {  }
export interface SurveysResult { surveys: { nodes: Array<{ id: string; title: string; anonymous: boolean; open: boolean; answered: boolean; canManage: boolean; closesAt: string; }>; }; }

export interface SurveyPageVariables { id: string; }
export interface SurveyPageResult { node: { id?: string; title?: string; description?: string; audience?: 'ENTERPRISE' | 'MEMBERS' | 'PUBLIC'; anonymous?: boolean; open?: boolean; answered?: boolean; canManage?: boolean; opensAt?: string; closesAt?: string; resultsPublishedAt?: string | null; formToken?: string | null; questions?: Array<{ id: string; position: number; kind: 'MULTIPLE' | 'RATING' | 'SINGLE' | 'TEXT'; prompt: string; options: Array<string>; required: boolean; }>; results?: { respondents: number; audience: number | null; questions: Array<{ position: number; prompt: string; kind: 'MULTIPLE' | 'RATING' | 'SINGLE' | 'TEXT'; answered: number; options: Array<{ label: string; count: number; }>; ratingAverage: number | null; texts: Array<string>; }>; } | null; } | null; }

export interface SurveyAnswerVariables { id: string; answers: Array<{ choices?: Array<number> | null; questionId: string; rating?: number | null; text?: string | null; }>; formToken?: string | null; }
export interface SurveyAnswerResult { surveyAnswer: { userErrors: Array<{ code: string; message: string; }>; }; }

export interface SurveyPublishResultsVariables { id: string; }
export interface SurveyPublishResultsResult { surveyPublishResults: { userErrors: Array<{ code: string; message: string; }>; }; }

export interface PortalSurveysVariables { slug: string; }
export interface PortalSurveysResult { portalSurveys: Array<{ id: string; title: string; anonymous: boolean; open: boolean; closesAt: string; resultsPublishedAt: string | null; }>; }

export interface SurveyCreateVariables { input: { anonymous: boolean; audience: 'ENTERPRISE' | 'MEMBERS' | 'PUBLIC'; closesAt: string; description?: string | null; opensAt: string; organizationId: string; perAddressLimit?: number | null; questions: Array<{ kind: 'MULTIPLE' | 'RATING' | 'SINGLE' | 'TEXT'; options?: Array<string> | null; prompt: string; required?: boolean | null; }>; resultsToRespondents?: boolean | null; title: string; }; }
export interface SurveyCreateResult { surveyCreate: { survey: { id: string; } | null; userErrors: Array<{ code: string; message: string; }>; }; }

export interface TransferInboxVariables { direction: 'INCOMING' | 'MINE' | 'OUTGOING'; open?: boolean | null; }
export interface TransferInboxResult { transfers: { totalCount: number; nodes: Array<{ id: string; status: 'APPLIED' | 'ARCHIVED' | 'BRANCH_AGREED' | 'EXPIRED' | 'ISSUED' | 'RECEIVED' | 'REJECTED' | 'REPORTED' | 'RETURNED' | 'WITHDRAWN'; statusLabel: string; memberName: string; reach: 'EXTERNAL' | 'INTERNAL' | 'PLATFORM'; destination: string | null; letterNumber: string | null; validUntil: string | null; appliedAt: string; fromOrganization: { name: string; } | null; toOrganization: { name: string; } | null; }>; }; }

export interface TransferPageVariables { id: string; }
export interface TransferPageResult { node: { id?: string; status?: 'APPLIED' | 'ARCHIVED' | 'BRANCH_AGREED' | 'EXPIRED' | 'ISSUED' | 'RECEIVED' | 'REJECTED' | 'REPORTED' | 'RETURNED' | 'WITHDRAWN'; statusLabel?: string; memberName?: string; reach?: 'EXTERNAL' | 'INTERNAL' | 'PLATFORM'; destination?: string | null; letterNumber?: string | null; validUntil?: string | null; appliedAt?: string; fromOrganization?: { name: string; } | null; toOrganization?: { name: string; } | null; reason?: string; issuedOn?: string | null; validityDays?: number | null; duesPaidUpTo?: string | null; receivedOn?: string | null; reportedOn?: string | null; version?: number; availableActions?: Array<'AGREE' | 'ARCHIVE' | 'ISSUE' | 'RECEIVE' | 'REJECT' | 'REPORT' | 'RESUBMIT' | 'RETURN' | 'WITHDRAW'>; sendingCommittee?: { name: string; } | null; member?: { id: string; idNumber: string; } | null; person?: { name: string; sex: 'FEMALE' | 'MALE'; birthDate: string; ethnicity: string | null; category: 'FULL' | 'PROBATIONARY'; joinedOn: string; idNumber: string; }; steps?: Array<{ action: string; status: 'APPLIED' | 'ARCHIVED' | 'BRANCH_AGREED' | 'EXPIRED' | 'ISSUED' | 'RECEIVED' | 'REJECTED' | 'REPORTED' | 'RETURNED' | 'WITHDRAWN'; opinion: string | null; byName: string | null; at: string; }>; } | null; }

export interface MyTransfersVariables {  }
export interface MyTransfersResult { myMemberRecord: { id: string; name: string; organization: { id: string; name: string; enterprise: { id: string; }; } | null; } | null; transfers: { nodes: Array<{ id: string; status: 'APPLIED' | 'ARCHIVED' | 'BRANCH_AGREED' | 'EXPIRED' | 'ISSUED' | 'RECEIVED' | 'REJECTED' | 'REPORTED' | 'RETURNED' | 'WITHDRAWN'; statusLabel: string; memberName: string; reach: 'EXTERNAL' | 'INTERNAL' | 'PLATFORM'; destination: string | null; letterNumber: string | null; validUntil: string | null; appliedAt: string; fromOrganization: { name: string; } | null; toOrganization: { name: string; } | null; }>; }; enterprises: { nodes: Array<{ id: string; name: string; }>; }; }

export interface EnterpriseBranchesVariables { id: string; q?: string | null; }
export interface EnterpriseBranchesResult { node: { rootOrganizations?: Array<{ descendants: { totalCount: number; nodes: Array<{ id: string; name: string; level: 'BRANCH' | 'COMMITTEE' | 'GENERAL_BRANCH' | 'GROUP'; }>; }; }>; } | null; }

export interface TransferApplyVariables { input: { destination?: string | null; memberId: string; reach: 'EXTERNAL' | 'INTERNAL' | 'PLATFORM'; reason: string; toOrganizationId?: string | null; }; }
export interface TransferApplyResult { transferApply: { transfer: { id: string; } | null; userErrors: Array<{ code: string; field: Array<string> | null; message: string; rule: string | null; }>; }; }

export interface TransferActVariables { input: { action: 'AGREE' | 'ARCHIVE' | 'ISSUE' | 'RECEIVE' | 'REJECT' | 'REPORT' | 'RESUBMIT' | 'RETURN' | 'WITHDRAW'; expectedVersion?: number | null; opinion?: string | null; transferId: string; }; }
export interface TransferActResult { transferAct: { transfer: { id: string; } | null; userErrors: Array<{ code: string; field: Array<string> | null; message: string; rule: string | null; }>; }; }

export interface WebhooksVariables { slug: string; }
export interface WebhooksResult { enterprise: { id: string; name: string; } | null; webhookEventTypes: Array<{ type: string; label: string; description: string; }>; }

export interface WebhookEndpointsVariables { enterpriseId: string; }
export interface WebhookEndpointsResult { webhookPrivateNetworkAllowed: boolean | null; webhookEndpoints: Array<{ id: string; url: string; description: string; eventTypes: Array<string>; scope: 'CONTENT_WRITE' | 'INTERNAL_READ' | 'PUBLIC_READ'; disabledAt: string | null; disabledReason: string | null; consecutiveFailures: number; lastSuccessAt: string | null; createdAt: string; deliveries: Array<{ id: string; type: string; state: 'DELIVERED' | 'PENDING'; attempts: number; createdAt: string; deliveredAt: string | null; redelivery: boolean; attemptLog: Array<{ at: string; statusCode: number | null; durationMs: number; excerpt: string; }>; }>; }>; }

export interface WebhookCreateVariables { enterpriseId: string; input: { description?: string | null; eventTypes: Array<string>; scope: 'CONTENT_WRITE' | 'INTERNAL_READ' | 'PUBLIC_READ'; url: string; }; }
export interface WebhookCreateResult { webhookEndpointCreate: { secret: string | null; userErrors: Array<{ code: string; message: string; }>; }; }

export interface WebhookUpdateVariables { id: string; input: { description?: string | null; enabled?: boolean | null; eventTypes?: Array<string> | null; scope?: 'CONTENT_WRITE' | 'INTERNAL_READ' | 'PUBLIC_READ' | null; url?: string | null; }; }
export interface WebhookUpdateResult { webhookEndpointUpdate: { userErrors: Array<{ code: string; message: string; }>; }; }

export interface WebhookRotateVariables { id: string; }
export interface WebhookRotateResult { webhookEndpointRotateSecret: { secret: string | null; userErrors: Array<{ code: string; message: string; }>; }; }

export interface WebhookDeleteVariables { id: string; }
export interface WebhookDeleteResult { webhookEndpointDelete: { userErrors: Array<{ code: string; message: string; }>; }; }

export interface WebhookRedeliverVariables { deliveryId: string; }
export interface WebhookRedeliverResult { webhookRedeliver: { userErrors: Array<{ code: string; message: string; }>; }; }

export interface MyWorkVariables {  }
export interface MyWorkResult { viewer: { memberships: Array<{ role: 'EDITOR' | 'MEMBER' | 'ORG_ADMIN' | 'REVIEWER'; organization: { id: string; name: string; } | null; }>; }; drafts: { nodes: Array<{ id: string; title: string; status: 'ARCHIVED' | 'DRAFT' | 'IN_REVIEW' | 'PUBLISHED' | 'REJECTED'; rejectionReason: string | null; authorName: string | null; createdAt: string; organization: { name: string; } | null; }>; }; rejected: { nodes: Array<{ id: string; title: string; status: 'ARCHIVED' | 'DRAFT' | 'IN_REVIEW' | 'PUBLISHED' | 'REJECTED'; rejectionReason: string | null; authorName: string | null; createdAt: string; organization: { name: string; } | null; }>; }; inReview: { nodes: Array<{ id: string; title: string; status: 'ARCHIVED' | 'DRAFT' | 'IN_REVIEW' | 'PUBLISHED' | 'REJECTED'; rejectionReason: string | null; authorName: string | null; createdAt: string; organization: { name: string; } | null; }>; }; }

export interface ReviewQueueVariables {  }
export interface ReviewQueueResult { news: { totalCount: number; nodes: Array<{ id: string; title: string; status: 'ARCHIVED' | 'DRAFT' | 'IN_REVIEW' | 'PUBLISHED' | 'REJECTED'; rejectionReason: string | null; authorName: string | null; createdAt: string; organization: { name: string; } | null; summary: string; bodyHtml: string; }>; }; }

export interface NewsCreateVariables { input: { bodyHtml?: string | null; coverId?: string | null; organizationId: string; summary?: string | null; tags?: Array<string> | null; title: string; visibility?: 'ENTERPRISE' | 'ORGANIZATION' | 'OWN_ORGANIZATION' | 'PARTNERS' | 'PLATFORM' | 'PUBLIC' | 'TARGETED' | null; }; }
export interface NewsCreateResult { newsCreate: { newsArticle: { id: string; } | null; userErrors: Array<{ code: string; field: Array<string> | null; message: string; }>; }; }

export interface NewsSubmitVariables { id: string; }
export interface NewsSubmitResult { newsSubmit: { userErrors: Array<{ code: string; message: string; }>; }; }

export interface NewsApproveVariables { id: string; }
export interface NewsApproveResult { newsApprove: { userErrors: Array<{ code: string; message: string; }>; }; }

export interface NewsRejectVariables { id: string; reason: string; }
export interface NewsRejectResult { newsReject: { userErrors: Array<{ code: string; field: Array<string> | null; message: string; }>; }; }

export interface IncomingRequestsVariables {  }
export interface IncomingRequestsResult { resourceRequests: { nodes: Array<{ id: string; purpose: string; createdAt: string; organization: { name: string; } | null; resource: { id: string; title: string; } | null; }>; }; }

export interface PartnershipRequestsVariables { enterprise: string; }
export interface PartnershipRequestsResult { enterprise: { partnerships: Array<{ id: string; message: string; createdAt: string; proposer: { slug: string; name: string; }; partner: { slug: string; name: string; }; }>; } | null; }

export interface ResourceRequestDecideVariables { id: string; approve: boolean; reason: string; }
export interface ResourceRequestDecideResult { approve?: { userErrors: Array<{ code: string; message: string; }>; }; reject?: { userErrors: Array<{ code: string; message: string; }>; }; }

export interface PartnershipDecideVariables { id: string; accept: boolean; reason?: string | null; }
export interface PartnershipDecideResult { accept?: { userErrors: Array<{ code: string; message: string; }>; }; decline?: { userErrors: Array<{ code: string; message: string; }>; }; }

export interface ReviewQueueLiveVariables {  }
export interface ReviewQueueLiveResult { reviewQueue: { status: 'ARCHIVED' | 'DRAFT' | 'IN_REVIEW' | 'PUBLISHED' | 'REJECTED'; newsArticle: { id: string; title: string; }; }; }

export interface DisclosureQueueVariables {  }
export interface DisclosureQueueResult { disclosures: { nodes: Array<{ id: string; title: string; step: 'APPROVED' | 'PROPOSED' | 'REVIEWED'; authorName: string | null; createdAt: string; organization: { name: string; } | null; }>; }; }

export interface RecommendationsReceivedVariables { organizationId: string; }
export interface RecommendationsReceivedResult { recommendations: { nodes: Array<{ id: string; note: string; recommendedByName: string | null; createdAt: string; newsArticle: { id: string; title: string; organization: { name: string; } | null; } | null; }>; }; }

export interface DisclosureReviewVariables { id: string; cleared: boolean; conclusion: string; }
export interface DisclosureReviewResult { disclosureReview: { userErrors: Array<{ code: string; field: Array<string> | null; message: string; }>; }; }

export interface DisclosureApproveVariables { id: string; }
export interface DisclosureApproveResult { disclosureApprove: { userErrors: Array<{ code: string; message: string; }>; }; }

export interface RecommendationDecideVariables { id: string; accept: boolean; reason?: string | null; }
export interface RecommendationDecideResult { accept?: { userErrors: Array<{ code: string; message: string; }>; }; decline?: { userErrors: Array<{ code: string; message: string; }>; }; }

/** Every operation by name: what it takes and what it answers. */
export interface Operations { ApiKeys: { variables: ApiKeysVariables; result: ApiKeysResult }; ApiKeyCreate: { variables: ApiKeyCreateVariables; result: ApiKeyCreateResult }; ApiKeyRotate: { variables: ApiKeyRotateVariables; result: ApiKeyRotateResult }; ApiKeyRevoke: { variables: ApiKeyRevokeVariables; result: ApiKeyRevokeResult }; AppraisalRounds: { variables: AppraisalRoundsVariables; result: AppraisalRoundsResult }; AppraisalPage: { variables: AppraisalPageVariables; result: AppraisalPageResult }; AppraisalOpen: { variables: AppraisalOpenVariables; result: AppraisalOpenResult }; AppraisalSelfAssess: { variables: AppraisalSelfAssessVariables; result: AppraisalSelfAssessResult }; AppraisalComment: { variables: AppraisalCommentVariables; result: AppraisalCommentResult }; AppraisalBallotCast: { variables: AppraisalBallotCastVariables; result: AppraisalBallotCastResult }; AppraisalPropose: { variables: AppraisalProposeVariables; result: AppraisalProposeResult }; AppraisalDecide: { variables: AppraisalDecideVariables; result: AppraisalDecideResult }; AppraisalAdvance: { variables: AppraisalAdvanceVariables; result: AppraisalAdvanceResult }; Assessments: { variables: AssessmentsVariables; result: AssessmentsResult }; AssessmentPage: { variables: AssessmentPageVariables; result: AssessmentPageResult }; AssessmentSchemeCreate: { variables: AssessmentSchemeCreateVariables; result: AssessmentSchemeCreateResult }; AssessmentEvidenceSubmit: { variables: AssessmentEvidenceSubmitVariables; result: AssessmentEvidenceSubmitResult }; AssessmentEvidenceScore: { variables: AssessmentEvidenceScoreVariables; result: AssessmentEvidenceScoreResult }; AssessmentDiagnose: { variables: AssessmentDiagnoseVariables; result: AssessmentDiagnoseResult }; AssessmentClose: { variables: AssessmentCloseVariables; result: AssessmentCloseResult }; ImprovementActionUpdate: { variables: ImprovementActionUpdateVariables; result: ImprovementActionUpdateResult }; WorkCalendarPage: { variables: WorkCalendarPageVariables; result: WorkCalendarPageResult }; WorkCalendarSet: { variables: WorkCalendarSetVariables; result: WorkCalendarSetResult }; MyCard: { variables: MyCardVariables; result: MyCardResult }; CardVerify: { variables: CardVerifyVariables; result: CardVerifyResult }; Dashboard: { variables: DashboardVariables; result: DashboardResult }; MeetingSignIns: { variables: MeetingSignInsVariables; result: MeetingSignInsResult }; SignInsToday: { variables: SignInsTodayVariables; result: SignInsTodayResult }; DevelopmentBoard: { variables: DevelopmentBoardVariables; result: DevelopmentBoardResult }; ApplicantPage: { variables: ApplicantPageVariables; result: ApplicantPageResult }; BranchFullMembers: { variables: BranchFullMembersVariables; result: BranchFullMembersResult }; ApplicantCreate: { variables: ApplicantCreateVariables; result: ApplicantCreateResult }; DevelopmentRecordStep: { variables: DevelopmentRecordStepVariables; result: DevelopmentRecordStepResult }; Disclosures: { variables: DisclosuresVariables; result: DisclosuresResult }; Disclosure: { variables: DisclosureVariables; result: DisclosureResult }; DisclosureFeedback: { variables: DisclosureFeedbackVariables; result: DisclosureFeedbackResult }; DisclosureConfirmRead: { variables: DisclosureConfirmReadVariables; result: DisclosureConfirmReadResult }; DuesMonthPage: { variables: DuesMonthPageVariables; result: DuesMonthPageResult }; DuesMonthOpen: { variables: DuesMonthOpenVariables; result: DuesMonthOpenResult }; DuesMarkPaid: { variables: DuesMarkPaidVariables; result: DuesMarkPaidResult }; Cases: { variables: CasesVariables; result: CasesResult }; ExperienceCase: { variables: ExperienceCaseVariables; result: ExperienceCaseResult }; Resources: { variables: ResourcesVariables; result: ResourcesResult }; SharedResource: { variables: SharedResourceVariables; result: SharedResourceResult }; CaseLike: { variables: CaseLikeVariables; result: CaseLikeResult }; CaseUnlike: { variables: CaseUnlikeVariables; result: CaseUnlikeResult }; CaseComment: { variables: CaseCommentVariables; result: CaseCommentResult }; ResourceRequestAccess: { variables: ResourceRequestAccessVariables; result: ResourceRequestAccessResult }; MyRequests: { variables: MyRequestsVariables; result: MyRequestsResult }; MemberHandbook: { variables: MemberHandbookVariables; result: MemberHandbookResult }; Suggestions: { variables: SuggestionsVariables; result: SuggestionsResult }; SuggestionMake: { variables: SuggestionMakeVariables; result: SuggestionMakeResult }; SuggestionAnswer: { variables: SuggestionAnswerVariables; result: SuggestionAnswerResult }; HelpGivenRecord: { variables: HelpGivenRecordVariables; result: HelpGivenRecordResult }; HomeSections: { variables: HomeSectionsVariables; result: HomeSectionsResult }; Learning: { variables: LearningVariables; result: LearningResult }; AttemptPage: { variables: AttemptPageVariables; result: AttemptPageResult }; ExamPage: { variables: ExamPageVariables; result: ExamPageResult }; WrongBook: { variables: WrongBookVariables; result: WrongBookResult }; LearningAdmin: { variables: LearningAdminVariables; result: LearningAdminResult }; AttemptStart: { variables: AttemptStartVariables; result: AttemptStartResult }; PracticeStart: { variables: PracticeStartVariables; result: PracticeStartResult }; AttemptAnswer: { variables: AttemptAnswerVariables; result: AttemptAnswerResult }; AttemptSubmit: { variables: AttemptSubmitVariables; result: AttemptSubmitResult }; QuestionCreate: { variables: QuestionCreateVariables; result: QuestionCreateResult }; ExamCreate: { variables: ExamCreateVariables; result: ExamCreateResult }; ExamPublish: { variables: ExamPublishVariables; result: ExamPublishResult }; CoursePage: { variables: CoursePageVariables; result: CoursePageResult }; StudyHeartbeat: { variables: StudyHeartbeatVariables; result: StudyHeartbeatResult }; CoursePublish: { variables: CoursePublishVariables; result: CoursePublishResult }; CourseCreate: { variables: CourseCreateVariables; result: CourseCreateResult }; LearningMapPublish: { variables: LearningMapPublishVariables; result: LearningMapPublishResult }; Leaderboards: { variables: LeaderboardsVariables; result: LeaderboardsResult }; LearningProfileSet: { variables: LearningProfileSetVariables; result: LearningProfileSetResult }; LearningReport: { variables: LearningReportVariables; result: LearningReportResult }; PortalMailbox: { variables: PortalMailboxVariables; result: PortalMailboxResult }; SuggestionSend: { variables: SuggestionSendVariables; result: SuggestionSendResult }; Mailbox: { variables: MailboxVariables; result: MailboxResult }; SuggestionHandle: { variables: SuggestionHandleVariables; result: SuggestionHandleResult }; MeetingList: { variables: MeetingListVariables; result: MeetingListResult }; MeetingPage: { variables: MeetingPageVariables; result: MeetingPageResult }; MeetingPlan: { variables: MeetingPlanVariables; result: MeetingPlanResult }; MeetingSignIn: { variables: MeetingSignInVariables; result: MeetingSignInResult }; MeetingSignInByCard: { variables: MeetingSignInByCardVariables; result: MeetingSignInByCardResult }; MeetingMarkAttendance: { variables: MeetingMarkAttendanceVariables; result: MeetingMarkAttendanceResult }; MeetingLeaveRequest: { variables: MeetingLeaveRequestVariables; result: MeetingLeaveRequestResult }; MeetingLeaveDecide: { variables: MeetingLeaveDecideVariables; result: MeetingLeaveDecideResult }; MeetingMotionAdd: { variables: MeetingMotionAddVariables; result: MeetingMotionAddResult }; MeetingRecord: { variables: MeetingRecordVariables; result: MeetingRecordResult }; MeetingSubmit: { variables: MeetingSubmitVariables; result: MeetingSubmitResult }; MeetingReview: { variables: MeetingReviewVariables; result: MeetingReviewResult }; MeetingCorrect: { variables: MeetingCorrectVariables; result: MeetingCorrectResult }; MeetingCancel: { variables: MeetingCancelVariables; result: MeetingCancelResult }; OrganizationLife: { variables: OrganizationLifeVariables; result: OrganizationLifeResult }; BranchRoll: { variables: BranchRollVariables; result: BranchRollResult }; HeartTalkRecord: { variables: HeartTalkRecordVariables; result: HeartTalkRecordResult }; LifeExemptionGrant: { variables: LifeExemptionGrantVariables; result: LifeExemptionGrantResult }; MeetingPeople: { variables: MeetingPeopleVariables; result: MeetingPeopleResult }; MemberList: { variables: MemberListVariables; result: MemberListResult }; MemberRecord: { variables: MemberRecordVariables; result: MemberRecordResult }; MyMemberRecord: { variables: MyMemberRecordVariables; result: MyMemberRecordResult }; BranchCommittee: { variables: BranchCommitteeVariables; result: BranchCommitteeResult }; MemberOrganizations: { variables: MemberOrganizationsVariables; result: MemberOrganizationsResult }; MemberPhotoSet: { variables: MemberPhotoSetVariables; result: MemberPhotoSetResult }; MobileRegister: { variables: MobileRegisterVariables; result: MobileRegisterResult }; MobilePage: { variables: MobilePageVariables; result: MobilePageResult }; MobileDecide: { variables: MobileDecideVariables; result: MobileDecideResult }; MobileArrive: { variables: MobileArriveVariables; result: MobileArriveResult }; MobileContactAdd: { variables: MobileContactAddVariables; result: MobileContactAddResult }; MobileReturn: { variables: MobileReturnVariables; result: MobileReturnResult }; MobileClusters: { variables: MobileClustersVariables; result: MobileClustersResult }; MobileTemporaryBranch: { variables: MobileTemporaryBranchVariables; result: MobileTemporaryBranchResult }; NewsArticle: { variables: NewsArticleVariables; result: NewsArticleResult }; NewsList: { variables: NewsListVariables; result: NewsListResult }; NewsSearch: { variables: NewsSearchVariables; result: NewsSearchResult }; Inbox: { variables: InboxVariables; result: InboxResult }; NotificationOpen: { variables: NotificationOpenVariables; result: NotificationOpenResult }; NotificationsReadAll: { variables: NotificationsReadAllVariables; result: NotificationsReadAllResult }; NotificationSettings: { variables: NotificationSettingsVariables; result: NotificationSettingsResult }; NotificationSettingsUpdate: { variables: NotificationSettingsUpdateVariables; result: NotificationSettingsUpdateResult }; Todo: { variables: TodoVariables; result: TodoResult }; NotificationLive: { variables: NotificationLiveVariables; result: NotificationLiveResult }; OrganizationPage: { variables: OrganizationPageVariables; result: OrganizationPageResult }; OrganizationSubtree: { variables: OrganizationSubtreeVariables; result: OrganizationSubtreeResult }; PortalFeed: { variables: PortalFeedVariables; result: PortalFeedResult }; PortalBySlug: { variables: PortalBySlugVariables; result: PortalBySlugResult }; PortalByHost: { variables: PortalByHostVariables; result: PortalByHostResult }; PortalPublished: { variables: PortalPublishedVariables; result: PortalPublishedResult }; PortalThemeSave: { variables: PortalThemeSaveVariables; result: PortalThemeSaveResult }; Search: { variables: SearchVariables; result: SearchResult }; SignIn: { variables: SignInVariables; result: SignInResult }; SignOut: { variables: SignOutVariables; result: SignOutResult }; Me: { variables: MeVariables; result: MeResult }; Surveys: { variables: SurveysVariables; result: SurveysResult }; SurveyPage: { variables: SurveyPageVariables; result: SurveyPageResult }; SurveyAnswer: { variables: SurveyAnswerVariables; result: SurveyAnswerResult }; SurveyPublishResults: { variables: SurveyPublishResultsVariables; result: SurveyPublishResultsResult }; PortalSurveys: { variables: PortalSurveysVariables; result: PortalSurveysResult }; SurveyCreate: { variables: SurveyCreateVariables; result: SurveyCreateResult }; TransferInbox: { variables: TransferInboxVariables; result: TransferInboxResult }; TransferPage: { variables: TransferPageVariables; result: TransferPageResult }; MyTransfers: { variables: MyTransfersVariables; result: MyTransfersResult }; EnterpriseBranches: { variables: EnterpriseBranchesVariables; result: EnterpriseBranchesResult }; TransferApply: { variables: TransferApplyVariables; result: TransferApplyResult }; TransferAct: { variables: TransferActVariables; result: TransferActResult }; Webhooks: { variables: WebhooksVariables; result: WebhooksResult }; WebhookEndpoints: { variables: WebhookEndpointsVariables; result: WebhookEndpointsResult }; WebhookCreate: { variables: WebhookCreateVariables; result: WebhookCreateResult }; WebhookUpdate: { variables: WebhookUpdateVariables; result: WebhookUpdateResult }; WebhookRotate: { variables: WebhookRotateVariables; result: WebhookRotateResult }; WebhookDelete: { variables: WebhookDeleteVariables; result: WebhookDeleteResult }; WebhookRedeliver: { variables: WebhookRedeliverVariables; result: WebhookRedeliverResult }; MyWork: { variables: MyWorkVariables; result: MyWorkResult }; ReviewQueue: { variables: ReviewQueueVariables; result: ReviewQueueResult }; NewsCreate: { variables: NewsCreateVariables; result: NewsCreateResult }; NewsSubmit: { variables: NewsSubmitVariables; result: NewsSubmitResult }; NewsApprove: { variables: NewsApproveVariables; result: NewsApproveResult }; NewsReject: { variables: NewsRejectVariables; result: NewsRejectResult }; IncomingRequests: { variables: IncomingRequestsVariables; result: IncomingRequestsResult }; PartnershipRequests: { variables: PartnershipRequestsVariables; result: PartnershipRequestsResult }; ResourceRequestDecide: { variables: ResourceRequestDecideVariables; result: ResourceRequestDecideResult }; PartnershipDecide: { variables: PartnershipDecideVariables; result: PartnershipDecideResult }; ReviewQueueLive: { variables: ReviewQueueLiveVariables; result: ReviewQueueLiveResult }; DisclosureQueue: { variables: DisclosureQueueVariables; result: DisclosureQueueResult }; RecommendationsReceived: { variables: RecommendationsReceivedVariables; result: RecommendationsReceivedResult }; DisclosureReview: { variables: DisclosureReviewVariables; result: DisclosureReviewResult }; DisclosureApprove: { variables: DisclosureApproveVariables; result: DisclosureApproveResult }; RecommendationDecide: { variables: RecommendationDecideVariables; result: RecommendationDecideResult }; }
