// Topology-aware hints for `service.kubernetes.io/topology-mode: Auto`: CPU-proportional
// allocation of ready endpoints to zones.
// Upstream: staging/src/k8s.io/endpointslice/topologycache/topologycache.go
//
// Upstream keeps one long-lived cache fed by Node events (SetNodes) and remembers per Service
// whether hints were populated. Here a cache is built for one sync: the node distribution is
// computed from the Nodes passed in, immediately (a live cluster fills its cache asynchronously,
// so hints there may appear one sync later), and the "populated" flag is passed in and out.
// Which Services a Node event syncs (GetOverloadedServices) is decided with cpuRatios and
// serviceOverloaded below, in cluster/endpoint-triggers.ts.

import type { EndpointSlice, Node } from '../../types';
import { LABEL_TOPOLOGY_ZONE } from '../constants';
import { hasLabel } from '../../labels';
import {
  formatWithAddressType,
  InsufficientNodeInfo,
  InsufficientNumberOfEndpoints,
  MinAllocationExceedsOverloadThreshold,
  NoAllocatedHintsForZones,
  NodesReadyInOneZoneOnly,
  NoZoneSpecified,
  TopologyAwareHintsEnabled,
  type EventBuilder,
} from './events';
import { quantityMilliValue } from './quantity';
import type { SliceInfo } from './sliceInfo';
import {
  endpointReady,
  getGivingAndReceivingZones,
  isNodeReady,
  redistributeHints,
  removeHintsFromSlices,
  type Allocation,
} from './utils';

/** overloadThreshold: the most any endpoint should be overloaded (20%). */
const OVERLOAD_THRESHOLD = 0.2;

export interface AddHintsResult {
  toCreate: EndpointSlice[];
  toUpdate: EndpointSlice[];
  events: EventBuilder[];
}

export class TopologyCache {
  /** CPU share per zone, null when node information is insufficient (SetNodes). */
  private readonly cpuRatiosByZone: Map<string, number> | null;

  constructor(
    nodes: Iterable<Node>,
    /** hintsPopulatedByService for this one Service. */
    public hintsPopulated: boolean,
  ) {
    this.cpuRatiosByZone = cpuRatios(nodes);
  }

  hasPopulatedHints(): boolean {
    return this.hintsPopulated;
  }

  removeHints(): void {
    this.hintsPopulated = false;
  }

  /** AddHints: hints for slices being created/updated, plus unchanged slices whose hints are stale. */
  addHints(si: SliceInfo): AddHintsResult {
    const totalEndpoints = si.getTotalReadyEndpoints();
    const { allocations, event } = this.getAllocations(totalEndpoints);
    const events: EventBuilder[] = [];
    if (event) {
      events.push({ ...event, message: formatWithAddressType(event.message, si.addressType) });
      return this.giveUp(si, events);
    }

    const allocatedHintsByZone = si.getAllocatedHintsByZone(allocations);
    const allocatable = [...si.toCreate, ...si.toUpdate];

    // Step 1: every ready endpoint is first hinted to its own zone.
    for (const slice of allocatable) {
      const endpoints = slice.endpoints ?? [];
      for (let i = 0; i < endpoints.length; i++) {
        const endpoint = endpoints[i];
        if (!endpointReady(endpoint)) continue;
        if (!endpoint.zone) {
          events.push({
            eventType: 'Warning',
            reason: 'TopologyAwareHintsDisabled',
            message: formatWithAddressType(NoZoneSpecified, si.addressType),
          });
          return this.giveUp(si, events);
        }
        allocatedHintsByZone.set(endpoint.zone, (allocatedHintsByZone.get(endpoint.zone) ?? 0) + 1);
        endpoints[i] = { ...endpoint, hints: { forZones: [{ name: endpoint.zone }] } };
      }
    }

    // Steps 2 and 3: move hints from over-allocated zones to under-allocated ones.
    const { givingZones, receivingZones } = getGivingAndReceivingZones(allocations, allocatedHintsByZone);
    const redistributions = redistributeHints(allocatable, givingZones, receivingZones);
    for (const [zone, diff] of redistributions) {
      allocatedHintsByZone.set(zone, (allocatedHintsByZone.get(zone) ?? 0) + diff);
    }

    if (allocatedHintsByZone.size === 0) {
      events.push({
        eventType: 'Warning',
        reason: 'TopologyAwareHintsDisabled',
        message: formatWithAddressType(NoAllocatedHintsForZones, si.addressType),
      });
      return this.giveUp(si, events);
    }

    const wasPopulated = this.hintsPopulated;
    this.hintsPopulated = true;
    if (!wasPopulated) {
      events.push({
        eventType: 'Normal',
        reason: 'TopologyAwareHintsEnabled',
        message: formatWithAddressType(TopologyAwareHintsEnabled, si.addressType),
      });
    }
    return { toCreate: si.toCreate, toUpdate: si.toUpdate, events };
  }

