// Hints for spec.trafficDistribution: PreferClose / PreferSameZone (own zone) and PreferSameNode
// (own zone and own node), ready endpoints only, no balancing.
// Upstream: staging/src/k8s.io/endpointslice/trafficdist/trafficdist.go

import type { Endpoint, EndpointHints, EndpointSlice } from '../../types';

const CLOSE_TRAFFIC_DISTRIBUTION = new Set(['PreferClose', 'PreferSameZone', 'PreferSameNode']);

interface Heuristic {
  needsUpdate(slice: EndpointSlice): boolean;
  update(slice: EndpointSlice): void;
}

function endpointReady(endpoint: Endpoint): boolean {
  return endpoint.conditions?.ready === true;
}

/** defaultHeuristic: cluster-wide routing, so every hint goes. */
const defaultHeuristic: Heuristic = {
  needsUpdate(slice) {
    return (slice.endpoints ?? []).some((ep) => ep.hints !== undefined);
  },
  update(slice) {
    const endpoints = slice.endpoints ?? [];
    for (let i = 0; i < endpoints.length; i++) {
      if (endpoints[i].hints !== undefined) {
        const { hints: _dropped, ...rest } = endpoints[i];
        endpoints[i] = rest;
      }
    }
  },
};

/** preferCloseHeuristic: own-zone hint (and own-node hint for PreferSameNode) on ready endpoints. */
function preferCloseHeuristic(generateNodeHints: boolean): Heuristic {
  return {
    needsUpdate(slice) {
      for (const endpoint of slice.endpoints ?? []) {
        if (!endpointReady(endpoint)) continue;
        const hints = endpoint.hints;
        if (endpoint.zone !== undefined) {
          const z = hints?.forZones;
          if (!z || z.length !== 1 || z[0].name !== endpoint.zone) return true;
        } else if (hints?.forZones && hints.forZones.length > 0) {
          return true;
        }
        if (endpoint.nodeName !== undefined && generateNodeHints) {
          const n = hints?.forNodes;
          if (!n || n.length !== 1 || n[0].name !== endpoint.nodeName) return true;
        } else if (hints?.forNodes && hints.forNodes.length > 0) {
          return true;
        }
      }
      return false;
    },
    update(slice) {
      const endpoints = slice.endpoints ?? [];
      for (let i = 0; i < endpoints.length; i++) {
        const endpoint = endpoints[i];
        // Not-ready endpoints keep whatever they have (new endpoints have none).
        if (!endpointReady(endpoint)) continue;
        const hints: EndpointHints = {};
        if (endpoint.zone !== undefined) hints.forZones = [{ name: endpoint.zone }];
        if (endpoint.nodeName !== undefined && generateNodeHints) hints.forNodes = [{ name: endpoint.nodeName }];
        if (hints.forZones || hints.forNodes) {
          endpoints[i] = { ...endpoint, hints };
        } else if (endpoint.hints !== undefined) {
          const { hints: _dropped, ...rest } = endpoint;
          endpoints[i] = rest;
        }
      }
    },
  };
}

/**
 * ReconcileHints: unchanged slices with missing or wrong hints are copied into the updates; every
 * slice being created or updated gets its hints recomputed.
 */
export function reconcileHints(
  trafficDistribution: string | undefined,
  slicesToCreate: EndpointSlice[],
  slicesToUpdate: EndpointSlice[],
  slicesUnchanged: readonly EndpointSlice[],
  deepCopy: (slice: EndpointSlice) => EndpointSlice,
): { toCreate: EndpointSlice[]; toUpdate: EndpointSlice[]; unchanged: EndpointSlice[] } {
  const h =
    trafficDistribution !== undefined && CLOSE_TRAFFIC_DISTRIBUTION.has(trafficDistribution)
      ? preferCloseHeuristic(trafficDistribution === 'PreferSameNode')
      : defaultHeuristic;
  const unchanged: EndpointSlice[] = [];
  for (const slice of slicesUnchanged) {
    if (h.needsUpdate(slice)) slicesToUpdate.push(deepCopy(slice));
    else unchanged.push(slice);
  }
  for (const slice of slicesToCreate) h.update(slice);
  for (const slice of slicesToUpdate) h.update(slice);
  return { toCreate: slicesToCreate, toUpdate: slicesToUpdate, unchanged };
}
