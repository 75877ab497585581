/** Plain text typed into a form, as rich text for the API (which sanitises whatever arrives anyway). */

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** Each non-empty line becomes a paragraph. */
export const paragraphs = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => `<p>${escape(l)}</p>`)
    .join('');

/** A list's total as shown: "10000+" when the API stopped counting at its cap. */
export const total = (list: { totalCount: number; totalCountCapped: boolean }) => `${list.totalCount}${list.totalCountCapped ? '+' : ''}`;
