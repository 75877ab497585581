/**
 * SMS and 企业微信 through an enterprise's own gateway: a JSON POST signed with HMAC-SHA256, in
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

/** Posts `payload`; resolves on a 2xx answer, throws WebhookError otherwise (the job retries). */
export async function callWebhook(gateway: Gateway, payload: object, idempotencyKey: string, timeoutMs: number): Promise<void> {
  const refusal = await webhookRefusal(gateway.url, gateway.allowPrivateNetwork);
  if (refusal) throw new WebhookError(`gateway URL refused: ${refusal}`);
  const url = new URL(gateway.url);
  const body = JSON.stringify(payload);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const lookup: typeof dnsLookup = ((hostname: string, options: object, callback: (error: Error | null, address: string | LookupAddress[], family?: number) => void) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, []);
      const allowed = gateway.allowPrivateNetwork ? addresses : addresses.filter((a) => !isPrivateAddress(a.address));
      if (allowed.length === 0) return callback(new WebhookError('gateway host resolves to a private address'), []);
      if ((options as { all?: boolean }).all) return callback(null, allowed);
      callback(null, allowed[0]!.address, allowed[0]!.family);
    });
  }) as typeof dnsLookup;
  await new Promise<void>((resolve, reject) => {
    const request = (url.protocol === 'https:' ? https : http).request(
      url,
      {
        method: 'POST',
        lookup,
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(body),
          'user-agent': 'dangjian-notifications/1',
          'x-dangjian-timestamp': timestamp,
          'x-dangjian-signature': signature(gateway.secret, timestamp, body),
          'idempotency-key': idempotencyKey,
        },
        timeout: timeoutMs,
      },
      (response) => {
        let excerpt = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          if (excerpt.length < 200) excerpt += chunk;
        });
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          if (status >= 200 && status < 300) resolve();
          else reject(new WebhookError(`gateway answered ${status}${excerpt ? `: ${excerpt.slice(0, 200)}` : ''}`));
        });
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new WebhookError(`gateway did not answer within ${timeoutMs} ms`)));
    request.on('error', (error) => reject(error instanceof WebhookError ? error : new WebhookError(`gateway unreachable: ${error.message}`)));
    request.end(body);
  });
}
