// ClusterOptions with their defaults, checked once when a cluster is made.

import type { ClusterOptions } from '../types';
import { DEFAULT_START_TIME, parseTime } from './clock';

export const DEFAULT_OPTIONS: Required<ClusterOptions> = {
  maxEndpointsPerSlice: 100,
  startTime: DEFAULT_START_TIME,
  podCIDR: '10.244.0.0/16',
  podCIDRv6: 'fd00:10:244::/56',
  serviceCIDR: '10.96.0.0/12',
  serviceCIDRv6: 'fd00:10:96::/112',
  defaultNodes: 3,
  controllers: {},
};

export function resolveOptions(options: ClusterOptions = {}): Required<ClusterOptions> {
  const o = { ...DEFAULT_OPTIONS };
  for (const k of Object.keys(options) as (keyof ClusterOptions)[]) {
    if (options[k] !== undefined) (o as Record<string, unknown>)[k] = options[k];
  }
  if (!Number.isInteger(o.maxEndpointsPerSlice) || o.maxEndpointsPerSlice < 1 || o.maxEndpointsPerSlice > 1000) {
    throw new Error(`maxEndpointsPerSlice must be an integer in 1..1000, got ${o.maxEndpointsPerSlice}`);
  }
  if (!Number.isInteger(o.defaultNodes) || o.defaultNodes < 1) {
    throw new Error(`defaultNodes must be a positive integer, got ${o.defaultNodes}`);
  }
  parseTime(o.startTime);
  return o;
}
