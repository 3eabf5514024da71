import { describe, expect, it } from 'vitest';
import { canonicalIP, ipFamily, isIPv6String, parseIP } from './ip';

describe('canonicalIP (Go net.IP.String of ParseIPSloppy)', () => {
  it('IPv4: dotted decimal, leading zeros read as decimal by the sloppy parser', () => {
    expect(canonicalIP('10.244.1.5')).toBe('10.244.1.5');
    expect(canonicalIP('010.001.002.003')).toBe('10.1.2.3');
    expect(parseIP('010.1.2.3', { sloppy: false })).toBeUndefined();
  });
  it('IPv6: RFC 5952 form', () => {
    expect(canonicalIP('FD00:0:0:0:0:0:0:1')).toBe('fd00::1');
    expect(canonicalIP('2001:0db8:0000:0000:0001:0000:0000:0001')).toBe('2001:db8::1:0:0:1');
    expect(canonicalIP('2001:db8:0:1:1:1:1:1')).toBe('2001:db8:0:1:1:1:1:1'); // a single zero group is not compressed
    expect(canonicalIP('::')).toBe('::');
    expect(canonicalIP('::1')).toBe('::1');
    expect(canonicalIP('fd00:10:244:1::')).toBe('fd00:10:244:1::');
    expect(canonicalIP('::1.2.3.4')).toBe('::102:304');
  });
  it('IPv4-mapped IPv6 is IPv4 and prints dotted', () => {
    expect(canonicalIP('::ffff:10.0.0.1')).toBe('10.0.0.1');
    expect(ipFamily('::ffff:10.0.0.1')).toBe('IPv4');
  });
  it('rejects what is not an IP', () => {
    for (const bad of ['', '10.0.0', '10.0.0.256', '1.2.3.4.5', 'fd00::1::2', 'fd00:::1', '1:2:3:4:5:6:7:8:9', 'fe80::1%eth0', '10.0.0.0/8', 'abc', '1:2:3:4:5:6:7::8:9', ':1', '1:']) {
      expect(canonicalIP(bad), bad).toBeUndefined();
    }
  });
  it('families', () => {
    expect(ipFamily('10.0.0.1')).toBe('IPv4');
    expect(ipFamily('fd00::5')).toBe('IPv6');
    expect(isIPv6String('fd00::5')).toBe(true);
    expect(isIPv6String('nonsense')).toBe(false);
  });
});
