/**
 * Where a webhook may point. The platform calls out to URLs that enterprise admins type in: one
 * pointing at a loopback, private, link-local or otherwise internal address would let them reach
 * inside the network the platform runs in (SSRF). Such URLs are refused — when saved, and again
 * before each call, since a name may resolve elsewhere later — unless the enterprise's setting
 * allows a private network (an on-premises gateway, or a test).
 */
import { lookup } from 'node:dns/promises';
import net from 'node:net';

const BLOCKED = new net.BlockList();
for (const [address, prefix] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local (cloud metadata lives here)
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4],
] as const) BLOCKED.addSubnet(address, prefix, 'ipv4');
for (const [address, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const) BLOCKED.addSubnet(address, prefix, 'ipv6');

export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return isPrivateAddress(mapped);
  const family = net.isIPv4(address) ? 'ipv4' : net.isIPv6(address) ? 'ipv6' : null;
  return family === null || BLOCKED.check(address, family);
}

/** Why a webhook URL may not be called, or null when it may. Resolves the host name. */
export async function webhookRefusal(raw: string, allowPrivateNetwork: boolean): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'not a URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'only http and https URLs';
  if (url.username || url.password) return 'no credentials in the URL (the request is signed instead)';
  if (allowPrivateNetwork) return null;
  if (url.protocol !== 'https:') return 'an https URL (plain http only on a private network the enterprise allows)';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = net.isIP(host) ? [host] : (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  } catch {
    return 'the host name does not resolve';
  }
  if (addresses.length === 0 || addresses.some(isPrivateAddress)) return 'a private, loopback or link-local address (allow a private network for the enterprise to use one)';
  return null;
}
