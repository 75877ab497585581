// Runs the built portals on their own (deployments): `node portals/server.mjs`.
// PORTALS_HOST, PORTALS_PORT and PORTALS_API_URL configure it (see README).
import http from 'node:http';
import { handler } from './dist/server/entry.mjs';

const host = process.env.PORTALS_HOST || '127.0.0.1';
const port = Number(process.env.PORTALS_PORT || 4321);
const server = http.createServer((req, res) => handler(req, res));
server.listen(port, host, () => console.log(JSON.stringify({ msg: 'portals listening', url: `http://${host}:${port}` })));
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
  });
}
