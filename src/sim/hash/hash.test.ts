import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CoreEndpointPort, EndpointPort, EndpointSubset } from '../types';
import {
  dumpCoreEndpointPort,
  dumpDiscoveryPort,
  dumpEndpointSubset,
  fnv128aHex,
  sortCoreEndpointPorts,
  sortDiscoveryPorts,
  sortEndpointSubsets,
} from './index';
import { md5Hex } from './md5.testutil';

// Independent reference: FNV-1a 128 straight from its definition, with BigInt.
function fnv128aBig(text: string): string {
  const prime = (1n << 88n) + 0x13bn;
  const mask = (1n << 128n) - 1n;
  let h = 0x6c62272e07bb014262b821756295c58dn;
  for (const b of new TextEncoder().encode(text)) h = ((h ^ BigInt(b)) * prime) & mask;
  return h.toString(16).padStart(32, '0');
}

describe('fnv128aHex', () => {
  it('matches the published FNV-1a 128 vectors', () => {
    expect(fnv128aHex('')).toBe('6c62272e07bb014262b821756295c58d');
    expect(fnv128aHex('a')).toBe('d228cb696f1a8caf78912b704e4a8964');
  });
  it('matches a BigInt implementation of the definition, ASCII and non-ASCII', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => fnv128aHex(s) === fnv128aBig(s)), { numRuns: 300 });
    expect(fnv128aHex('(v1.EndpointPort){Name:(*string)dns}')).toBe(fnv128aBig('(v1.EndpointPort){Name:(*string)dns}'));
  });
});

describe('md5 test helper', () => {
  it('matches RFC 1321 vectors', () => {
    expect(md5Hex('')).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(md5Hex('abc')).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(md5Hex('message digest')).toBe('f96b697d7cb7938d525a2f31aaf161d0');
  });
});

describe('go-spew %#v dumps', () => {
  it('discovery/v1 EndpointPort: pointer fields print (*T)value, nil as (*T)<nil>', () => {
    expect(dumpDiscoveryPort({ name: 'http', protocol: 'TCP', port: 80 })).toBe(
      '(v1.EndpointPort){Name:(*string)http Protocol:(*v1.Protocol)TCP Port:(*int32)80 AppProtocol:(*string)<nil>}',
    );
    expect(dumpDiscoveryPort({})).toBe(
      '(v1.EndpointPort){Name:(*string)<nil> Protocol:(*v1.Protocol)<nil> Port:(*int32)<nil> AppProtocol:(*string)<nil>}',
    );
  });
  it('core/v1 EndpointPort: value fields print (T)value', () => {
    expect(dumpCoreEndpointPort({ name: '', port: 8080, protocol: 'TCP', appProtocol: 'http' })).toBe(
      '(v1.EndpointPort){Name:(string) Port:(int32)8080 Protocol:(v1.Protocol)TCP AppProtocol:(*string)http}',
    );
  });
  it('core/v1 EndpointSubset: slice elements without type, nil slices as ([]T)<nil>', () => {
    const subset: EndpointSubset = {
      addresses: [
        { ip: '10.0.0.1', nodeName: 'n1', targetRef: { kind: 'Pod', namespace: 'default', name: 'p', uid: 'u1' } },
      ],
      ports: [{ name: 'http', port: 80, protocol: 'TCP' }],
    };
    expect(dumpEndpointSubset(subset)).toBe(
      '(v1.EndpointSubset){Addresses:([]v1.EndpointAddress)[{IP:(string)10.0.0.1 Hostname:(string) NodeName:(*string)n1 ' +
        'TargetRef:(*v1.ObjectReference){Kind:(string)Pod Namespace:(string)default Name:(string)p UID:(types.UID)u1 ' +
        'APIVersion:(string) ResourceVersion:(string) FieldPath:(string)}}] NotReadyAddresses:([]v1.EndpointAddress)<nil> ' +
        'Ports:([]v1.EndpointPort)[{Name:(string)http Port:(int32)80 Protocol:(v1.Protocol)TCP AppProtocol:(*string)<nil>}]}',
    );
  });
});

