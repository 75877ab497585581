/**
 * The visitor of the page being rendered, for the API calls made on their behalf: a signed-in
 * member's token goes along as a bearer credential, so pages show what they may read; the API charges
 * its rate budget to the visitor's address (sent as X-Forwarded-For; the API trusts its loopback
 * proxy), not to the portal server's.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface Visitor {
  address: string | null;
  /** The member's session token (the portal's own HttpOnly cookie), if signed in. */
  token: string | null;
  /** Set when the API refused the token: the page clears the cookie. */
  expired?: boolean;
}

/** The portal's session cookie: the API's bearer token, kept HttpOnly on the portal's domain. */
export const SESSION_COOKIE = 'dj_portal_session';

export const visitor = new AsyncLocalStorage<Visitor>();

export const currentVisitor = (): Visitor | undefined => visitor.getStore();
