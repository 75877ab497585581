/** Every page renders inside its visitor's context (lib/visitor.ts). */
import { defineMiddleware } from 'astro:middleware';
import { SESSION_COOKIE, visitor } from './lib/visitor.js';

export const onRequest = defineMiddleware((context, next) => {
  let address: string | null = null;
  try {
    address = context.clientAddress;
  } catch {
    // Not known (e.g. prerendering): the API sees the portal server's address.
  }
  const token = context.cookies.get(SESSION_COOKIE)?.value ?? null;
  return visitor.run({ address, token: token && /^[A-Za-z0-9_-]{20,200}$/.test(token) ? token : null }, next);
});
