/**
 * Rich text is sanitised on write, against an allow-list: what is stored is what may be shown.
 * Scripts, styles, event handlers, `javascript:`/`data:` URLs and foreign iframes never survive.
 * The plain text (for search, summaries and snippets) is derived from the sanitised HTML.
 */
import sanitizeHtml from 'sanitize-html';

/** Video hosts whose players may be embedded. */
const IFRAME_HOSTS = ['player.bilibili.com', 'v.qq.com', 'player.youku.com'];

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'hr', 'h2', 'h3', 'h4', 'blockquote', 'pre', 'code',
    'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'mark', 'span',
    'ul', 'ol', 'li', 'a', 'img', 'figure', 'figcaption',
    'table', 'thead', 'tbody', 'tr', 'th', 'td', 'caption', 'iframe',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'target', 'rel'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    iframe: ['src', 'width', 'height', 'allowfullscreen'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan', 'scope'],
    ol: ['start'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  allowedIframeHostnames: IFRAME_HOSTS,
  allowIframeRelativeUrls: false,
  disallowedTagsMode: 'discard',
  // Links that open elsewhere must not hand the opener over.
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs: attribs.target === '_blank' ? { ...attribs, rel: 'noopener noreferrer' } : { ...attribs, rel: attribs.rel ?? '' },
    }),
  },
  exclusiveFilter: (frame) => frame.tag === 'iframe' && !frame.attribs.src,
};

export const MAX_BODY_CHARS = 200_000;

export function sanitiseRichText(html: string): { html: string; text: string } {
  const clean = sanitizeHtml(html, OPTIONS).replace(/ rel=""/g, '').trim();
  return { html: clean, text: htmlToText(clean) };
}

/** Plain text of sanitised HTML: tags dropped, block boundaries kept as line breaks, entities decoded. */
export function htmlToText(html: string): string {
  const text = sanitizeHtml(html.replace(/<\/(p|h[2-4]|li|tr|blockquote|figcaption|pre)>|<br\s*\/?>/gi, '\n'), { allowedTags: [], allowedAttributes: {} });
  return decodeEntities(text).replace(/[ \t]+/g, ' ').replace(/\n\s*\n+/g, '\n').trim();
}

function decodeEntities(text: string): string {
  return text
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}
