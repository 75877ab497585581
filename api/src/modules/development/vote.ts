/**
 * The 支部大会 vote on admitting or confirming a member (ZB 11; DOMAIN-RULES §3 step 15, §6):
 * more than half of the members with a vote (应到) present, and yes votes — written opinions sent
 * before the meeting included — more than half of 应到. Computed from the figures, never typed.
 */
import { badInput } from '../../core/graphql/errors.js';

export interface VoteFigures {
  /** 应到: members with a vote (full members), less those the higher organisation let be excluded. */
  expected: number;
  /** 实到 */
  present: number;
  yes: number;
  no: number;
  abstain: number;
  /** Written opinions of members not present (they count toward the result). */
  writtenYes: number;
  writtenNo: number;
  writtenAbstain: number;
}

export interface VoteResult {
  quorum: boolean;
  majority: boolean;
  passed: boolean;
  yesTotal: number;
}

/** Checks that the figures add up, naming the field that does not. */
export function checkFigures(v: VoteFigures, rollSize: number): void {
  for (const [field, n] of Object.entries(v)) if (!Number.isInteger(n) || n < 0 || n > 100_000) throw badInput('A count of people, 0 or more.', `vote.${field}`);
  if (v.expected < 1) throw badInput('应到 is at least one member with a vote.', 'vote.expected');
  if (v.expected > rollSize) throw badInput(`应到 cannot exceed the ${rollSize} full members on the branch’s roll.`, 'vote.expected');
  if (v.present > v.expected) throw badInput('实到 cannot exceed 应到.', 'vote.present');
  if (v.yes + v.no + v.abstain > v.present) throw badInput('赞成, 反对 and 弃权 together cannot exceed 实到.', 'vote.yes');
  if (v.writtenYes + v.writtenNo + v.writtenAbstain > v.expected - v.present) throw badInput('Written opinions come from members not present: at most 应到 − 实到.', 'vote.writtenYes');
}

export function tally(v: VoteFigures): VoteResult {
  const yesTotal = v.yes + v.writtenYes;
  const quorum = v.present * 2 > v.expected;
  const majority = yesTotal * 2 > v.expected;
  return { quorum, majority, passed: quorum && majority, yesTotal };
}
