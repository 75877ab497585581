/**
 * 党员电子手册: one member's year in one read — meetings attended and missed, study, dues, honours,
 * help given and received, 谈心谈话, suggestions and the 民主评议 grade. One statement per section,
 * whatever the year holds. Read under the member-record rule (the member, and their branch's
 * admins and reviewers and those above).
 */
import type { EntityManager } from '@mikro-orm/postgresql';

export interface HandbookMeeting {
  meetingId: number;
  type: string;
  topic: string;
  startsAt: Date;
  hours: number;
  attendance: string;
  absenceReason: string | null;
  leaveReason: string | null;
}

export interface Handbook {
  meetings: HandbookMeeting[];
  dues: { period: string; dueFen: number; paidFen: number; status: string }[];
  honours: { title: string; decidedOn: string; decidedBy: string }[];
  careReceived: { kind: string; happenedOn: string; by: string; note: string | null }[];
  helpGiven: { kind: string; helped: string; happenedOn: string; note: string | null }[];
  talks: { talkedOn: string; withName: string; topic: string }[];
  suggestions: { id: number; body: string; createdAt: Date; answer: string | null; answeredByName: string | null; answeredAt: Date | null }[];
  appraisalGrade: string | null;
}

/** Study that meetings give: the hours of each 党课 and 中心组学习 attended, in half hours. */
export const OFFLINE_STUDY = ['PARTY_LECTURE', 'CENTRAL_GROUP'];

export async function handbookOf(em: EntityManager, memberId: number, year: number, now = new Date()): Promise<Handbook> {
  const conn = em.getConnection();
  const from = new Date(`${year}-01-01T00:00:00+08:00`);
  const to = new Date(`${year + 1}-01-01T00:00:00+08:00`);
  const [meetings, dues, honours, care, help, talks, suggestions, appraisal] = await Promise.all([
    conn.execute<{ meeting_id: number; type: string; topic: string; starts_at: Date; ends_at: Date; attendance: string; absence_reason: string | null; leave_reason: string | null }[]>(
      `select m.id as meeting_id, m.type, m.topic, m.starts_at, m.ends_at, a.attendance, a.absence_reason, a.leave_reason
         from meeting_attendee a join meeting m on m.id = a.meeting_id
        where a.member_id = ? and m.status <> 'CANCELLED' and m.starts_at >= ? and m.starts_at < ? and m.starts_at <= ?
        order by m.starts_at`,
      [memberId, from, to, now],
    ),
    conn.execute<{ period: string; due_fen: number; paid_fen: number; status: string }[]>(
      `select period, due_fen - reduction_fen as due_fen, paid_fen, status from dues_item where member_id = ? and period like ? order by period`,
      [memberId, `${year}-%`],
    ),
    conn.execute<{ title: string; decided_on: string; decided_by: string }[]>(
      `select title, to_char(decided_on, 'YYYY-MM-DD') as decided_on, decided_by from member_award where member_id = ? and kind = 'AWARD' and extract(year from decided_on) = ? order by decided_on`,
      [memberId, year],
    ),
    conn.execute<{ kind: string; happened_on: string; by: string; note: string | null }[]>(
      `select kind, to_char(happened_on, 'YYYY-MM-DD') as happened_on, "by", note from member_care where member_id = ? and extract(year from happened_on) = ? order by happened_on`,
      [memberId, year],
    ),
    conn.execute<{ kind: string; helped: string; happened_on: string; note: string | null }[]>(
      `select kind, helped, to_char(happened_on, 'YYYY-MM-DD') as happened_on, note from help_given where member_id = ? and extract(year from happened_on) = ? order by happened_on`,
      [memberId, year],
    ),
    conn.execute<{ talked_on: string; with_name: string; topic: string }[]>(
      `select to_char(h.talked_on, 'YYYY-MM-DD') as talked_on, o.name as with_name, h.topic
         from heart_talk h join member o on o.id = case when h.by_id = ? then h.with_id else h.by_id end
        where (h.by_id = ? or h.with_id = ?) and extract(year from h.talked_on) = ? order by h.talked_on`,
      [memberId, memberId, memberId, year],
    ),
    conn.execute<{ id: number; body: string; created_at: Date; answer: string | null; answered_by_name: string | null; answered_at: Date | null }[]>(
      `select id, body, created_at, answer, answered_by_name, answered_at from suggestion where member_id = ? and created_at >= ? and created_at < ? order by id`,
      [memberId, from, to],
    ),
    conn.execute<{ grade: string }[]>(
      `select s.grade from appraisal_subject s join appraisal_round r on r.id = s.round_id where s.member_id = ? and r.year = ? and r.stage = 'PUBLISHED'`,
      [memberId, year],
    ),
  ]);
  return {
    meetings: meetings.map((m) => ({
      meetingId: m.meeting_id,
      type: m.type,
      topic: m.topic,
      startsAt: new Date(m.starts_at),
      hours: Math.round(((new Date(m.ends_at).getTime() - new Date(m.starts_at).getTime()) / 3600_000) * 2) / 2,
      attendance: m.attendance,
      absenceReason: m.absence_reason,
      leaveReason: m.leave_reason,
    })),
    dues: dues.map((d) => ({ period: d.period, dueFen: d.due_fen, paidFen: d.paid_fen, status: d.status })),
    honours: honours.map((h) => ({ title: h.title, decidedOn: h.decided_on, decidedBy: h.decided_by })),
    careReceived: care.map((c) => ({ kind: c.kind, happenedOn: c.happened_on, by: c.by, note: c.note })),
    helpGiven: help.map((h) => ({ kind: h.kind, helped: h.helped, happenedOn: h.happened_on, note: h.note })),
    talks: talks.map((t) => ({ talkedOn: t.talked_on, withName: t.with_name, topic: t.topic })),
    suggestions: suggestions.map((s) => ({ id: s.id, body: s.body, createdAt: new Date(s.created_at), answer: s.answer, answeredByName: s.answered_by_name, answeredAt: s.answered_at ? new Date(s.answered_at) : null })),
    appraisalGrade: appraisal[0]?.grade ?? null,
  };
}
