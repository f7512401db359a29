// SSRF guard: which addresses the fetch stage may connect to. Unless
// fetch.allowPrivateNetworks is true, loopback, private, link-local, CGNAT, multicast and
// reserved ranges are refused. The check runs on the address a connection will actually use:
// literal IPs in a URL (any spelling; WHATWG URL parsing already turns `2130706433`, `0177.1`
// and `0x7f000001` into `127.0.0.1`) and, for host names, inside the DNS lookup handed to got,
// so there is no gap between checking a name and connecting to what it resolves to.

import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/** The address policy: true when a connection to `ip` must be refused. */
export type AddressPolicy = (ip: string) => boolean;

const BLOCKED_V4: Array<[string, number]> = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local (cloud metadata lives here)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // TEST-NET-1
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // TEST-NET-2
  ['203.0.113.0', 24], // TEST-NET-3
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and 255.255.255.255 broadcast
];

const BLOCKED_V6: Array<[string, number]> = [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['::', 96], // IPv4-compatible (deprecated)
  ['64:ff9b:1::', 48], // local-use NAT64
  ['100::', 64], // discard-only
  ['2001:db8::', 32], // documentation
  ['2001:2::', 48], // benchmarking
  ['2001:10::', 28], // ORCHID
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
];

const blockList = new BlockList();
for (const [network, prefix] of BLOCKED_V4) blockList.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of BLOCKED_V6) blockList.addSubnet(network, prefix, 'ipv6');

/** Expands an IPv6 address (no zone id) to eight 16-bit groups. */
function expandIPv6(ip: string): number[] {
  let text = ip;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1].split('.').map(Number);
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const parse = (part: string | undefined) => (part ? part.split(':').map((group) => parseInt(group, 16)) : []);
  const left = parse(head);
  const right = parse(tail);
  const fill = tail === undefined ? [] : new Array<number>(8 - left.length - right.length).fill(0);
  return [...left, ...fill, ...right];
}

function groupsToIPv4(high: number, low: number): string {
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}

/**
 * The IPv4 addresses an IPv6 address carries, in every form that can route to them:
 * IPv4-mapped `::ffff:a.b.c.d`, IPv4-translated `::ffff:0:a.b.c.d` (RFC 2765), NAT64
 * `64:ff9b::a.b.c.d`, 6to4 `2002:AABB:CCDD::`, ISATAP `…:0:5efe:a.b.c.d` (RFC 5214) and
 * Teredo `2001:0:SERVER:…:~CLIENT` (RFC 4380: its server, and its client stored inverted).
 * IPv4-compatible `::a.b.c.d` is refused as a whole range (BLOCKED_V6).
 */
export function findEmbeddedIPv4s(ip: string): string[] {
  const groups = expandIPv6(ip);
  if (groups.length !== 8 || groups.some((group) => !Number.isInteger(group) || group < 0 || group > 0xffff)) return [];
  const zeros = (from: number, to: number) => groups.slice(from, to).every((group) => group === 0);
  const last = groupsToIPv4(groups[6], groups[7]);
  if (zeros(0, 5) && groups[5] === 0xffff) return [last]; // mapped
  if (zeros(0, 4) && groups[4] === 0xffff && groups[5] === 0) return [last]; // translated
  if (groups[0] === 0x64 && groups[1] === 0xff9b && zeros(2, 6)) return [last]; // NAT64
  if (groups[0] === 0x2002) return [groupsToIPv4(groups[1], groups[2])]; // 6to4
  if (groups[0] === 0x2001 && groups[1] === 0)
    return [groupsToIPv4(groups[2], groups[3]), groupsToIPv4(~groups[6] & 0xffff, ~groups[7] & 0xffff)]; // Teredo
  if ((groups[4] & 0xfdff) === 0 && groups[5] === 0x5efe) return [last]; // ISATAP
  return [];
}

/** True for any address a feed fetch must not reach without allowPrivateNetworks. */
export function isBlockedAddress(ip: string): boolean {
  const address = ip.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(address);
  if (family === 4) return blockList.check(address, 'ipv4');
  if (family !== 6) return true; // not an IP at all: refuse rather than guess
  if (findEmbeddedIPv4s(address).some((embedded) => isBlockedAddress(embedded))) return true;
  return blockList.check(address, 'ipv6');
}

/** The error a guarded lookup fails with; the client maps it to BLOCKED_ADDRESS. */
export class BlockedAddressError extends Error {
  readonly code = 'EBLOCKEDADDRESS';
  constructor(
    readonly hostname: string,
    readonly addresses: string[],
  ) {
    super(`Refusing to connect to ${hostname}: only private or reserved addresses (${addresses.join(', ')})`);
    this.name = 'BlockedAddressError';
  }
}

/** The bare IP of a URL's host when it is a literal address, else undefined. */
export function findLiteralAddress(hostname: string): string | undefined {
  const bare = hostname.replace(/^\[|\]$/g, '');
  return isIP(bare) === 0 ? undefined : bare;
}

/**
 * A `dns.lookup` replacement for got's `dnsLookup` that drops refused addresses from the
 * answer, and fails with BlockedAddressError when none is left. The socket connects only to
 * what this returns, so the check and the connection see the same addresses.
 */
export function createGuardedLookup(isBlocked: AddressPolicy): LookupFunction {
  return (hostname: string, options: LookupOptions, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, []);
      const allowed = addresses.filter((entry) => !isBlocked(entry.address));
      if (allowed.length === 0) {
        return callback(
          new BlockedAddressError(
            hostname,
            addresses.map((entry) => entry.address),
          ),
          [],
        );
      }
      if (options.all) return callback(null, allowed);
      return callback(null, allowed[0].address, allowed[0].family);
    });
  };
}
