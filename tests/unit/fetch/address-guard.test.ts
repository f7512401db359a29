import { describe, expect, test } from 'vitest';
import {
  BlockedAddressError,
  createGuardedLookup,
  findEmbeddedIPv4s,
  findLiteralAddress,
  isBlockedAddress,
} from '../../../src/fetch/address-guard.js';

describe('isBlockedAddress, IPv4', () => {
  test.each([
    ['0.0.0.0', true],
    ['0.1.2.3', true],
    ['10.0.0.1', true],
    ['10.255.255.255', true],
    ['100.64.0.1', true],
    ['100.127.255.254', true],
    ['100.128.0.1', false],
    ['100.63.255.255', false],
    ['127.0.0.1', true],
    ['127.255.255.254', true],
    ['169.254.169.254', true],
    ['172.15.255.255', false],
    ['172.16.0.1', true],
    ['172.31.255.255', true],
    ['172.32.0.1', false],
    ['192.0.2.1', true],
    ['192.168.1.1', true],
    ['192.169.0.1', false],
    ['198.18.0.1', true],
    ['224.0.0.1', true],
    ['239.255.255.250', true],
    ['240.0.0.1', true],
    ['255.255.255.255', true],
    ['8.8.8.8', false],
    ['1.1.1.1', false],
    ['93.184.215.14', false],
    ['151.101.1.140', false],
  ])('%s → %s', (ip, blocked) => {
    expect(isBlockedAddress(ip)).toBe(blocked);
  });
});

describe('isBlockedAddress, IPv6', () => {
  test.each([
    ['::1', true],
    ['::', true],
    ['[::1]', true],
    ['0:0:0:0:0:0:0:1', true],
    ['fc00::1', true],
    ['fd12:3456:789a::1', true],
    ['fe80::1', true],
    ['fe80::1%eth0', true],
    ['febf::1', true],
    ['ff02::1', true],
    ['2001:db8::1', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:7f00:1', true],
    ['::ffff:10.0.0.1', true],
    ['::ffff:169.254.169.254', true],
    ['::ffff:8.8.8.8', false],
    // IPv4-translated (RFC 2765), ISATAP and Teredo spellings of private addresses
    ['::ffff:0:127.0.0.1', true],
    ['::ffff:0:7f00:1', true],
    ['::ffff:0:a9fe:a9fe', true],
    ['::ffff:0:8.8.8.8', false],
    ['2001:db9::5efe:127.0.0.1', true],
    ['2001:db9::200:5efe:10.0.0.1', true],
    ['2001:0:808:808::80ff:fffe', true], // Teredo client 127.0.0.1 (stored inverted)
    ['2001:0:a00:1::f7f7:f7f7', true], // Teredo server 10.0.0.1
    ['2001:0:808:808::f7f7:f7f7', false], // Teredo between 8.8.8.8 and 8.8.8.8
    ['64:ff9b::7f00:1', true],
    ['64:ff9b::808:808', false],
    ['2002:7f00:1::', true],
    ['2002:808:808::', false],
    ['::127.0.0.1', true],
    ['2001:4860:4860::8888', false],
    ['2606:4700:4700::1111', false],
  ])('%s → %s', (ip, blocked) => {
    expect(isBlockedAddress(ip)).toBe(blocked);
  });

  test('anything that is not an IP address is refused', () => {
    expect(isBlockedAddress('localhost')).toBe(true);
    expect(isBlockedAddress('')).toBe(true);
  });
});

describe('literal addresses in URLs', () => {
  test.each([
    ['http://2130706433/', '127.0.0.1'],
    ['http://017700000001/', '127.0.0.1'],
    ['http://0177.0.0.1/', '127.0.0.1'],
    ['http://0x7f.0.0.1/', '127.0.0.1'],
    ['http://0x7f000001/', '127.0.0.1'],
    ['http://127.1/', '127.0.0.1'],
    ['http://0xa9fea9fe/', '169.254.169.254'],
    ['http://[::ffff:127.0.0.1]/', '::ffff:7f00:1'],
    ['http://[0:0:0:0:0:ffff:7f00:1]/', '::ffff:7f00:1'],
    ['http://[::1]:8080/', '::1'],
    ['http://[::ffff:0:127.0.0.1]/', '::ffff:0:7f00:1'],
  ])('%s is the literal %s, and blocked', (url, literal) => {
    const found = findLiteralAddress(new URL(url).hostname);
    expect(found).toBe(literal);
    expect(isBlockedAddress(found as string)).toBe(true);
  });

  test('a host name is not a literal address', () => {
    expect(findLiteralAddress('example.com')).toBeUndefined();
    expect(findLiteralAddress(new URL('http://0x7f.example/').hostname)).toBeUndefined();
  });

  test('embedded IPv4 addresses are found in mapped, translated, NAT64, 6to4, ISATAP and Teredo forms', () => {
    expect(findEmbeddedIPv4s('::ffff:c0a8:101')).toEqual(['192.168.1.1']);
    expect(findEmbeddedIPv4s('::ffff:0:7f00:1')).toEqual(['127.0.0.1']);
    expect(findEmbeddedIPv4s('64:ff9b::a00:1')).toEqual(['10.0.0.1']);
    expect(findEmbeddedIPv4s('2002:c0a8:101::1')).toEqual(['192.168.1.1']);
    expect(findEmbeddedIPv4s('fe80::5efe:a9fe:a9fe')).toEqual(['169.254.169.254']);
    expect(findEmbeddedIPv4s('2001:0:4136:e378:8000:63bf:3fff:fdd2')).toEqual(['65.54.227.120', '192.0.2.45']);
    expect(findEmbeddedIPv4s('2001:4860::1')).toEqual([]);
  });
});

describe('createGuardedLookup', () => {
  function lookup(policy: (ip: string) => boolean, hostname: string, all: boolean) {
    return new Promise<{ error: Error | null; address: unknown }>((resolve) => {
      createGuardedLookup(policy)(hostname, { all }, (error, address) => resolve({ error, address }));
    });
  }

  test('fails with BlockedAddressError when every resolved address is refused', async () => {
    const { error } = await lookup(isBlockedAddress, 'localhost', false);
    expect(error).toBeInstanceOf(BlockedAddressError);
    expect((error as BlockedAddressError).code).toBe('EBLOCKEDADDRESS');
  });

  test('returns only the allowed addresses, in the shape asked for', async () => {
    const allowOnly = (ip: string) => ip !== '127.0.0.1';
    const single = await lookup(allowOnly, '127.0.0.1', false);
    expect(single).toEqual({ error: null, address: '127.0.0.1' });
    const all = await lookup(allowOnly, '127.0.0.1', true);
    expect(all).toEqual({ error: null, address: [{ address: '127.0.0.1', family: 4 }] });
  });
});
