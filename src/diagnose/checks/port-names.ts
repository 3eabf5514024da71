// kube-proxy joins slice ports to Service ports by (name, protocol) — upstream
// pkg/proxy/endpointslicecache.go keys endpoints by ServicePortName{service, port name, protocol}.
// An unnamed Service port therefore needs an unnamed slice port.

import type { Protocol, ServicePort } from '../../sim/types';
import { protocolOf } from '../ports';
import { quote } from '../text';

export interface NamedPort {
  name?: string;
  protocol?: Protocol;
  port?: number;
}

export interface PortNameMismatch {
  /** Service ports nothing in the slice serves. */
  unserved: ServicePort[];
  /** Indexes of slice ports that match no Service port. */
  strays: number[];
}

const same = (a: NamedPort, b: NamedPort) => (a.name ?? '') === (b.name ?? '') && protocolOf(a) === protocolOf(b);

export function comparePortNames(servicePorts: ServicePort[], slicePorts: NamedPort[]): PortNameMismatch {
  return {
    unserved: servicePorts.filter((sp) => !slicePorts.some((p) => same(sp, p))),
    strays: slicePorts.flatMap((p, i) => (servicePorts.some((sp) => same(sp, p)) ? [] : [i])),
  };
}

export function portName(p: NamedPort): string {
  return p.name ? quote(p.name) : 'unnamed ("")';
}

export function describeNamed(p: NamedPort): string {
  return `${portName(p)} ${p.port ?? '?'}/${protocolOf(p)}`;
}

/** Suggested fix for a single stray port standing in for a single unserved Service port. */
export function renameFix(unserved: ServicePort, stray: NamedPort, where: string): string {
  const name = unserved.name ? `name: ${unserved.name}` : 'no name (or name: "")';
  const proto = protocolOf(unserved) !== protocolOf(stray) ? ` and protocol: ${protocolOf(unserved)}` : '';
  return `Give the ${where} port ${name}${proto}, like the Service port.`;
}
