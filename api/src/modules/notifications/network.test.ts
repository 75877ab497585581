import { describe, expect, it } from 'vitest';
import { isPrivateAddress, webhookRefusal } from './network.js';

describe('webhook addresses (SSRF)', () => {
  it('knows loopback, private, link-local and mapped addresses', () => {
    for (const a of ['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '0.0.0.0', '::1', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', '100.64.0.1']) expect(isPrivateAddress(a), a).toBe(true);
    for (const a of ['1.1.1.1', '203.0.113.9', '2001:4860:4860::8888']) expect(isPrivateAddress(a), a).toBe(false);
  });

  it('refuses URLs to such addresses unless a private network is allowed', async () => {
    expect(await webhookRefusal('https://127.0.0.1:9000/sms', false)).toMatch(/private, loopback/);
    expect(await webhookRefusal('https://[::1]/sms', false)).toMatch(/private, loopback/);
    expect(await webhookRefusal('https://localhost/sms', false)).toMatch(/private, loopback|does not resolve/);
    expect(await webhookRefusal('http://203.0.113.9/sms', false)).toMatch(/https/);
    expect(await webhookRefusal('https://user:pw@203.0.113.9/', false)).toMatch(/credentials/);
    expect(await webhookRefusal('ftp://203.0.113.9/', false)).toMatch(/http and https/);
    expect(await webhookRefusal('http://127.0.0.1:9000/sms', true)).toBeNull();
    expect(await webhookRefusal('https://203.0.113.9/sms', false)).toBeNull();
  });
});
