/**
 * A portal's theme as data: design tokens, images, extra navigation links and the order of the
 * home page's sections. Saved as a draft (previewed by the portal's admins) or published.
 * Colours must keep text readable: WCAG 2.1 AA contrast is checked on save.
 */
import { badInput } from '../../core/graphql/errors.js';

export const FONTS = {
  SANS: "system-ui, -apple-system, 'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif",
  SERIF: "'Noto Serif CJK SC', 'Songti SC', 'SimSun', serif",
  KAI: "'Kaiti SC', 'STKaiti', 'KaiTi', 'Noto Serif CJK SC', serif",
} as const;
export type ThemeFont = keyof typeof FONTS;

export const SPACINGS = { COMPACT: 0.85, NORMAL: 1, RELAXED: 1.2 } as const;
export type ThemeSpacing = keyof typeof SPACINGS;

export const HOME_SECTIONS = ['NEWS', 'NOTICES', 'DISCLOSURES', 'FEATURED', 'CASES', 'RESOURCES', 'LINKS', 'TREE'] as const;
export type HomeSection = (typeof HOME_SECTIONS)[number];

export interface ThemeLink {
  label: string;
  url: string;
}

export interface Theme {
  primaryColor: string;
  accentColor: string;
  font: ThemeFont;
  radius: number;
  spacing: ThemeSpacing;
  logoUrl: string | null;
  bannerUrl: string | null;
  navigation: ThemeLink[];
  homeSections: HomeSection[];
}

export const DEFAULT_THEME: Theme = {
  primaryColor: '#b3121b',
  accentColor: '#d4af37', // gold at 3.31:1 against the red: the product's own default passes its own rule
  font: 'SANS',
  radius: 6,
  spacing: 'NORMAL',
  logoUrl: null,
  bannerUrl: null,
  navigation: [],
  homeSections: ['NEWS', 'NOTICES', 'FEATURED', 'TREE'],
};

const HEX = /^#[0-9a-f]{6}$/;

/** Relative luminance of an sRGB colour (WCAG 2.1). */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

/** The pairs a theme puts together, and the contrast each needs. */
const PAIRS = [
  { field: 'primaryColor', on: '#ffffff', min: 4.5, what: 'white text on the primary colour (masthead, buttons)' },
  { field: 'primaryColor', on: '#f7f7f8', min: 4.5, what: 'the primary colour as link text on the page background' },
  { field: 'accentColor', against: 'primaryColor', min: 3, what: 'the accent (focus rings, the current page marker) against the primary colour' },
] as const;

/** Stands for the portal's own origin when a relative link is resolved. */
const OWN_ORIGIN = new URL('https://portal.invalid/');

/**
 * A link a theme may hold: a path on the portal's own site (e.g. /media/…) or an https address,
 * judged by parsing it as a browser would — never by prefix: `/\evil.example/x` starts with one
 * slash, yet browsers follow it to //evil.example (WHATWG URL parsing reads `\` as `/`).
 */
export function safeUrl(raw: string, field: string): string {
  const value = raw.trim();
  if (value.length > 500) throw badInput(`The ${field} is too long.`, field);
  const refuse = () => badInput(`The ${field} must be a path on this site or an https:// address.`, field);
  // Whitespace and control characters are stripped or reinterpreted by browsers; no link needs them.
  if (!value || /[\s\u0000-\u001f\u007f]/u.test(value)) throw refuse();
  let url: URL;
  try {
    url = new URL(value, OWN_ORIGIN);
  } catch {
    throw refuse();
  }
  if (value.startsWith('/')) {
    if (url.origin !== OWN_ORIGIN.origin) throw refuse();
    return value;
  }
  if (url.protocol !== 'https:' || !/^https:\/\//i.test(value) || url.username || url.password) throw refuse();
  return value;
}

/** Validates a theme (merged over the current one); throws BAD_USER_INPUT naming the field. */
export function validateTheme(input: Partial<Theme>, current: Theme): Theme {
  const theme: Theme = { ...current, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined && v !== null)) } as Theme;
  for (const field of ['primaryColor', 'accentColor'] as const) {
    theme[field] = String(theme[field]).trim().toLowerCase();
    if (!HEX.test(theme[field])) throw badInput(`The ${field} must be a colour like #b3121b.`, field);
  }
  if (!(theme.font in FONTS)) throw badInput('Unknown font.', 'font');
  if (!(theme.spacing in SPACINGS)) throw badInput('Unknown spacing.', 'spacing');
  if (!Number.isInteger(theme.radius) || theme.radius < 0 || theme.radius > 24) throw badInput('The radius is 0–24 pixels.', 'radius');
  for (const pair of PAIRS) {
    const other = 'on' in pair ? pair.on : theme[pair.against];
    const ratio = contrastRatio(theme[pair.field], other);
    if (ratio < pair.min) {
      throw badInput(`Too little contrast for ${pair.what}: ${ratio.toFixed(2)}:1, WCAG AA needs ${pair.min}:1. Choose a darker or lighter colour.`, pair.field);
    }
  }
  if (input.logoUrl !== undefined) theme.logoUrl = input.logoUrl ? safeUrl(input.logoUrl, 'logoUrl') : null;
  if (input.bannerUrl !== undefined) theme.bannerUrl = input.bannerUrl ? safeUrl(input.bannerUrl, 'bannerUrl') : null;
  if (theme.navigation.length > 8) throw badInput('At most 8 navigation links.', 'navigation');
  theme.navigation = theme.navigation.map((link) => {
    const label = String(link.label ?? '').trim();
    if (!label || label.length > 12) throw badInput('A navigation label is 1–12 characters.', 'navigation');
    return { label, url: safeUrl(String(link.url ?? ''), 'navigation') };
  });
  const sections = [...new Set(theme.homeSections)];
  if (sections.length === 0 || sections.some((s) => !HOME_SECTIONS.includes(s))) throw badInput(`Home sections are some of ${HOME_SECTIONS.join(', ')}.`, 'homeSections');
  theme.homeSections = sections;
  return theme;
}
