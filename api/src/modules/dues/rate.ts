/**
 * How much a member owes a month (DOMAIN-RULES §7, 中组发〔2008〕3号). Money is in fen (分), as
 * integers. The rate applies to the whole base — not in slices like income tax — so 3,000.01
 * yuan pays 1% (30.00), not 0.5% on the first 3,000 and 1% on the cent above.
 */

/** What the base is (第一、三、四、五、六条). */
export const DuesBaseKind = {
  WAGE: 'WAGE', // 在职：税后月工资（含基本工资、岗位工资、奖金）
  ANNUAL_SALARY: 'ANNUAL_SALARY', // 年薪制：当月所得
  SELF_EMPLOYED: 'SELF_EMPLOYED', // 个体：上季度月平均纯收入
  PENSION: 'PENSION', // 离退休：养老金
  FARMER: 'FARMER', // 农民党员：每月 0.2–1 元
  FIXED_MINIMUM: 'FIXED_MINIMUM', // 学生、失业、领取救济或低保：每月 0.2 元
} as const;
export type DuesBaseKind = (typeof DuesBaseKind)[keyof typeof DuesBaseKind];

export interface DuesRate {
  /** The rate in basis points (50 = 0.5%), or null for a fixed amount. */
  rateBp: number | null;
  dueFen: number;
  /** Which rule gave it, for the member's statement. */
  rule: string;
}

const IN_SERVICE: [ceilingFen: number, rateBp: number][] = [
  [300_000, 50],
  [500_000, 100],
  [1_000_000, 150],
  [Number.POSITIVE_INFINITY, 200],
];
const RETIRED: [ceilingFen: number, rateBp: number][] = [
  [500_000, 50],
  [Number.POSITIVE_INFINITY, 100],
];

/** fen × basis points, rounded half up to the fen. */
const applyRate = (baseFen: number, rateBp: number) => Math.floor((baseFen * rateBp + 5_000) / 10_000);

const bracket = (table: [number, number][], baseFen: number) => table.find(([ceiling]) => baseFen <= ceiling)![1];

export function duesFor(kind: DuesBaseKind, amountFen: number): DuesRate {
  if (!Number.isInteger(amountFen) || amountFen < 0) throw new RangeError('a base in whole fen, not negative');
  switch (kind) {
    case 'WAGE':
    case 'ANNUAL_SALARY':
    case 'SELF_EMPLOYED': {
      const rateBp = bracket(IN_SERVICE, amountFen);
      return { rateBp, dueFen: applyRate(amountFen, rateBp), rule: 'DOMAIN-RULES §7, 党费规定（中组发〔2008〕3号）第二条' };
    }
    case 'PENSION': {
      const rateBp = bracket(RETIRED, amountFen);
      return { rateBp, dueFen: applyRate(amountFen, rateBp), rule: 'DOMAIN-RULES §7, 党费规定（中组发〔2008〕3号）第五条' };
    }
    case 'FARMER':
      // The amount itself is the dues: 0.2 to 1 yuan a month.
      if (amountFen < 20 || amountFen > 100) throw new RangeError('农民党员 pay 0.2 to 1 yuan a month');
      return { rateBp: null, dueFen: amountFen, rule: 'DOMAIN-RULES §7, 党费规定（中组发〔2008〕3号）第六条' };
    case 'FIXED_MINIMUM':
      return { rateBp: null, dueFen: 20, rule: 'DOMAIN-RULES §7, 党费规定（中组发〔2008〕3号）第六条' };
  }
}
