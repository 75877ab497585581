/**
 * 群众意见箱: on every portal, the form (name and contact optional) and the answered suggestions
 * their senders allowed; in the workspace, the organisation's box — taken in hand, answered
 * publicly or privately. The API routes, limits and decides.
 */
import { DOCUMENTS, request } from '../../lib/api.js';
import { ID, page, type PageRoute } from '../../lib/route-kit.js';
import MailboxPage from './MailboxPage.astro';
import MailboxWork from './MailboxWork.astro';

const STATUSES = ['RECEIVED', 'HANDLING', 'ANSWERED'] as const;

export const mailboxPages: PageRoute[] = [
  {
    path: 'mailbox',
    private: true,
    async handle({ site, url, form, field, redirect }) {
      let error: string | null = null;
      if (form) {
        const sent = (
          await request(DOCUMENTS.mailbox, 'SuggestionSend', {
            slug: site.portal.slug,
            input: { subject: field('subject'), body: field('body'), name: field('name') || null, contact: field('contact') || null, allowPublic: field('allowPublic') === 'on' },
          })
        ).suggestionSend;
        if (!sent.userErrors.length && sent.number) return redirect(`/mailbox?number=${sent.number}`);
        error = sent.userErrors[0]!.message;
      }
      const list = (await request(DOCUMENTS.mailbox, 'PortalMailbox', { slug: site.portal.slug })).portalSuggestions;
      const number = Number(url.searchParams.get('number')) || null;
      return page(MailboxPage, { site, list, error, number }, { title: '群众意见箱', description: `向${site.portal.title}提出意见和建议。`, section: '-' });
    },
  },
  {
    path: 'workspace/mailbox',
    signedIn: true,
    private: true,
    async handle({ site, url, form, field, redirect }) {
      let error: string | null = null;
      if (form && ID.test(field('id'))) {
        const status = STATUSES.find((s) => s === field('status')) ?? 'HANDLING';
        const done = (await request(DOCUMENTS.mailbox, 'SuggestionHandle', { id: field('id'), input: { status, reply: field('reply') || null, replyPublic: field('replyPublic') === 'on' } })).suggestionHandle;
        if (!done.userErrors.length) return redirect(`/workspace/mailbox${url.search}`);
        error = done.userErrors[0]!.message;
      }
      const status = STATUSES.find((s) => s === url.searchParams.get('status')) ?? null;
      const box = (await request(DOCUMENTS.mailbox, 'Mailbox', { status })).mailbox;
      return page(MailboxWork, { site, box, status, error }, { title: '群众意见箱', description: '群众意见办理。', section: 'workspace' });
    },
  },
];
