// What the API server stores and returns for a slice the controller writes.
//
// The controller sends `endpoints: []` (placeholder) and `ports: []` (placeholder, or a port group
// with no resolvable port). EndpointSlices are stored as protobuf, where an empty repeated field
// and a missing one are the same thing, and the JSON of a nil Go slice without omitempty is `null`:
// reading the object back gives `endpoints: null` / `ports: null`. The plan returns that stored
// form. Maps (labels, annotations) come back with sorted keys, and an empty annotation map is
// omitted.

import type { EndpointPort, EndpointSlice, ObjectMeta } from '../types';
import { sortKeys } from './utils';

export function toStoredForm(slice: EndpointSlice, sortedPorts: readonly EndpointPort[]): EndpointSlice {
  const metadata: ObjectMeta = { ...slice.metadata };
  if (metadata.labels) metadata.labels = sortKeys(metadata.labels);
  if (metadata.annotations) {
    if (Object.keys(metadata.annotations).length === 0) delete metadata.annotations;
    else metadata.annotations = sortKeys(metadata.annotations);
  }
  const endpoints = slice.endpoints ?? [];
  return {
    ...slice,
    apiVersion: slice.apiVersion,
    kind: 'EndpointSlice',
    metadata,
    addressType: slice.addressType,
    endpoints: endpoints.length > 0 ? endpoints : null,
    ports: sortedPorts.length > 0 ? sortedPorts.map((p) => ({ ...p })) : null,
  };
}
