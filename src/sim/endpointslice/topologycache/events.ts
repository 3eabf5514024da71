// Event messages of topology-aware hints.
// Upstream: staging/src/k8s.io/endpointslice/topologycache/event.go (+ FormatWithAddressType in utils.go)

import type { AddressType } from '../../types';

export const NoZoneSpecified = 'One or more endpoints do not have a zone specified';
export const NoAllocatedHintsForZones = 'No hints allocated for zones';
export const TopologyAwareHintsEnabled = 'Topology Aware Hints has been enabled';
export const TopologyAwareHintsDisabled = 'Topology Aware Hints has been disabled';
export const InsufficientNodeInfo =
  'Insufficient Node information: allocatable CPU or zone not specified on one or more nodes';
export const NodesReadyInOneZoneOnly = 'Nodes only ready in one zone';
export const InsufficientNumberOfEndpoints = 'Insufficient number of endpoints';
export const MinAllocationExceedsOverloadThreshold =
  'Unable to allocate minimum required endpoints to each zone without exceeding overload threshold';

/** EventBuilder: an event to record on the Service. */
export interface EventBuilder {
  eventType: 'Normal' | 'Warning';
  reason: string;
  message: string;
}

/** FormatWithAddressType: "<message>, addressType: <type>". */
export function formatWithAddressType(message: string, addressType: AddressType): string {
  return `${message}, addressType: ${addressType}`;
}
