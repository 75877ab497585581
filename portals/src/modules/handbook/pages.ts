/**
 * 党员电子手册 in the workspace: my year (or, for the admins who read the record, a member's),
 * printable on A4; my suggestions to the branch and help given; the branch's suggestions for its
 * secretary and admins to answer.
 */
import { DOCUMENTS, request } from '../../lib/api.js';
import { page, type PageRoute, type RouteContext } from '../../lib/route-kit.js';
import HandbookPage from './HandbookPage.astro';
import SuggestionsPage from './SuggestionsPage.astro';

const KINDS = ['PAIRING', 'VOLUNTEER', 'HARDSHIP_AID', 'OTHER'] as const;
const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const yearOf = (url: URL) => {
  const asked = Number(url.searchParams.get('year'));
  const now = Number(chinaToday().slice(0, 4));
  return Number.isInteger(asked) && asked >= 2000 && asked <= now ? asked : now;
};

async function handbook({ site, id, url, form, field, redirect }: RouteContext) {
  const year = yearOf(url);
  let error: string | null = null;
  if (form) {
    const step = field('step');
    const result =
      step === 'suggest'
        ? (await request(DOCUMENTS.handbook, 'SuggestionMake', { body: field('body') })).suggestionMake
        : (
            await request(DOCUMENTS.handbook, 'HelpGivenRecord', {
              input: { kind: (KINDS as readonly string[]).includes(field('kind')) ? (field('kind') as (typeof KINDS)[number]) : 'OTHER', helped: field('helped'), happenedOn: field('day') || chinaToday(), note: field('note') || null },
            })
          ).helpGivenRecord;
    if (!result.userErrors.length) return redirect(`/workspace/handbook?year=${year}&notice=done`);
    error = result.userErrors[0]!.message;
  }
  const book = (await request(DOCUMENTS.handbook, 'MemberHandbook', { year, memberId: id || null })).memberHandbook;
  if (!book) return null;
  return page(HandbookPage, { site, book, own: !id, error, notice: url.searchParams.get('notice'), today: chinaToday() }, { title: `${book.name} · 党员电子手册 ${year}`, description: '党员电子手册。', section: 'workspace' });
}

export const handbookPages: PageRoute[] = [
  { path: 'workspace/handbook', signedIn: true, private: true, handle: handbook },
  { path: 'workspace/handbook/:id', signedIn: true, private: true, handle: handbook },
  {
    path: 'workspace/suggestions',
    signedIn: true,
    private: true,
    async handle({ site, url, form, field, redirect }) {
      let error: string | null = null;
      if (form) {
        const answered = (await request(DOCUMENTS.handbook, 'SuggestionAnswer', { id: field('id'), answer: field('answer') })).suggestionAnswer;
        if (!answered.userErrors.length) return redirect('/workspace/suggestions?notice=done');
        error = answered.userErrors[0]!.message;
      }
      const unanswered = url.searchParams.get('all') !== '1';
      const list = (await request(DOCUMENTS.handbook, 'Suggestions', { unanswered })).suggestions.nodes;
      return page(SuggestionsPage, { site, list, unanswered, error, notice: url.searchParams.get('notice') }, { title: '党员意见建议', description: '党员意见建议。', section: 'workspace' });
    },
  },
];
