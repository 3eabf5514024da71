// Pod and Service helpers shared by the endpoint controllers (Endpoints, EndpointSlice, diagnostics).
export { findPort } from './find-port';
export {
  isPodReady,
  isPodTerminal,
  isPodTerminating,
  podIPsOfFamily,
  shouldPodBeInEndpoints,
  shouldSetHostname,
} from './pod';
export { isServiceIPSet, selectPods, selectorMatches, serviceWantsEndpoints } from './service';