// kubeadm's kube-dns Service: dns 53/UDP, dns-tcp 53/TCP, metrics 9153/TCP (reference §15.1).
const kubeDnsSlicePorts: EndpointPort[] = [
  { name: 'dns', protocol: 'UDP', port: 53 },
  { name: 'dns-tcp', protocol: 'TCP', port: 53 },
  { name: 'metrics', protocol: 'TCP', port: 9153 },
];
const kubeDnsCorePorts: CoreEndpointPort[] = [
  { name: 'dns', port: 53, protocol: 'UDP' },
  { name: 'dns-tcp', port: 53, protocol: 'TCP' },
  { name: 'metrics', port: 9153, protocol: 'TCP' },
];
const byDigest = <T>(items: T[], dump: (t: T) => string, h: (s: string) => string) =>
  [...items].sort((a, b) => (h(dump(a)) < h(dump(b)) ? -1 : 1));

describe('kube-dns cross-check against publicly observed kubectl output', () => {
  it('EndpointSlice PORTS: 53,53,9153 with FNV (≥1.35), 9153,53,53 with md5 (1.21–1.34)', () => {
    expect(sortDiscoveryPorts(kubeDnsSlicePorts).map((p) => p.port)).toEqual([53, 53, 9153]);
    expect(byDigest(kubeDnsSlicePorts, dumpDiscoveryPort, md5Hex).map((p) => p.port)).toEqual([9153, 53, 53]);
  });
  it('≤1.20 (md5 over discovery/v1beta1 EndpointPort, same fields): 53,9153,53', () => {
    const v1beta1 = (p: EndpointPort) => dumpDiscoveryPort(p).replace('(v1.EndpointPort)', '(v1beta1.EndpointPort)');
    expect(byDigest(kubeDnsSlicePorts, v1beta1, md5Hex).map((p) => p.port)).toEqual([53, 9153, 53]);
  });
  it('Endpoints: the :9153 entry first with FNV, the two :53 entries first with md5', () => {
    expect(sortCoreEndpointPorts(kubeDnsCorePorts)[0].port).toBe(9153);
    expect(byDigest(kubeDnsCorePorts, dumpCoreEndpointPort, md5Hex).slice(0, 2).map((p) => p.port)).toEqual([53, 53]);
  });
  it('the sort is a permutation that does not depend on the input order', () => {
    const a = sortDiscoveryPorts(kubeDnsSlicePorts);
    const b = sortDiscoveryPorts([...kubeDnsSlicePorts].reverse());
    expect(b).toEqual(a);
    expect(new Set(a)).toEqual(new Set(kubeDnsSlicePorts));
  });
});

describe('sortEndpointSubsets', () => {
  it('sorts addresses by IP as a byte string then UID, leaves nil lists nil, returns new objects', () => {
    const input: EndpointSubset[] = [
      {
        addresses: [
          { ip: '10.0.0.2', targetRef: { kind: 'Pod', uid: 'b' } },
          { ip: '10.0.0.10', targetRef: { kind: 'Pod', uid: 'z' } },
          { ip: '10.0.0.2', targetRef: { kind: 'Pod', uid: 'a' } },
        ],
        ports: [{ name: 'p', port: 1, protocol: 'TCP' }],
      },
    ];
    const out = sortEndpointSubsets(input);
    expect(out).toEqual([
      {
        addresses: [
          { ip: '10.0.0.10', targetRef: { kind: 'Pod', uid: 'z' } },
          { ip: '10.0.0.2', targetRef: { kind: 'Pod', uid: 'a' } },
          { ip: '10.0.0.2', targetRef: { kind: 'Pod', uid: 'b' } },
        ],
        ports: [{ name: 'p', port: 1, protocol: 'TCP' }],
      },
    ]);
    expect(out[0]).not.toBe(input[0]);
    expect(input[0].addresses![0].ip).toBe('10.0.0.2');
  });
  it('orders subsets by the digest of their dump after the inner sort', () => {
    const s1: EndpointSubset = { addresses: [{ ip: '10.0.0.1' }], ports: [{ name: 'a', port: 80, protocol: 'TCP' }] };
    const s2: EndpointSubset = { addresses: [{ ip: '10.0.0.2' }], ports: [{ name: 'a', port: 81, protocol: 'TCP' }] };
    const s3: EndpointSubset = { notReadyAddresses: [{ ip: '10.0.0.3' }], ports: [{ name: 'a', port: 82, protocol: 'TCP' }] };
    const expected = [s1, s2, s3].sort((x, y) => (fnv128aBig(dumpEndpointSubset(x)) < fnv128aBig(dumpEndpointSubset(y)) ? -1 : 1));
    expect(sortEndpointSubsets([s3, s1, s2])).toEqual(expected);
    expect(sortEndpointSubsets([s2, s3, s1])).toEqual(expected);
  });
});
