/**
 * Tokenising Chinese for PostgreSQL full-text search. PostgreSQL has no Chinese parser here
 * (no zhparser or pg_jieba), and Chinese has no spaces, so text is cut into overlapping character
 * bigrams (党建工作 → 党建 建工 工作) while Latin words and numbers stay whole (lower-cased). The
 * tokens are stored as a 'simple' tsvector in token order; a query is tokenised the same way and
 * matched as a phrase (党建 <-> 建工 <-> 工作), which is exact for any query of two or more
 * characters. A one-character query becomes a prefix match on bigrams (党:*): it misses the
 * character only where it ends a run of Chinese text.
 */

const HAN = /\p{Script=Han}/u;
// A run of Chinese, or a run of other letters and digits — never both: "2026年度" is 2026 + 年度.
const RUN = /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{N}])+)/gu;

/**
 * The tokeniser's version. Rows indexed by an older one are indexed again when the API starts
 * (content/search-reindex.ts); raise it whenever `tokens` changes.
 */
export const TOKENIZER_VERSION = 2;

export function tokens(text: string): string[] {
  const out: string[] = [];
  for (const [, han, word] of text.normalize('NFKC').matchAll(RUN)) {
    if (han) {
      const chars = [...han];
      if (chars.length === 1) out.push(chars[0]!);
      for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
    } else if (word) {
      out.push(word.toLowerCase());
    }
  }
  return out;
}

/** The text PostgreSQL indexes: tokens separated by spaces, for to_tsvector('simple', …). */
export function documentText(...parts: (string | null | undefined)[]): string {
  return tokens(parts.filter(Boolean).join('\n')).join(' ');
}

/**
 * A tsquery for a user's search: each space-separated term becomes a bigram phrase; terms are
 * ANDed. Returns null when the query has nothing searchable.
 */
export function searchQuery(input: string): string | null {
  const terms: string[] = [];
  for (const term of input.normalize('NFKC').split(/\s+/).filter(Boolean).slice(0, 8)) {
    const parts = tokens(term);
    if (parts.length === 0) continue;
    if (parts.length === 1 && [...parts[0]!].length === 1 && HAN.test(parts[0]!)) {
      terms.push(`${quote(parts[0]!)}:*`);
    } else {
      terms.push(parts.map(quote).join(' <-> '));
    }
  }
  return terms.length ? terms.map((t) => `(${t})`).join(' & ') : null;
}

const quote = (token: string) => `'${token.replace(/'/g, "''").replace(/\\/g, '\\\\')}'`;
