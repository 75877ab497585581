/** The portal itself: its home page, and the theme editor of its admins. */
import { ApiError, DOCUMENTS, request } from '../../lib/api.js';
import { loadHome } from '../../lib/home.js';
import type { PortalThemeSaveVariables } from '../../lib/operations.generated.js';
import { page, type PageRoute } from '../../lib/route-kit.js';
import PortalHome from './PortalHome.astro';
import ThemeEditor from './ThemeEditor.astro';

/** The API explains in English for integrators; the editor says it in Chinese. */
function themeMessage(message: string, field: string | undefined): string {
  const ratio = message.match(/([\d.]+):1, WCAG AA needs ([\d.]+):1/);
  if (ratio) return `颜色对比度不足（${ratio[1]}:1，无障碍标准 WCAG AA 要求至少 ${ratio[2]}:1），请选择更深或更浅的颜色。`;
  const labels: Record<string, string> = { primaryColor: '主色', accentColor: '强调色', radius: '圆角', navigation: '导航链接', homeSections: '首页栏目', logoUrl: '标志图片地址', bannerUrl: '横幅图片地址' };
  return `${(field && labels[field]) || '主题'}填写有误，请检查。`;
}

const editorMeta = { title: '主题设置', description: '设置门户的颜色、字体、导航和首页栏目。', section: 'workspace' };

export const portalPages: PageRoute[] = [
  {
    path: '',
    async handle({ site }) {
      const org = site.portal.organization.name;
      const data = await loadHome(site.portal, site.theme);
      return page(PortalHome, { data, base: site.base, theme: site.theme }, { title: site.portal.title, description: `${site.portal.enterprise.name} · ${org}：工作动态、党务公开、经验交流与共建共享。`, section: '' });
    },
  },
  {
    path: 'workspace/theme',
    signedIn: true,
    private: true,
    async handle({ site, form, field, redirect }) {
      const editor = (error: string | null) => page(ThemeEditor, { site, error }, editorMeta);
      if (!form) return editor(null);
      const navigation = field('navigation')
        .split('\n')
        .map((line) => line.split('|').map((part) => part.trim()))
        .filter(([label]) => label)
        .map(([label, url]) => ({ label: label!, url: url ?? '' }));
      const input = {
        primaryColor: field('primaryColor'),
        accentColor: field('accentColor'),
        font: field('font'),
        radius: Number(field('radius')),
        spacing: field('spacing'),
        logoUrl: field('logoUrl'),
        bannerUrl: field('bannerUrl'),
        navigation,
        // Checked sections, in the order their numbers give (ties keep the listed order).
        homeSections: form
          .getAll('homeSections')
          .map(String)
          .map((section, i) => ({ section, at: Number(field(`order-${section}`)) || 99, i }))
          .sort((a, b) => a.at - b.at || a.i - b.i)
          .map((s) => s.section),
      };
      const publish = field('action') === 'publish';
      try {
        // Form values are plain strings; the API refuses what is not one of its enum values.
        const result = await request(DOCUMENTS.theme, 'PortalThemeSave', { portalId: site.portal.id, input: input as PortalThemeSaveVariables['input'], publish });
        const [problem] = result.portalThemeSave.userErrors;
        if (problem) return editor(themeMessage(problem.message, problem.field?.at(-1)));
      } catch (error) {
        if (error instanceof ApiError && (error.code === 'FORBIDDEN' || error.code === 'NOT_FOUND')) return editor('您没有权限修改本门户的主题。');
        if (error instanceof ApiError && error.code === 'BAD_USER_INPUT') return editor('请检查填写的内容。');
        throw error;
      }
      return redirect(publish ? '/' : '/?preview=1');
    },
  },
];
