/**
 * POSTs JSON to the API over keep-alive connections with node:http(s). Every page the portal
 * server renders makes a few such calls, and once pages are memoised (render-memo.ts) fetch's
 * web-standard machinery — streams, header validation, a timer per AbortSignal — cost the server
 * more than the rest of the page.
 */
import http from 'node:http';
import https from 'node:https';

const agents = {
  http: new http.Agent({ keepAlive: true, maxSockets: 64 }),
  https: new https.Agent({ keepAlive: true, maxSockets: 64 }),
};
const urls = new Map<string, URL>();

/** The answer's status and parsed JSON body (null when it is not JSON). Rejects when the API is unreachable or slower than `timeoutMs`. */
export function postJson(url: string, headers: Record<string, string>, body: string, timeoutMs: number): Promise<{ status: number; json: unknown }> {
  let target = urls.get(url);
  if (!target) urls.set(url, (target = new URL(url)));
  const secure = target.protocol === 'https:';
  return new Promise((resolve, reject) => {
    const req = (secure ? https : http).request(
      target,
      { method: 'POST', agent: secure ? agents.https : agents.http, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          let json: unknown = null;
          try {
            json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          } catch {
            // not JSON: the caller reports the status
          }
          resolve({ status: res.statusCode ?? 0, json });
        });
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`The API did not answer within ${timeoutMs} ms.`)));
    req.on('error', reject);
    req.end(body);
  });
}
