/**
 * The member spreadsheet (党员花名册) as branches keep it: the columns, the header words people use
 * for them, and cell values read the way Excel stores them (dates as dates, serial numbers or text;
 * ID numbers that Excel turned into numbers are refused, since their last digits are lost).
 */
import type { CellValue } from 'exceljs';

export interface SheetColumn {
  key: 'name' | 'sex' | 'ethnicity' | 'idNumber' | 'education' | 'phone' | 'address' | 'employer' | 'position' | 'joinedOn' | 'confirmedOn' | 'category' | 'branch' | 'labels' | 'status';
  header: string;
  aliases: string[];
  required?: boolean;
  /** Written by the export only. */
  exportOnly?: boolean;
}

export const COLUMNS: readonly SheetColumn[] = [
  { key: 'name', header: '姓名', aliases: ['党员姓名'], required: true },
  { key: 'sex', header: '性别', aliases: [] },
  { key: 'ethnicity', header: '民族', aliases: [] },
  { key: 'idNumber', header: '公民身份号码', aliases: ['身份证号', '身份证号码', '身份证'], required: true },
  { key: 'education', header: '学历', aliases: ['文化程度'] },
  { key: 'phone', header: '手机号码', aliases: ['手机', '手机号', '联系电话', '联系方式'] },
  { key: 'address', header: '家庭住址', aliases: ['住址', '现居住地', '居住地址'] },
  { key: 'employer', header: '工作单位', aliases: ['单位'] },
  { key: 'position', header: '职务', aliases: ['岗位', '职务/岗位', '工作岗位'] },
  { key: 'joinedOn', header: '入党日期', aliases: ['入党时间'], required: true },
  { key: 'confirmedOn', header: '转正日期', aliases: ['转正时间'] },
  { key: 'category', header: '党员类别', aliases: ['类别', '人员类别'], required: true },
  { key: 'branch', header: '所在党支部', aliases: ['所在支部', '党支部', '所在组织', '所在党组织'] },
  { key: 'labels', header: '标签', aliases: ['党员标签'] },
  { key: 'status', header: '党籍状态', aliases: [], exportOnly: true },
];

const HEADER_WORDS = new Map<string, SheetColumn>(COLUMNS.filter((c) => !c.exportOnly).flatMap((c) => [c.header, ...c.aliases].map((w) => [w, c] as const)));

/** The column a header cell names, if any (spaces and a trailing * for "required" ignored). */
export const columnFor = (header: string): SheetColumn | undefined => HEADER_WORDS.get(header.replace(/[\s*＊]/g, ''));

export const CATEGORY_WORDS: Record<string, 'FULL' | 'PROBATIONARY'> = { 正式党员: 'FULL', 正式: 'FULL', 预备党员: 'PROBATIONARY', 预备: 'PROBATIONARY' };
export const SEX_WORDS: Record<string, 'MALE' | 'FEMALE'> = { 男: 'MALE', 女: 'FEMALE' };

/** A cell as text: rich text joined, formulas by their result, hyperlinks by their text. */
export function cellText(value: CellValue): string {
  if (value == null) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('').trim();
    if ('result' in value) return cellText(value.result as CellValue);
    if ('text' in value) return String(value.text).trim();
  }
  return '';
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A date cell as YYYY-MM-DD: an Excel date, a serial number, or text such as 2012-07-01,
 * 2012/7/1, 2012.07.01, 2012年7月1日 or 20120701. Null when it is none of these.
 */
export function cellDate(value: CellValue): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value === 'number') {
    if (value > 20_000 && value < 80_000) return new Date(Math.round((value - 25_569) * 86_400_000)).toISOString().slice(0, 10);
    if (value > 19_000_000 && value < 21_000_000) return cellDate(String(value));
    return null;
  }
  const text = cellText(value);
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  return m ? `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}` : null;
}
