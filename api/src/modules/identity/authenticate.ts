/**
 * Who is calling: a session token (bearer or the `dj_session` cookie), an API key (bearer), or
 * nobody. Costs one small indexed query for a signed-in user (the session with its grants).
 *
 * A bearer credential that is unknown, expired or revoked is an UNAUTHENTICATED error: an app
 * must know its token is dead. A stale cookie only means "anonymous": the portal still renders.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../core/authz/ability.js';
import type { ApiScope } from '../../core/authz/roles.js';
import { AppError, ErrorCode } from '../../core/graphql/errors.js';
import { grantsColumn, grantsFrom, type GrantRow } from './user-actor.js';
import { API_KEY_PREFIX, isWellFormed, SESSION_PREFIX, sha256 } from './tokens.js';

export const SESSION_COOKIE = 'dj_session';

export interface Credentials {
  authorization?: string | undefined;
  cookie?: string | undefined;
  ip: string | null;
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

const unauthenticated = (message: string) => new AppError(ErrorCode.UNAUTHENTICATED, message, { http: { status: 401 } });

export async function authenticate(em: EntityManager, credentials: Credentials): Promise<Viewer> {
  const { ip } = credentials;
  const header = credentials.authorization?.trim();
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>".');
    const token = match[1]!;
    if (isWellFormed(token, API_KEY_PREFIX)) {
      const viewer = await apiClientViewer(em, token, ip);
      if (!viewer) throw unauthenticated('This API key is not valid (unknown or revoked).');
      return viewer;
    }
    const viewer = isWellFormed(token, SESSION_PREFIX) ? await sessionViewer(em, token, ip) : null;
    if (!viewer) throw unauthenticated('This session is not valid (unknown, expired or signed out). Sign in again.');
    return viewer;
  }
  const cookie = readCookie(credentials.cookie, SESSION_COOKIE);
  if (cookie && isWellFormed(cookie, SESSION_PREFIX)) {
    const viewer = await sessionViewer(em, cookie, ip);
    if (viewer) return viewer;
  }
  return { kind: 'anonymous', ip };
}

async function sessionViewer(em: EntityManager, token: string, ip: string | null): Promise<Viewer | null> {
  const [session] = await em.execute<{ id: string; user_id: number; is_platform_admin: boolean; stale: boolean; grants: GrantRow[] }[]>(
    `select s.id, s.user_id, u.is_platform_admin, s.last_seen_at < now() - interval '5 minutes' as stale, ${grantsColumn('s.user_id')} as grants
       from session s join app_user u on u.id = s.user_id
      where s.token_hash = ? and s.revoked_at is null and s.expires_at > now()`,
    [sha256(token)],
  );
  if (!session) return null;
  // Touch the session at most every five minutes: not a write per request.
  if (session.stale) await em.execute('update session set last_seen_at = now() where id = ?', [session.id]);
  return {
    kind: 'user',
    userId: session.user_id,
    sessionId: String(session.id),
    isPlatformAdmin: session.is_platform_admin,
    grants: grantsFrom(session.grants),
    ip,
  };
}

async function apiClientViewer(em: EntityManager, key: string, ip: string | null): Promise<Viewer | null> {
  const hash = sha256(key);
  // The current key, or the previous one within its grace period after a rotation.
  const [client] = await em.execute<{ id: number; enterprise_id: number; scopes: ApiScope[]; stale: boolean }[]>(
    `select id, enterprise_id, scopes, coalesce(last_used_at < now() - interval '1 minute', true) or last_used_ip is distinct from ? as stale
       from api_client where (key_hash = ? or (previous_key_hash = ? and previous_key_valid_until > now())) and revoked_at is null`,
    [ip, hash, hash],
  );
  if (!client) return null;
  // "Last used" to the minute (and when the address changes): not a write per request.
  if (client.stale) await em.execute('update api_client set last_used_at = now(), last_used_ip = ? where id = ?', [ip, client.id]);
  return { kind: 'apiClient', apiClientId: client.id, enterpriseId: client.enterprise_id, scopes: client.scopes, ip };
}
