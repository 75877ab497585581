/** The words of online learning (DOMAIN-RULES §8): question types, dimensions, exam and attempt states. */

export const QuestionType = { SINGLE: 'SINGLE', MULTIPLE: 'MULTIPLE', TRUE_FALSE: 'TRUE_FALSE', FILL: 'FILL' } as const;
export type QuestionType = (typeof QuestionType)[keyof typeof QuestionType];
export const QUESTION_TYPE_LABEL: Record<QuestionType, string> = { SINGLE: '单选题', MULTIPLE: '多选题', TRUE_FALSE: '判断题', FILL: '填空题' };

/** 学习地图 dimensions (project-defined, §8 a). */
export const Dimension = { POLITICAL: 'POLITICAL', PROFESSIONAL: 'PROFESSIONAL', ETHICS: 'ETHICS' } as const;
export type Dimension = (typeof Dimension)[keyof typeof Dimension];
export const DIMENSION_LABEL: Record<Dimension, string> = { POLITICAL: '政治素养', PROFESSIONAL: '业务水平', ETHICS: '职业道德' };

export const Difficulty = { EASY: 'EASY', MEDIUM: 'MEDIUM', HARD: 'HARD' } as const;
export type Difficulty = (typeof Difficulty)[keyof typeof Difficulty];

/** Exam: DRAFT → PUBLISHED → CLOSED (by its window), or WITHDRAWN (§8 c). */
export const ExamStatus = { DRAFT: 'DRAFT', PUBLISHED: 'PUBLISHED', WITHDRAWN: 'WITHDRAWN' } as const;
export type ExamStatus = (typeof ExamStatus)[keyof typeof ExamStatus];

/** Attempt: STARTED → SUBMITTED (graded at once), or EXPIRED (submitted by the server at its deadline). */
export const AttemptStatus = { STARTED: 'STARTED', SUBMITTED: 'SUBMITTED', EXPIRED: 'EXPIRED' } as const;
export type AttemptStatus = (typeof AttemptStatus)[keyof typeof AttemptStatus];

export const AttemptKind = { EXAM: 'EXAM', PRACTICE: 'PRACTICE' } as const;
export type AttemptKind = (typeof AttemptKind)[keyof typeof AttemptKind];

/** Option letters of a choice question, in order. */
export const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'] as const;

export const SOURCE = 'DOMAIN-RULES §8（随机抽题、自动评分、错题本；试卷抽定后不再变化）';

/** One draw rule of an exam: so many questions of a type (and a dimension), so many points each. */
export interface DrawRule {
  type: QuestionType;
  dimension: Dimension | null;
  count: number;
  /** Points per question. */
  points: number;
}
