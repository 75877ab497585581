import { describe, expect, it } from 'vitest';
import { documentText, searchQuery, tokens } from './search-tokens.js';

describe('Chinese search tokens', () => {
  it('cuts Chinese into overlapping bigrams and keeps Latin words and numbers whole', () => {
    expect(tokens('党建工作')).toEqual(['党建', '建工', '工作']);
    expect(tokens('三会一课 2026年 PDCA')).toEqual(['三会', '会一', '一课', '2026', '年', 'pdca']);
    // A year before Chinese does not swallow it: "2026年度党建工作要点" is found by 党建 and 年度.
    expect(tokens('2026年度党建工作要点')).toEqual(['2026', '年度', '度党', '党建', '建工', '工作', '作要', '要点']);
    expect(tokens('PDCA循环')).toEqual(['pdca', '循环']);
    expect(tokens('党')).toEqual(['党']);
    expect(documentText('标题', null, '正文内容')).toBe('标题 正文 文内 内容');
  });

  it('makes each term a phrase, ANDs the terms, and a lone character a prefix', () => {
    expect(searchQuery('党建工作')).toBe("('党建' <-> '建工' <-> '工作')");
    expect(searchQuery('党建  主题党日')).toBe("('党建') & ('主题' <-> '题党' <-> '党日')");
    expect(searchQuery('党')).toBe("('党':*)");
    expect(searchQuery('   ')).toBeNull();
    expect(searchQuery('！？。')).toBeNull();
  });

  it('keeps only letters and digits of what it is given: no operator reaches the tsquery', () => {
    expect(searchQuery("a'b & c | !d")).toBe("('a' <-> 'b') & ('c') & ('d')");
  });
});
