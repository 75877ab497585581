/**
 * The visitor of the page being rendered, for the API calls made on their behalf: the API charges
 * its rate budget to the visitor's address (sent as X-Forwarded-For; the API trusts its loopback
 * proxy), not to the portal server's.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface Visitor {
  address: string | null;
}

export const visitor = new AsyncLocalStorage<Visitor>();

export const currentVisitor = (): Visitor | undefined => visitor.getStore();
