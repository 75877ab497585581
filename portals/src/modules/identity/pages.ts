/** Signing in and out of a portal: the session lives in an HttpOnly cookie, never in the page. */
import { ApiError, DOCUMENTS, request } from '../../lib/api.js';
import { page, type PageRoute } from '../../lib/route-kit.js';
import SignIn from './SignIn.astro';

export const identityPages: PageRoute[] = [
  {
    path: 'signin',
    private: true,
    async handle({ site, form, field, redirect }) {
      const signIn = (error: string | null, login: string) => page(SignIn, { site, error, login }, { title: '党员登录', description: `登录${site.portal.title}。`, section: 'signin' });
      if (!form) return signIn(null, '');
      const login = field('login').trim().slice(0, 254);
      const password = field('password').slice(0, 200);
      try {
        const result = await request(DOCUMENTS.signIn, 'SignIn', { input: { login, password } });
        const token = result.signIn.token;
        if (token) return redirect('/', token);
        return signIn('账号或密码不正确。', login);
      } catch (error) {
        if (error instanceof ApiError && error.code === 'RATE_LIMITED') return signIn('尝试次数过多，请稍后再试。', login);
        if (error instanceof ApiError && error.code === 'BAD_USER_INPUT') return signIn('请输入账号和密码。', login);
        throw error;
      }
    },
  },
  {
    path: 'signout',
    private: true,
    async handle({ req, redirect }) {
      if (req.method !== 'POST') return null;
      await request(DOCUMENTS.signIn, 'SignOut', {}).catch(() => null);
      return redirect('/', null);
    },
  },
];
