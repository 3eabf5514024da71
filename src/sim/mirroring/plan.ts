// The write plan a controller returns; the same shape as endpointslice/'s SlicePlan (src/sim/README.md).
import type { EndpointSlice, SimEvent } from '../types';

export interface SlicePlan {
  create: EndpointSlice[];
  update: EndpointSlice[];
  delete: EndpointSlice[];
  events: Omit<SimEvent, 'time'>[];
}
