// One server-rendered app serves every portal; the portal is chosen per request (Host or /p/<slug>/).
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';

export default defineConfig({
  output: 'server',
  // Middleware mode: `pnpm start` mounts the handler in its own process; server.mjs runs it alone.
  adapter: node({ mode: 'middleware' }),
  // Portals answer on many host names; the Host header selects the site.
  security: { checkOrigin: true },
  telemetry: false,
  // Styles go inline: no extra request before the first paint, and nothing for the host process
  // to serve besides the pages (the handler serves no static files).
  build: { inlineStylesheets: 'always' },
});
