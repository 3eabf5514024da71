// Public face of hash/: the ≥1.35 (FNV-128a) orders of ports and subsets, plus the building blocks.
export { fnv128aHex, utf8Bytes } from './fnv128a';
export {
  dumpCoreEndpointPort,
  dumpDiscoveryPort,
  dumpEndpointAddress,
  dumpEndpointSubset,
} from './spew-dump';
export {
  compareEndpointAddresses,
  hashDump,
  sortCoreEndpointPorts,
  sortDiscoveryPorts,
  sortEndpointSubsets,
} from './sort';
