// printList / printYaml print what the kubectl command lines print, from objects the caller holds.
import { describe, expect, it } from 'vitest';
import type { EndpointSlice, Endpoints } from '../sim/types';
import { SERVICE_YAML, tutorialCluster } from './fixtures.testutil';
import { printList, printYaml } from './print';
import { runCommandLine } from './session';

describe('printList and printYaml', () => {
  const cluster = tutorialCluster([SERVICE_YAML]);
  const out = (line: string) => runCommandLine(cluster, line).output;
  const slices = cluster.list<EndpointSlice>('EndpointSlice');
  const endpoints = cluster.list<Endpoints>('Endpoints');

  it('print the table of `kubectl get endpointslices` / `endpoints`, warning included', () => {
    expect(printList('EndpointSlice', slices, { now: cluster.now() })).toBe(out('kubectl get endpointslices'));
    expect(printList('Endpoints', endpoints, { now: cluster.now() })).toBe(out('kubectl get endpoints'));
    expect(printList('EndpointSlice', slices, { now: cluster.now(), allNamespaces: true })).toBe(out('kubectl get endpointslices -A'));
    const table = printList('Endpoints', endpoints, { now: cluster.now() });
    expect(table.split('\n').slice(0, 3)).toEqual([
      'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice',
      'NAME              ENDPOINTS                                         AGE',
      'example-service   10.244.0.2:9376,10.244.1.2:9376,10.244.2.2:9376   5m',
    ]);
  });

  it('say so when there is nothing, as kubectl does', () => {
    expect(printList('EndpointSlice', [], { now: cluster.now(), namespace: 'shop' })).toBe(out('kubectl get endpointslices -n shop'));
    expect(printList('EndpointSlice', [], { now: cluster.now(), namespace: 'shop' })).toBe('No resources found in shop namespace.\n');
    expect(printList('Endpoints', [], { now: cluster.now(), allNamespaces: true })).toBe(
      'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\nNo resources found\n',
    );
  });

  it('print one object as `kubectl get <kind> <name> -o yaml` does', () => {
    const s = slices[0];
    expect(printYaml(s)).toBe(out(`kubectl get endpointslice ${s.metadata.name} -o yaml`));
    expect(printYaml(s)).toMatch(/^addressType: IPv4\napiVersion: discovery\.k8s\.io\/v1\nendpoints:\n/);
    const e = endpoints[0];
    expect(`Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n${printYaml(e)}`).toBe(
      out(`kubectl get endpoints ${e.metadata.name} -o yaml`),
    );
  });
});
