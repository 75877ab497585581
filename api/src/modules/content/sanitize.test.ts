import { describe, expect, it } from 'vitest';
import { htmlToText, sanitiseRichText } from './sanitize.js';

describe('rich text sanitising', () => {
  it('keeps structure and strips scripts, handlers and javascript: links', () => {
    const { html } = sanitiseRichText('<h2>标题</h2><p onclick="x()">正文<script>alert(1)</script><a href="javascript:alert(1)">链接</a><img src=x onerror=alert(1)></p>');
    expect(html).toContain('<h2>标题</h2>');
    expect(html).not.toMatch(/script|onclick|onerror|javascript:/i);
  });

  it('gives the plain text for search and snippets', () => {
    expect(sanitiseRichText('<p>第一段</p><p>第二段 &amp; 更多</p>').text).toMatch(/第一段\s+第二段 & 更多/);
    expect(htmlToText('<ul><li>一</li><li>二</li></ul>')).toMatch(/一\s+二/);
  });
});
