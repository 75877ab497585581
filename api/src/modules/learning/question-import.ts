/**
 * Questions from a spreadsheet (.xlsx, exceljs): read and checked row by row — the dry run, kept
 * as an import with its report — then committed in one transaction (the rows that passed; once).
 * Columns by their Chinese headers: 题型, 题干, 选项A … 选项H, 答案, 维度, 考点, 难度, 解析, 出处.
 */
import ExcelJS from 'exceljs';
import type { EntityManager } from '@mikro-orm/postgresql';
import { LockMode } from '@mikro-orm/core';
import { assertCan, can, requireUser, type Actor } from '../../core/authz/check.js';
import { AppError, badInput, ErrorCode } from '../../core/graphql/errors.js';
import { cellText } from '../members/member-sheet.js';
import { Organization } from '../organizations/organization.entity.js';
import { Question } from './learning.entity.js';
import { QuestionImport, type QuestionImportRow } from './question-import.entity.js';
import { checkQuestion, type QuestionInput } from './question.service.js';
import { LETTERS, type Difficulty, type Dimension, type QuestionType } from './question-types.js';

export const MAX_QUESTION_IMPORT_BYTES = 5 * 1024 * 1024;
const MAX_ROWS = 2000;

const TYPES: Record<string, QuestionType> = { 单选题: 'SINGLE', 单选: 'SINGLE', 多选题: 'MULTIPLE', 多选: 'MULTIPLE', 判断题: 'TRUE_FALSE', 判断: 'TRUE_FALSE', 填空题: 'FILL', 填空: 'FILL' };
const DIMENSIONS: Record<string, Dimension> = { 政治素养: 'POLITICAL', 业务水平: 'PROFESSIONAL', 职业道德: 'ETHICS' };
const DIFFICULTY: Record<string, Difficulty> = { 易: 'EASY', 容易: 'EASY', 简单: 'EASY', 中: 'MEDIUM', 中等: 'MEDIUM', 难: 'HARD', 困难: 'HARD' };

/** The key as people write it: AC or A、C; 对/错, 正确/错误, √/×; accepted answers split by | or ；. */
function keyFrom(type: QuestionType, raw: string): string[] {
  if (type === 'FILL') return raw.split(/[|｜;；]/).map((a) => a.trim()).filter(Boolean);
  if (type === 'TRUE_FALSE') return /^(对|正确|√|是|T|TRUE)$/i.test(raw.trim()) ? ['TRUE'] : /^(错|错误|×|否|F|FALSE)$/i.test(raw.trim()) ? ['FALSE'] : [raw.trim()];
  return [...raw.toUpperCase().replace(/[^A-H]/g, '')];
}

export async function readQuestionSheet(file: Buffer): Promise<{ rows: QuestionImportRow[]; questions: Omit<QuestionInput, 'organizationId'>[] }> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw badInput('Not an .xlsx spreadsheet.', 'file');
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw badInput('The spreadsheet has no sheet.', 'file');
  const headers = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => headers.set(cellText(cell.value).replace(/\s/g, ''), col));
  const col = (...names: string[]) => names.map((n) => headers.get(n)).find((c) => c !== undefined);
  if (!col('题型') || !col('题干') || !col('答案')) throw badInput('The first row names the columns: 题型, 题干, 选项A …, 答案, 维度, 考点.', 'file');
  if (sheet.rowCount - 1 > MAX_ROWS) throw badInput(`At most ${MAX_ROWS} questions at once.`, 'file');
  const rows: QuestionImportRow[] = [];
  const questions: Omit<QuestionInput, 'organizationId'>[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const text = (c: number | undefined) => (c ? cellText(row.getCell(c).value).trim() : '');
    const stem = text(col('题干'));
    if (!stem && !text(col('题型'))) continue; // a blank row
    const type = TYPES[text(col('题型'))];
    const dimension = DIMENSIONS[text(col('维度'))] ?? 'POLITICAL';
    try {
      if (!type) throw badInput(`题型须为单选题、多选题、判断题或填空题（第${r}行）。`);
      const options = LETTERS.map((l) => text(col(`选项${l}`, l))).filter(Boolean);
      const clean = checkQuestion({
        type,
        stem,
        options,
        answer: keyFrom(type, text(col('答案'))),
        dimension,
        topic: text(col('考点')) || '未分类',
        difficulty: DIFFICULTY[text(col('难度'))] ?? 'MEDIUM',
        explanation: text(col('解析')) || null,
        source: text(col('出处', '来源')) || null,
      });
      questions.push(clean);
      rows.push({ row: r, stem: stem.slice(0, 60), ok: true, reason: null });
    } catch (error) {
      rows.push({ row: r, stem: stem.slice(0, 60), ok: false, reason: (error as Error).message });
    }
  }
  return { rows, questions };
}

export async function stageQuestionImport(em: EntityManager, actor: Actor, input: { organizationId: number; fileName?: string; file: Buffer }): Promise<QuestionImport> {
  const me = requireUser(actor.viewer);
  if (input.file.length === 0) throw badInput('The file is empty.', 'file');
  return em.transactional(async (tx) => {
    await assertCan(tx, actor, 'manageLearning', Organization, 'Organization', input.organizationId, 'The organisation');
    const org = await tx.findOneOrFail(Organization, input.organizationId);
    const { rows, questions } = await readQuestionSheet(input.file);
    const staged = tx.create(QuestionImport, {
      enterprise: org.enterprise.id,
      organization: org,
      fileName: decodeURIComponent(input.fileName ?? 'questions.xlsx').replace(/[\\/\u0000-\u001f]/g, '').slice(0, 255) || 'questions.xlsx',
      questions,
      rows,
      createdBy: me.userId,
    } as never) as QuestionImport;
    await tx.flush();
    return staged;
  });
}

async function loadImport(tx: EntityManager, actor: Actor, id: number, lock: boolean): Promise<QuestionImport> {
  const found = await tx.findOne(QuestionImport, id, lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
  if (!found || !(await can(tx, actor, 'manageLearning', Organization, 'Organization', found.organization.id))) throw new AppError(ErrorCode.NOT_FOUND, 'The import does not exist.');
  return found;
}

export const readQuestionImport = (em: EntityManager, actor: Actor, id: number) => loadImport(em, actor, id, false);

/** Writes the rows that passed, in one transaction; committing again answers the first commit. */
export async function commitQuestionImport(em: EntityManager, actor: Actor, id: number): Promise<QuestionImport> {
  const me = requireUser(actor.viewer);
  return em.transactional(async (tx) => {
    const staged = await loadImport(tx, actor, id, true);
    if (staged.committedAt) return staged;
    for (const q of staged.questions) tx.create(Question, { ...q, enterprise: staged.enterprise.id, organization: staged.organization.id, createdBy: me.userId } as never);
    staged.committedAt = new Date();
    staged.created = staged.questions.length;
    await tx.flush();
    return staged;
  });
}
