/**
 * A webhook receiver: verifies each delivery, answers 2xx at once, ignores repeats (the event id is
 * the Idempotency-Key) and prints one line per event:
 *
 *   DANGJIAN_WEBHOOK_SECRET=whsec_… PORT=8787 node src/receive-webhooks.ts
 */
import http from 'node:http';
import { verifyDangjian } from './verify.ts';

const secret = process.env.DANGJIAN_WEBHOOK_SECRET;
if (!secret) {
  console.error('Set DANGJIAN_WEBHOOK_SECRET (shown once when the endpoint is added: 事件推送).');
  process.exit(2);
}
const seen = new Set<string>();

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const raw = Buffer.concat(chunks).toString('utf8');
    if (req.method !== 'POST' || !verifyDangjian(raw, req.headers, secret)) {
      console.log('refused: bad signature');
      res.writeHead(401).end();
      return;
    }
    res.writeHead(204).end(); // answer first, work afterwards
    const event = JSON.parse(raw) as { id: string; type: string; data: { title?: string } };
    if (seen.has(event.id)) return;
    seen.add(event.id);
    console.log(`verified ${event.type} ${event.data.title ?? ''}`.trim());
  });
});
server.listen(Number(process.env.PORT ?? 8787), '127.0.0.1', () => {
  const { port } = server.address() as { port: number };
  console.log(`listening on http://127.0.0.1:${port}`);
});
