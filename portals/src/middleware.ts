/** Every page renders inside its visitor's context (lib/visitor.ts). */
import { defineMiddleware } from 'astro:middleware';
import { visitor } from './lib/visitor.js';

export const onRequest = defineMiddleware((context, next) => {
  let address: string | null = null;
  try {
    address = context.clientAddress;
  } catch {
    // Not known (e.g. prerendering): the API sees the portal server's address.
  }
  return visitor.run({ address }, next);
});
