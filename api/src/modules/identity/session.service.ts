/** Signing in and out, changing passwords, creating accounts. */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../core/authz/ability.js';
import { requireUser } from '../../core/authz/check.js';
import { badInput, conflict, notFound } from '../../core/graphql/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { parseLogin, normaliseEmail, normalisePhone } from './login.js';
import { DUMMY_HASH, hashPassword, validateNewPassword, verifyPassword } from './password.js';
import { Session } from './session.entity.js';
import { assertNotLocked, clearAccount, recordFailure, throttleKeys } from './throttle.js';
import { newSecret, SESSION_PREFIX, sha256 } from './tokens.js';
import { User } from './user.entity.js';
import { plainLine } from '../../core/graphql/text-input.js';

export const SESSION_TTL_SECONDS = 30 * 24 * 3600;

export interface SignInResult {
  token: string;
  session: Session;
  user: User;
}

/** Wrong login and wrong password are one error, after the same amount of work. */
export const invalidCredentials = () => badInput('The login or password is wrong.', 'password');

export async function signIn(em: EntityManager, input: { login: string; password: string; ip: string | null; userAgent?: string }): Promise<SignInResult> {
  if (input.login.length > 254 || input.password.length > 128) throw invalidCredentials();
  let login;
  try {
    login = parseLogin(input.login);
  } catch {
    throw invalidCredentials();
  }
  const keys = throttleKeys(login.email ?? login.phone, input.ip);
  await assertNotLocked(em, [keys.account, keys.ip]);

  const user = await em.findOne(User, login.email ? { email: login.email } : { phone: login.phone }, { populate: ['passwordHash'] });
  const ok = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok) {
    await recordFailure(em, keys);
    throw invalidCredentials();
  }
  await clearAccount(em, keys.account);
  const token = newSecret(SESSION_PREFIX);
  const session = em.create(Session, {
    user,
    tokenHash: sha256(token),
    expiresAt: new Date(Date.now() + SESSION_TTL_SECONDS * 1000),
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
  });
  await em.flush();
  return { token, session, user };
}

/** Revokes the caller's current session. */
export async function signOut(em: EntityManager, viewer: Viewer): Promise<void> {
  const me = requireUser(viewer);
  await em.execute('update session set revoked_at = now() where id = ? and revoked_at is null', [me.sessionId]);
}

/** Changes the caller's password and signs out every other session of theirs. */
export async function changePassword(em: EntityManager, viewer: Viewer, input: { currentPassword: string; newPassword: string }): Promise<void> {
  const me = requireUser(viewer);
  validateNewPassword(input.newPassword, 'newPassword');
  const user = await em.findOneOrFail(User, me.userId, { populate: ['passwordHash'] });
  if (input.currentPassword.length > 128 || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw badInput('The current password is wrong.', 'currentPassword');
  }
  const hash = await hashPassword(input.newPassword);
  await em.transactional(async (tx) => {
    await tx.execute('update app_user set password_hash = ? where id = ?', [hash, me.userId]);
    await tx.execute('update session set revoked_at = now() where user_id = ? and id <> ? and revoked_at is null', [me.userId, me.sessionId]);
    recordAudit(tx, viewer, { action: 'user.passwordChange', subjectType: 'User', subjectId: me.userId });
  });
}

export interface NewUser {
  displayName: string;
  email?: string | null;
  phone?: string | null;
  password: string;
}

/** Creates an account (inside the caller's transaction). */
export async function createUser(em: EntityManager, input: NewUser): Promise<User> {
  const displayName = plainLine(input.displayName, 'displayName', 100, true);
  const email = input.email ? normaliseEmail(input.email) : null;
  const phone = input.phone ? normalisePhone(input.phone) : null;
  if (!email && !phone) throw badInput('An account needs an email address or a phone number.', 'email');
  validateNewPassword(input.password);
  if (email && (await em.count(User, { email }))) throw conflict('An account with this email address exists already.', 'email');
  if (phone && (await em.count(User, { phone }))) throw conflict('An account with this phone number exists already.', 'phone');
  const user = em.create(User, { displayName, email, phone, passwordHash: await hashPassword(input.password) });
  await em.flush();
  return user;
}

/** The caller's active sessions, newest first. */
export async function listSessions(em: EntityManager, viewer: Viewer) {
  const me = requireUser(viewer);
  const sessions = await em.find(Session, { user: me.userId, revokedAt: null, expiresAt: { $gt: new Date() } }, { orderBy: { id: 'desc' }, limit: 100 });
  return sessions.map((s) => ({
    id: s.id,
    createdAt: s.createdAt,
    lastSeenAt: s.lastSeenAt,
    expiresAt: s.expiresAt,
    ip: s.ip,
    userAgent: s.userAgent,
    current: s.id === me.sessionId,
  }));
}

/** Ends one of the caller's own sessions (a lost phone, a shared computer). */
export async function revokeSession(em: EntityManager, viewer: Viewer, sessionId: string): Promise<void> {
  const me = requireUser(viewer);
  const [row] = await em.execute<{ id: string }[]>('update session set revoked_at = now() where id = ? and user_id = ? and revoked_at is null returning id', [sessionId, me.userId]);
  if (!row) throw notFound('The session does not exist.');
  recordAudit(em, viewer, { action: 'session.revoke', subjectType: 'Session', subjectId: sessionId });
  await em.flush();
}
