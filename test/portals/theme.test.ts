/** Portal themes through the API: who may edit, WCAG AA contrast refused with its ratio, drafts seen only by the portal's admins. */
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_THEME, safeUrl, validateTheme, type Theme } from '../../api/src/modules/portals/theme.js';
import { useSuite } from '../support/fixture.js';
import { outcome } from '../support/identity.js';

const { db, as } = useSuite({ actors: ['plantAdmin', 'groupAdmin', 'refineryAdmin', 'plantReviewer', 'member'] });
let portalId: string;

beforeAll(async () => {
  portalId = (await as.anonymous(`{ portal(slug: "huayou-caiyou1") { id } }`)).data!.portal.id;
});

const SAVE = `mutation($p: ID!, $i: PortalThemeInput!, $publish: Boolean!) { portalThemeSave(portalId: $p, input: $i, publish: $publish) { portal { theme { primaryColor } } userErrors { code field message } } }`;
const READ = `{ portal(slug: "huayou-caiyou1") { theme { primaryColor accentColor font homeSections navigation { label url } } themeDraft { primaryColor } } }`;

describe('portal themes', () => {
  it('lets the portal organisation’s admins (and those above) edit it; nobody else', async () => {
    const input = { primaryColor: '#14532d' };
    for (const who of ['refineryAdmin', 'plantReviewer', 'member'] as const) expect(outcome(await as[who](SAVE, { p: portalId, i: input, publish: false }), 'portalThemeSave'), who).toBe('FORBIDDEN');
    expect(outcome(await as.anonymous(SAVE, { p: portalId, i: input, publish: false }), 'portalThemeSave')).toBe('UNAUTHENTICATED');
    expect(outcome(await as.groupAdmin(SAVE, { p: portalId, i: input, publish: false }), 'portalThemeSave')).toBe('OK');
  });

  it('refuses colour pairs below WCAG AA with the ratio, and unsafe links', async () => {
    const refused = async (i: Record<string, unknown>) => (await as.plantAdmin(SAVE, { p: portalId, i, publish: true })).data!.portalThemeSave.userErrors[0];
    expect(await refused({ primaryColor: '#ffcc00' })).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'primaryColor'], message: expect.stringMatching(/1\.\d\d:1, WCAG AA needs 4\.5:1/) });
    expect(await refused({ primaryColor: '#1e3a8a', accentColor: '#2a4aa0' })).toMatchObject({ field: ['input', 'accentColor'] });
    expect(await refused({ primaryColor: 'red' })).toMatchObject({ field: ['input', 'primaryColor'] });
    expect(await refused({ navigation: [{ label: '恶意', url: 'javascript:alert(1)' }] })).toMatchObject({ field: ['input', 'navigation'] });
    expect(await refused({ logoUrl: '//evil.example/logo.png' })).toMatchObject({ field: ['input', 'logoUrl'] });
    // Links that start with one slash yet leave the site, as browsers parse them.
    for (const url of ['/\\evil.example/x', '/\\/evil.example', '\\\\evil.example', 'https:evil.example', '/\t/evil.example', 'https://user:pw@evil.example/']) {
      expect(await refused({ navigation: [{ label: '链接', url }] }), url).toMatchObject({ field: ['input', 'navigation'] });
    }
    expect(await refused({ radius: 99 })).toMatchObject({ field: ['input', 'radius'] });
    expect((await as.anonymous(READ)).data!.portal.theme.primaryColor).toBe('#b3121b');
  });

  it('keeps a draft for the admins to preview until it is published', async () => {
    const draft = { primaryColor: '#1E3A8A', navigation: [{ label: '学习强国', url: 'https://www.xuexi.cn' }], homeSections: ['NOTICES', 'NEWS', 'LINKS'] };
    expect(outcome(await as.plantAdmin(SAVE, { p: portalId, i: draft, publish: false }), 'portalThemeSave')).toBe('OK');
    expect((await as.plantAdmin(READ)).data!.portal.themeDraft).toEqual({ primaryColor: '#1e3a8a' });
    for (const who of ['anonymous', 'member', 'refineryAdmin'] as const) {
      const seen = (await as[who](READ)).data!.portal;
      expect(seen.themeDraft, who).toBeNull();
      expect(seen.theme.primaryColor, who).toBe('#b3121b');
    }
    expect(outcome(await as.plantAdmin(SAVE, { p: portalId, i: {}, publish: true }), 'portalThemeSave')).toBe('OK');
    const published = (await as.anonymous(READ)).data!.portal.theme;
    expect(published).toMatchObject({ primaryColor: '#1e3a8a', homeSections: ['NOTICES', 'NEWS', 'LINKS'], navigation: [{ label: '学习强国', url: 'https://www.xuexi.cn' }] });
    expect((await as.plantAdmin(READ)).data!.portal.themeDraft).toBeNull();
    const audit = await db.query<{ action: string }>(`select action from audit_event where action like 'portal.theme%' order by id`);
    expect(audit.map((a) => a.action)).toEqual(['portal.themeDraft', 'portal.themeDraft', 'portal.themePublish']);
  });
});

describe('the product’s own themes', () => {
  it('every demo portal’s theme, and the default, pass every rule a save enforces', async () => {
    expect(() => validateTheme({}, DEFAULT_THEME)).not.toThrow();
    const portals = await db.query<{ slug: string }>(`select slug from portal order by slug`);
    expect(portals.length).toBeGreaterThanOrEqual(4);
    for (const { slug } of portals) {
      const res = await as.anonymous(`query($s: String!) { portal(slug: $s) { theme { primaryColor accentColor font radius spacing logoUrl bannerUrl homeSections navigation { label url } } } }`, { s: slug });
      const theme = res.data!.portal.theme as Theme;
      expect(() => validateTheme(theme, theme), slug).not.toThrow();
    }
  });

  it('judges links by parsing them against the portal’s own origin', () => {
    expect(safeUrl('/p/huayou/news/', 'url')).toBe('/p/huayou/news/');
    expect(safeUrl('/media/12/图片.png', 'url')).toBe('/media/12/图片.png');
    expect(safeUrl('https://www.12371.cn/', 'url')).toBe('https://www.12371.cn/');
    for (const bad of ['/\\evil.example/x', '//evil.example', 'http://evil.example', 'javascript:alert(1)', 'data:text/html,x', 'news/', '']) {
      expect(() => safeUrl(bad, 'url'), bad).toThrow(/path on this site or an https/);
    }
  });
});
