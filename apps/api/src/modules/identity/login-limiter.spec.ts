import { describe, expect, it } from '@jest/globals';
import { limiterAddress } from './login-limiter.js';

describe('limiterAddress: the address the sign-in limiter counts under', () => {
  it('keeps an IPv4 address, and takes an IPv4-mapped IPv6 address as its IPv4', () => {
    expect(limiterAddress('203.0.113.9')).toBe('203.0.113.9');
    expect(limiterAddress('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(limiterAddress('::FFFF:198.51.100.7')).toBe('198.51.100.7');
  });

  it('counts every address of one IPv6 /64 as one, however it is written', () => {
    const net = '2001:db8:1:2::/64';
    for (const a of ['2001:db8:1:2::1', '2001:0db8:0001:0002:ffff:ffff:ffff:ffff', '2001:db8:1:2:abcd::9', '2001:DB8:1:2::1.2.3.4', '2001:db8:1:2::7%eth0']) {
      expect(limiterAddress(a)).toBe(net);
    }
    expect(limiterAddress('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64');
    expect(limiterAddress('::1')).toBe('0:0:0:0::/64');
    expect(limiterAddress('fe80::1')).toBe('fe80:0:0:0::/64');
  });

  it('leaves anything that is not an IP address as it is', () => {
    expect(limiterAddress('unknown')).toBe('unknown');
  });
});