  private giveUp(si: SliceInfo, events: EventBuilder[]): AddHintsResult {
    this.removeHints();
    const { toCreate, toUpdate } = removeHintsFromSlices(si);
    return { toCreate, toUpdate, events };
  }

  /**
   * getAllocations: per zone, desired = CPU share × ready endpoints, minimum = ceil(desired / 1.2),
   * maximum = minimum + (endpoints − Σ minimums). An event explains why there are none.
   */
  private getAllocations(numEndpoints: number):
    | { allocations: Map<string, Allocation>; event?: undefined }
    | { allocations?: undefined; event: EventBuilder } {
    const ratios = this.cpuRatiosByZone;
    const disabled = (message: string) => ({
      event: { eventType: 'Warning' as const, reason: 'TopologyAwareHintsDisabled', message },
    });
    if (ratios === null) return disabled(InsufficientNodeInfo);
    if (ratios.size < 2) return disabled(NodesReadyInOneZoneOnly);
    if (ratios.size > numEndpoints) {
      return disabled(`${InsufficientNumberOfEndpoints} (${numEndpoints} endpoints, ${ratios.size} zones)`);
    }
    let remainingMinEndpoints = numEndpoints;
    let minTotal = 0;
    const allocations = new Map<string, Allocation>();
    for (const zone of [...ratios.keys()].sort()) {
      const desired = ratios.get(zone)! * numEndpoints;
      const minimum = Math.ceil(desired * (1 / (1 + OVERLOAD_THRESHOLD)));
      allocations.set(zone, { minimum, maximum: 0, desired: Math.max(desired, minimum) });
      minTotal += minimum;
      remainingMinEndpoints -= minimum;
      if (remainingMinEndpoints < 0) {
        return disabled(
          `${MinAllocationExceedsOverloadThreshold} (${numEndpoints} endpoints, ${ratios.size} zones)`,
        );
      }
    }
    for (const allocation of allocations.values()) {
      allocation.maximum = allocation.minimum + numEndpoints - minTotal;
    }
    return { allocations };
  }
}

/**
 * serviceOverloaded (GetOverloadedServices): a Service whose hinted endpoints per zone (`hintsByZone`,
 * what SetHints recorded) no longer give some zone ceil(total × CPU share / 1.2) of them, or any zone
 * at all when node information is insufficient. A Service without hints is never overloaded.
 */
export function serviceOverloaded(hintsByZone: ReadonlyMap<string, number>, zoneRatios: ReadonlyMap<string, number> | null): boolean {
  if (hintsByZone.size === 0) return false;
  if (!zoneRatios || zoneRatios.size === 0) return true;
  let total = 0;
  for (const n of hintsByZone.values()) total += n;
  for (const [zone, ratio] of zoneRatios) {
    const have = hintsByZone.get(zone);
    if (have === undefined) return true;
    if (have < Math.ceil(total * ratio * (1 / (1 + OVERLOAD_THRESHOLD)))) return true;
  }
  return false;
}

/** Nodes carrying either label are left out of the capacity calculation. */
function hasExcludedLabels(labels: Record<string, string> | undefined): boolean {
  return hasLabel(labels, 'node-role.kubernetes.io/control-plane') || hasLabel(labels, 'node-role.kubernetes.io/master');
}

/**
 * SetNodes: CPU share per zone over ready, non-control-plane nodes. Any such node without a zone
 * label or allocatable CPU, no CPU at all, or fewer than two zones → null (no hints anywhere).
 */
export function cpuRatios(nodes: Iterable<Node>): Map<string, number> | null {
  const cpuByZone = new Map<string, number>();
  let totalCPU = 0;
  for (const node of nodes) {
    if (hasExcludedLabels(node.metadata.labels)) continue;
    if (!isNodeReady(node)) continue;
    const nodeCPU = quantityMilliValue(node.status?.allocatable?.cpu);
    const zone = node.metadata.labels?.[LABEL_TOPOLOGY_ZONE];
    if (!zone || nodeCPU === 0) return null;
    totalCPU += nodeCPU;
    cpuByZone.set(zone, (cpuByZone.get(zone) ?? 0) + nodeCPU);
  }
  if (totalCPU === 0 || cpuByZone.size < 2) return null;
  const ratios = new Map<string, number>();
  for (const [zone, cpu] of cpuByZone) ratios.set(zone, cpu / totalCPU);
  return ratios;
}
