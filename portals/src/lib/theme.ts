/** A portal's theme as CSS: the design tokens become custom properties over the defaults. */
import type { Theme } from './api.js';

const FONTS: Record<Theme['font'], string> = {
  SANS: "system-ui, -apple-system, 'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif",
  SERIF: "'Noto Serif CJK SC', 'Songti SC', 'SimSun', serif",
  KAI: "'Kaiti SC', 'STKaiti', 'KaiTi', 'Noto Serif CJK SC', serif",
};
const SPACING: Record<Theme['spacing'], number> = { COMPACT: 0.85, NORMAL: 1, RELAXED: 1.2 };

/** A darker shade of a #rrggbb colour, for hover and strong states. */
function darker(hex: string, factor = 0.8): string {
  const channel = (i: number) => Math.round(parseInt(hex.slice(i, i + 2), 16) * factor).toString(16).padStart(2, '0');
  return `#${channel(1)}${channel(3)}${channel(5)}`;
}

const HEX = /^#[0-9a-f]{6}$/;

export function themeCss(theme: Theme): string {
  // The API validated these; checked again so nothing but a colour reaches the style sheet.
  const primary = HEX.test(theme.primaryColor) ? theme.primaryColor : '#b3121b';
  const accent = HEX.test(theme.accentColor) ? theme.accentColor : '#d4af37';
  const scale = SPACING[theme.spacing] ?? 1;
  const radius = Number.isInteger(theme.radius) ? Math.min(Math.max(theme.radius, 0), 24) : 6;
  return `:root{--color-primary:${primary};--color-primary-strong:${darker(primary)};--color-accent:${accent};--font-body:${FONTS[theme.font] ?? FONTS.SANS};--radius:${radius}px;--space-1:${0.25 * scale}rem;--space-2:${0.5 * scale}rem;--space-3:${1 * scale}rem;--space-4:${1.5 * scale}rem;--space-5:${2.5 * scale}rem}`;
}

/**
 * A theme link as it may be rendered: the API validated it; judged again here the same way (parsed
 * against this site's origin, never by prefix), so a link stored before that rule cannot lead a
 * visitor off-site as `/\evil.example` would. Anything else becomes '#'.
 */
export function safeHref(url: string): string {
  const own = new URL('https://portal.invalid/');
  try {
    const parsed = new URL(url, own);
    if (url.startsWith('/')) return parsed.origin === own.origin ? `${parsed.pathname}${parsed.search}${parsed.hash}` : '#';
    return parsed.protocol === 'https:' ? parsed.href : '#';
  } catch {
    return '#';
  }
}
