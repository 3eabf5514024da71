// The slices of one Service and address type as the hint logic sees them.
// Upstream: staging/src/k8s.io/endpointslice/topologycache/sliceinfo.go

import type { AddressType, EndpointSlice } from '../../types';
import { getHintsByZone, numReadyEndpoints, type Allocation } from './utils';

export class SliceInfo {
  constructor(
    public readonly serviceKey: string,
    public readonly addressType: AddressType,
    public toCreate: EndpointSlice[],
    public toUpdate: EndpointSlice[],
    /** Existing slices nothing else touches; they are input objects and must be copied to change. */
    public unchanged: EndpointSlice[],
    /** DeepCopy of an existing slice, as the reconciler makes it before an update. */
    public readonly deepCopy: (slice: EndpointSlice) => EndpointSlice,
  ) {}

  getTotalReadyEndpoints(): number {
    let total = 0;
    for (const s of this.toCreate) total += numReadyEndpoints(s.endpoints);
    for (const s of this.toUpdate) total += numReadyEndpoints(s.endpoints);
    for (const s of this.unchanged) total += numReadyEndpoints(s.endpoints);
    return total;
  }

  /**
   * getAllocatedHintsByZone: sums the hints of unchanged slices whose hints are still valid; the
   * others are copied into the updates so their hints get recomputed.
   */
  getAllocatedHintsByZone(allocations: Map<string, Allocation>): Map<string, number> {
    const allocated = new Map<string, number>();
    const stillUnchanged: EndpointSlice[] = [];
    for (const slice of this.unchanged) {
      const hintsByZone = getHintsByZone(slice, allocated, allocations);
      if (hintsByZone === null) {
        this.toUpdate.push(this.deepCopy(slice));
      } else {
        stillUnchanged.push(slice);
        for (const [zone, n] of hintsByZone) allocated.set(zone, (allocated.get(zone) ?? 0) + n);
      }
    }
    this.unchanged = stillUnchanged;
    return allocated;
  }
}
