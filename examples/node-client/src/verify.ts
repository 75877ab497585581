/**
 * Verifies a webhook delivery from the Dangjian platform: the HMAC-SHA256 of "<timestamp>.<raw
 * body>" under the endpoint's secret, compared in constant time, and a fresh timestamp (replays of
 * an old delivery are refused).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export function verifyDangjian(rawBody: string, headers: Record<string, string | string[] | undefined>, secret: string, toleranceSeconds = 300): boolean {
  const timestamp = String(headers['x-dangjian-timestamp'] ?? '');
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`);
  const given = Buffer.from(String(headers['x-dangjian-signature'] ?? ''));
  const fresh = /^\d+$/.test(timestamp) && Math.abs(Date.now() / 1000 - Number(timestamp)) <= toleranceSeconds;
  return fresh && given.length === expected.length && timingSafeEqual(given, expected);
}
