// What the API server does with `kubectl apply` and `kubectl delete`: batch order, namespaces, names,
// server fields, per-kind defaults and allocations, and the store write. Controllers run afterwards
// (settle.ts); nothing here decides what they do.
// Upstream: the apiserver's create/update handlers, each kind's registry strategy (PrepareForCreate,
// PrepareForUpdate) and defaulting; pkg/registry/core/service/ipallocator and portallocator.

import type { ApplyResult, Deployment, Kind, KObject, ObjectRef, Pod, Service } from '../types';
import { CLUSTER_SCOPED, KINDS } from '../types';
import { apiVersionOf, applyRank, carryServerFields, checkApplicable, defaultNamespace, namespaceObject, podNameOrder } from './admission';
import { defaultEndpoints } from './endpoint-defaults';
import { normalizeSlice } from './endpoint-sync';
import type { NameGenerator } from './ids';
import { clone } from './json';
import { admitPodSpec, keepAdmittedFields } from './pod-admission';
import { defaultPodSpec } from './pod-defaults';
import type { PodLifecycle } from './pod-lifecycle';
import { withPodIPFields } from './pod-status';
import { allocatedValues, defaultService, type ServiceAllocator } from './service-defaults';
import { nsKey, type ObjectStore } from './store';
import { defaultWorkloadSpec } from './workloads';

export interface ApiServerDeps {
  store: ObjectStore;
  names: NameGenerator;
  serviceAlloc: ServiceAllocator;
  pods: PodLifecycle;
}

export class ApiServer {
  constructor(private readonly deps: ApiServerDeps) {}

  /** Apply a batch (refused whole if any object cannot be taken); results come back in input order. */
  apply(objects: KObject[]): ApplyResult[] {
    // Refuse the whole batch before touching anything, so a bad object never leaves half a change.
    for (const obj of objects) checkApplicable(obj);
    const order = objects
      .map((obj, i) => ({ obj, i }))
      .sort((a, b) => applyRank(a.obj) - applyRank(b.obj) || podNameOrder(a.obj, b.obj) || a.i - b.i);
    const results: ApplyResult[] = new Array(objects.length);
    for (const { obj, i } of order) results[i] = this.applyOne(obj);
    return results;
  }

  /** Delete one object: a Pod gracefully, a Namespace with its contents, anything else at once. */
  delete(ref: ObjectRef, opts: { gracePeriodSeconds?: number }): boolean {
    const { store } = this.deps;
    const obj = store.get(ref.kind, ref.namespace, ref.name);
    if (!obj) return false;
    if (ref.kind === 'Namespace') this.deleteNamespace(ref.name);
    else if (ref.kind === 'Pod') this.deps.pods.deleteGracefully(obj as Pod, opts.gracePeriodSeconds, 'user');
    else store.remove(ref.kind, ref.namespace, ref.name, 'user');
    return true;
  }

  /** A deleted Service gives its cluster IPs and node ports back to the allocators. */
  serviceDeleted(svc: Service): void {
    const { ips, ports } = allocatedValues(svc);
    for (const ip of ips) this.deps.serviceAlloc.releaseIP(ip);
    for (const p of ports) this.deps.serviceAlloc.releasePort(p);
  }

  private applyOne(input: KObject): ApplyResult {
    const { store, names } = this.deps;
    const kind = input.kind as Kind;
    const ns = nsKey(kind, input.metadata.namespace);
    if (!CLUSTER_SCOPED.has(kind)) this.ensureNamespace(ns);
    let obj = clone(input);
    obj.metadata = { ...obj.metadata };
    if (!CLUSTER_SCOPED.has(kind)) obj.metadata.namespace = ns;
    else delete obj.metadata.namespace;
    if (!obj.apiVersion) obj.apiVersion = apiVersionOf(kind);
    if (!obj.metadata.name) {
      obj.metadata.name = names.generate(ns, obj.metadata.generateName!, (n) => !!store.get(kind, ns, n));
    }
    const name = obj.metadata.name!;
    const ref: ObjectRef = CLUSTER_SCOPED.has(kind) ? { kind, name } : { kind, namespace: ns, name };
    const old = store.get(kind, ns, name);
    delete obj.metadata.resourceVersion;
    delete obj.metadata.generation;
    if (old) obj = carryServerFields(obj, old);
    obj = this.prepare(obj, old);
    if (!old) {
      store.create(obj, 'user');
      return { ref, action: 'created' };
    }
    const stored = store.update(obj, 'user');
    return { ref, action: stored === old ? 'unchanged' : 'configured' };
  }

  private prepare(obj: KObject, old: KObject | undefined): KObject {
    const { serviceAlloc } = this.deps;
    switch (obj.kind as Kind) {
      case 'Namespace':
        return defaultNamespace(obj);
      case 'Service': {
        const svc = defaultService(obj as Service, old as Service | undefined, serviceAlloc);
        // Release what the old version held and the new one does not.
        const now = allocatedValues(svc);
        const before = allocatedValues(old as Service | undefined);
        for (const ip of before.ips) if (!now.ips.includes(ip)) serviceAlloc.releaseIP(ip);
        for (const p of before.ports) if (!now.ports.includes(p)) serviceAlloc.releasePort(p);
        return svc;
      }
      case 'Deployment':
      case 'ReplicaSet': {
        const w = obj as Deployment;
        const spec = { ...(w.spec ?? {}) } as Deployment['spec'];
        defaultWorkloadSpec(obj.kind as 'Deployment', spec);
        spec.template = { ...(spec.template ?? { spec: { containers: [] } }) };
        spec.template.spec = defaultPodSpec(spec.template.spec);
        return { ...w, spec };
      }
      case 'Pod':
        return this.preparePod(obj as Pod, old as Pod | undefined);
      case 'EndpointSlice':
        return normalizeSlice(obj);
      case 'Endpoints':
        return defaultEndpoints(obj);
      default:
        return obj;
    }
  }

  /** Defaults, then (for a new pod given without status) scheduling, IPs and a Running status. */
  private preparePod(input: Pod, old: Pod | undefined): Pod {
    const spec = defaultPodSpec(input.spec);
    const pod: Pod = {
      ...input,
      spec: old ? keepAdmittedFields(spec, old.spec) : admitPodSpec(spec, input.metadata.uid ?? `${input.metadata.namespace}/${input.metadata.name}`),
    };
    // podIP and podIPs are kept in step the way the API server's conversion does it.
    if (pod.status) pod.status = withPodIPFields(pod.status);
    if (old) return pod;
    if (pod.status) {
      this.deps.pods.reserveIPs(pod);
      return pod;
    }
    return this.deps.pods.start(pod);
  }

  private ensureNamespace(ns: string): void {
    const { store } = this.deps;
    if (!store.get('Namespace', undefined, ns)) store.create(namespaceObject(ns), 'system');
  }

  private deleteNamespace(name: string): void {
    const { store } = this.deps;
    // The namespace controller empties the namespace; here everything goes at once (pods included).
    for (const kind of KINDS) {
      if (CLUSTER_SCOPED.has(kind)) continue;
      for (const obj of store.list(kind, name)) store.remove(kind, name, obj.metadata.name!, 'system');
    }
    store.remove('Namespace', undefined, name, 'user');
  }
}
