/** Accounts and sessions through the real endpoint: sign-in, cookie and bearer, sign-out, expiry, throttling. */
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../api/src/demo/demo-data.js';
import { useSuite } from '../support/fixture.js';
import { DEMO, signIn, withToken } from '../support/identity.js';


const { db, api } = useSuite();

const SIGN_IN = `mutation($i: SignInInput!) { signIn(input: $i) { token expiresAt viewer { kind user { displayName } email phone memberships { role organization { name } } } userErrors { field message code } } }`;
const VIEWER = `{ viewer { kind isPlatformAdmin user { displayName } memberships { role organization { name } } } }`;

describe('signing in', () => {
  it('signs in with an email address; sets an HttpOnly cookie and returns a bearer token', async () => {
    const res = await api.gql(SIGN_IN, { i: { login: ' Admin@CY1.huayou.example ', password: DEMO_PASSWORD } });
    expect(res.errors).toBeUndefined();
    const payload = res.data!.signIn;
    expect(payload.userErrors).toEqual([]);
    expect(payload.token).toMatch(/^djs_[A-Za-z0-9_-]{43}$/);
    expect(new Date(payload.expiresAt).getTime()).toBeGreaterThan(Date.now() + 29 * 24 * 3600 * 1000);
    expect(payload.viewer).toEqual({
      kind: 'USER',
      user: { displayName: '李红梅' },
      email: 'admin@cy1.huayou.example',
      phone: null,
      memberships: [{ role: 'ORG_ADMIN', organization: { name: '第一采油厂党委' } }],
    });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(new RegExp(`^dj_session=${payload.token};`));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    // Only a hash is stored.
    const stored = await db.query<{ token_hash: string }>('select token_hash from session');
    expect(stored.map((s) => s.token_hash)).not.toContain(payload.token);
  });

  it('signs in with a phone number typed with +86 and spaces', async () => {
    const res = await api.gql(SIGN_IN, { i: { login: '+86 138 0000 0001', password: DEMO_PASSWORD } });
    expect(res.data!.signIn.viewer.user).toEqual({ displayName: '张伟' });
  });

  it('answers a wrong password and an unknown login with the same user error', async () => {
    const wrong = await api.gql(SIGN_IN, { i: { login: DEMO.groupAdmin, password: 'not-the-password-1' } });
    const unknown = await api.gql(SIGN_IN, { i: { login: 'nobody@huayou.example', password: 'not-the-password-1' } });
    for (const res of [wrong, unknown]) {
      expect(res.errors).toBeUndefined();
      expect(res.data!.signIn).toMatchObject({ token: null, viewer: null, userErrors: [{ code: 'BAD_USER_INPUT', field: ['input', 'password'], message: 'The login or password is wrong.' }] });
    }
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('knows the caller by bearer token and by cookie; anonymous otherwise', async () => {
    const token = await signIn(api, DEMO.branchEditor);
    const byBearer = await api.gql(VIEWER, {}, { authorization: `Bearer ${token}` });
    expect(byBearer.data!.viewer).toEqual({
      kind: 'USER',
      isPlatformAdmin: false,
      user: { displayName: '陈静' },
      memberships: [
        { role: 'EDITOR', organization: { name: '采油一队党支部' } },
        { role: 'MEMBER', organization: { name: '采油一队党支部' } },
      ],
    });
    const byCookie = await api.gql(VIEWER, {}, { cookie: `other=1; dj_session=${token}` });
    expect(byCookie.data!.viewer.user).toEqual({ displayName: '陈静' });
    const anonymous = await api.gql(VIEWER);
    expect(anonymous.data!.viewer).toEqual({ kind: 'ANONYMOUS', isPlatformAdmin: false, user: null, memberships: [] });
  });
});

describe('bad and dead credentials', () => {
  it('refuses a malformed or unknown bearer token with 401 UNAUTHENTICATED', async () => {
    for (const header of ['Bearer nonsense', 'Basic abc', `Bearer djs_${'x'.repeat(43)}`, `Bearer djk_${'y'.repeat(43)}`]) {
      const res = await api.gql(VIEWER, {}, { authorization: header });
      expect(res.status, header).toBe(401);
      expect(res.errors?.[0]?.extensions?.code, header).toBe('UNAUTHENTICATED');
      expect(res.raw).not.toMatch(/\bat .+:\d+/);
    }
  });

  it('treats a stale cookie as anonymous, so a portal page still renders', async () => {
    const res = await api.gql(VIEWER, {}, { cookie: `dj_session=djs_${'z'.repeat(43)}` });
    expect(res.status).toBe(200);
    expect(res.data!.viewer.kind).toBe('ANONYMOUS');
  });

  it('ends the session on sign-out: the token stops working and the cookie is cleared', async () => {
    const token = await signIn(api, DEMO.member);
    const me = withToken(api, token);
    const out = await api.gql(`mutation { signOut { userErrors { code } } }`, {}, { authorization: `Bearer ${token}` });
    expect(out.data!.signOut.userErrors).toEqual([]);
    expect(out.headers.get('set-cookie')).toMatch(/^dj_session=;.*Expires=Thu, 01 Jan 1970/);
    const after = await me(VIEWER);
    expect(after.status).toBe(401);
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an expired session', async () => {
    const token = await signIn(api, DEMO.plantReviewer);
    await db.query(`update session set expires_at = now() - interval '1 second'`);
    expect((await withToken(api, token)(VIEWER)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('asks anonymous callers to sign in before signing out', async () => {
    const res = await api.gql(`mutation { signOut { userErrors { code } } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('changing a password', () => {
  const CHANGE = `mutation($i: PasswordChangeInput!) { passwordChange(input: $i) { userErrors { field code message } } }`;

  it('checks the current password and the rules, then ends the other sessions', async () => {
    const login = DEMO.refineryAdmin;
    const first = await signIn(api, login);
    const second = await signIn(api, login);
    const me = withToken(api, first);
    expect((await me(CHANGE, { i: { currentPassword: 'wrong-password-1', newPassword: '党建工作2026新密码' } })).data!.passwordChange.userErrors).toEqual([
      { field: ['input', 'currentPassword'], code: 'BAD_USER_INPUT', message: 'The current password is wrong.' },
    ]);
    for (const weak of ['short1', '1234567890123', 'onlyletterslong']) {
      const res = await me(CHANGE, { i: { currentPassword: DEMO_PASSWORD, newPassword: weak } });
      expect(res.data!.passwordChange.userErrors[0]).toMatchObject({ field: ['input', 'newPassword'], code: 'BAD_USER_INPUT' });
    }
    expect((await me(CHANGE, { i: { currentPassword: DEMO_PASSWORD, newPassword: '党建工作2026新密码' } })).data!.passwordChange.userErrors).toEqual([]);
    expect((await me(VIEWER)).data!.viewer.kind).toBe('USER'); // this session lives on
    expect((await withToken(api, second)(VIEWER)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED'); // the other is gone
    expect((await api.gql(SIGN_IN, { i: { login, password: DEMO_PASSWORD } })).data!.signIn.userErrors[0].code).toBe('BAD_USER_INPUT');
    expect((await api.gql(SIGN_IN, { i: { login, password: '党建工作2026新密码' } })).data!.signIn.token).toBeTruthy();
    const audit = await db.query(`select 1 from audit_event where action = 'user.passwordChange'`);
    expect(audit).toHaveLength(1);
  });
});

describe('throttling failed sign-ins', () => {
  const attempt = (login: string, password: string) => api.gql(SIGN_IN, { i: { login, password } });
  const unlock = () => db.query(`update auth_throttle set locked_until = now() - interval '1 second'`);

  it('slows an account down after 3 failures, then locks it for minutes — even for the right password', async () => {
    const login = DEMO.powerAdmin;
    for (let i = 0; i < 3; i++) expect((await attempt(login, `wrong-password-${i}`)).data!.signIn.userErrors[0].code).toBe('BAD_USER_INPUT');
    const slowed = await attempt(login, DEMO_PASSWORD);
    expect(slowed.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(slowed.errors![0]!.extensions!.retryAfterSeconds).toBeGreaterThan(0);
    expect(slowed.errors![0]!.extensions!.retryAfterSeconds).toBeLessThanOrEqual(5);
    await unlock();
    await attempt(login, 'wrong-password-3');
    await unlock();
    await attempt(login, 'wrong-password-4'); // the fifth failure: a lock of a minute
    const locked = await attempt(login, DEMO_PASSWORD);
    expect(locked.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(locked.errors![0]!.extensions!.retryAfterSeconds).toBeGreaterThan(50);
    await unlock();
    expect((await attempt(login, DEMO_PASSWORD)).data!.signIn.token).toBeTruthy();
    // Success resets the account's counter.
    expect(await db.query(`select 1 from auth_throttle where key = $1`, [`account:${login}`])).toHaveLength(0);
  });

  it('locks a source address that fails across many accounts', async () => {
    await db.query('delete from auth_throttle');
    for (let i = 0; i < 20; i++) await attempt(`someone${i}@example.com`, 'wrong-password-x');
    const res = await attempt(DEMO.member, DEMO_PASSWORD);
    expect(res.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    await db.query('delete from auth_throttle');
  });
});

describe('over WebSocket', () => {
  it('authenticates with a bearer token in connection_init, or stays anonymous without one', async () => {
    const { createClient } = await import('graphql-ws');
    const WebSocket = (await import('ws')).default;
    const token = await signIn(api, DEMO.groupAdmin);
    const run = (connectionParams: Record<string, unknown>) =>
      new Promise<any>((resolve, reject) => {
        const client = createClient({ url: api.url.replace('http', 'ws'), webSocketImpl: WebSocket, retryAttempts: 0, connectionParams });
        let value: unknown;
        client.subscribe({ query: '{ viewer { kind user { displayName } } }' }, { next: (v) => (value = v), error: reject, complete: () => (client.dispose(), resolve(value)) });
      });
    expect((await run({ authorization: `Bearer ${token}` })).data.viewer).toEqual({ kind: 'USER', user: { displayName: '王建国' } });
    expect((await run({})).data.viewer).toEqual({ kind: 'ANONYMOUS', user: null });
  });
});

describe('one’s own sessions', () => {
  it('lists them, marks the current one, and ends another one; others’ sessions are out of reach', async () => {
    const laptop = await signIn(api, DEMO.plantReviewer);
    const phone = await signIn(api, DEMO.plantReviewer);
    const me = withToken(api, laptop);
    const list = (await me(`{ viewer { sessions { id current ip } } }`)).data!.viewer.sessions;
    expect(list.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    expect(list.length).toBeGreaterThanOrEqual(2);
    const other = list.find((s: { current: boolean }) => !s.current);
    const revoke = `mutation($id: ID!) { sessionRevoke(id: $id) { revokedSessionId userErrors { code } } }`;
    // Someone else cannot end it.
    const stranger = withToken(api, await signIn(api, DEMO.member));
    expect((await stranger(revoke, { id: other.id })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await me(revoke, { id: other.id })).data!.sessionRevoke.revokedSessionId).toBe(other.id);
    const survivors = [laptop, phone].map((t) => withToken(api, t)(`{ viewer { kind } }`));
    const statuses = (await Promise.all(survivors)).map((r) => r.status);
    expect(statuses.sort()).toEqual([200, 401]);
  });
});
