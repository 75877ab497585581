/**
 * Keeping in touch with a member away (DOMAIN-RULES §5; EM 32, 34): flagged when there has been no
 * contact for 6 months, or no yearly report home. Pure: the dates come from the caller. Flags,
 * never a status change (§2: 失联 is the branch's decision).
 */
export const MobileFlag = { NO_CONTACT: 'NO_CONTACT', NO_YEARLY_REPORT: 'NO_YEARLY_REPORT' } as const;
export type MobileFlag = (typeof MobileFlag)[keyof typeof MobileFlag];

const monthsLater = (day: string, months: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
};

export function flagsOf(input: { startsOn: string; lastContactOn: string | null; lastReportOn: string | null }, today: string): MobileFlag[] {
  const flags: MobileFlag[] = [];
  if (monthsLater(input.lastContactOn ?? input.startsOn, 6) < today) flags.push(MobileFlag.NO_CONTACT);
  if (monthsLater(input.lastReportOn ?? input.startsOn, 12) < today) flags.push(MobileFlag.NO_YEARLY_REPORT);
  return flags;
}
