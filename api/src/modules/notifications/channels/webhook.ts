/**
 * Signed outgoing POSTs: SMS and 企业微信 through an enterprise's own gateway (and the webhooks
 * module's endpoints): a JSON POST signed with HMAC-SHA256, in
 * the style of GitHub and Stripe, so the gateway can verify it came from the platform and is fresh:
 *
 *   X-Dangjian-Timestamp: <unix seconds>
 *   X-Dangjian-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>
 *   Idempotency-Key: <notification id>:<channel>   (the same on every retry: deduplicate on it)
 *
 * The call is cut off after a timeout, never follows redirects, and connects only to addresses
 * the SSRF rule allows — checked on the very address it connects to, so a name that resolves
 * elsewhere later (DNS rebinding) cannot reach inside.
 */
import { createHmac } from 'node:crypto';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isPrivateAddress, webhookRefusal } from '../network.js';

export interface Gateway {
  url: string;
  secret: string;
  allowPrivateNetwork: boolean;
}

export const signature = (secret: string, timestamp: string, body: string) => `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;

export class WebhookError extends Error {
  override name = 'WebhookError';
}

/** What the receiver answered. */
export interface SignedPostResult {
  status: number;
  /** The start of the answer's body (for the attempt log). */
  excerpt: string;
  durationMs: number;
}

/**
 * Posts `body` signed with `secret`, with `headers` besides the signature's; resolves with the
 * receiver's answer whatever its status, throws WebhookError when there was none (refused URL,
 * unreachable, timed out).
 */
export async function postSigned(target: Gateway, body: string, headers: Record<string, string>, timeoutMs: number, userAgent: string): Promise<SignedPostResult> {
  const refusal = await webhookRefusal(target.url, target.allowPrivateNetwork);
  if (refusal) throw new WebhookError(`URL refused: ${refusal}`);
  const url = new URL(target.url);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const lookup: typeof dnsLookup = ((hostname: string, options: object, callback: (error: Error | null, address: string | LookupAddress[], family?: number) => void) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, []);
      const allowed = target.allowPrivateNetwork ? addresses : addresses.filter((a) => !isPrivateAddress(a.address));
      if (allowed.length === 0) return callback(new WebhookError('the host resolves to a private address'), []);
      if ((options as { all?: boolean }).all) return callback(null, allowed);
      callback(null, allowed[0]!.address, allowed[0]!.family);
    });
  }) as typeof dnsLookup;
  const started = performance.now();
  return new Promise<SignedPostResult>((resolve, reject) => {
    const request = (url.protocol === 'https:' ? https : http).request(
      url,
      {
        method: 'POST',
        lookup,
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(body),
          'user-agent': userAgent,
          'x-dangjian-timestamp': timestamp,
          'x-dangjian-signature': signature(target.secret, timestamp, body),
          ...headers,
        },
        timeout: timeoutMs,
      },
      (response) => {
        let excerpt = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          if (excerpt.length < 200) excerpt += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, excerpt: excerpt.slice(0, 200), durationMs: Math.round(performance.now() - started) }));
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new WebhookError(`did not answer within ${timeoutMs} ms`)));
    request.on('error', (error) => reject(error instanceof WebhookError ? error : new WebhookError(`unreachable: ${error.message}`)));
    request.end(body);
  });
}

/** Posts `payload` to a gateway; resolves on a 2xx answer, throws WebhookError otherwise (the job retries). */
export async function callWebhook(gateway: Gateway, payload: object, idempotencyKey: string, timeoutMs: number): Promise<void> {
  let answer: SignedPostResult;
  try {
    answer = await postSigned(gateway, JSON.stringify(payload), { 'idempotency-key': idempotencyKey }, timeoutMs, 'dangjian-notifications/1');
  } catch (error) {
    throw new WebhookError(`gateway ${(error as Error).message}`);
  }
  if (answer.status < 200 || answer.status >= 300) throw new WebhookError(`gateway answered ${answer.status}${answer.excerpt ? `: ${answer.excerpt}` : ''}`);
}
