/** A short, HTML-escaped excerpt of plain text around the first match, matches wrapped in <mark>. */
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function snippet(text: string, query: string, radius = 60): string {
  const terms = query.normalize('NFKC').toLowerCase().split(/\s+/).filter(Boolean);
  const lower = text.toLowerCase();
  const positions = terms.map((t) => lower.indexOf(t)).filter((i) => i >= 0);
  const first = positions.length ? Math.min(...positions) : 0;
  const start = Math.max(0, first - radius);
  const end = Math.min(text.length, first + radius * 2);
  const slice = text.slice(start, end);
  const sliceLower = slice.toLowerCase();

  // Mark matches on the raw text, then escape piece by piece, so a mark never splits an entity.
  const marked = new Array<boolean>(slice.length).fill(false);
  for (const term of terms) {
    for (let i = sliceLower.indexOf(term); i >= 0; i = sliceLower.indexOf(term, i + term.length)) marked.fill(true, i, i + term.length);
  }
  let out = '';
  for (let i = 0; i < slice.length; ) {
    let j = i;
    while (j < slice.length && marked[j] === marked[i]) j++;
    const piece = escape(slice.slice(i, j).replace(/\s+/g, ' '));
    out += marked[i] ? `<mark>${piece}</mark>` : piece;
    i = j;
  }
  return (start > 0 ? '…' : '') + out + (end < text.length ? '…' : '');
}
