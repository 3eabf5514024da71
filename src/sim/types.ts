// The shared vocabulary of the simulator: the Kubernetes object shapes it reads and writes, and the
// Cluster contract that the browser island, the CLI, kubectl and the tests all program against.
// Shapes follow the Kubernetes API (k8s.io/api core/v1, apps/v1, discovery/v1); only the fields the
// simulator reads are typed, everything else is carried through untouched.

export type Kind =
  | 'Namespace'
  | 'Node'
  | 'Pod'
  | 'Deployment'
  | 'ReplicaSet'
  | 'Service'
  | 'Endpoints'
  | 'EndpointSlice';

export const KINDS: readonly Kind[] = [
  'Namespace',
  'Node',
  'Pod',
  'Deployment',
  'ReplicaSet',
  'Service',
  'Endpoints',
  'EndpointSlice',
];

/** Kinds that live outside namespaces. */
export const CLUSTER_SCOPED: ReadonlySet<Kind> = new Set<Kind>(['Namespace', 'Node']);

export const API_VERSION: Record<Kind, string> = {
  Namespace: 'v1',
  Node: 'v1',
  Pod: 'v1',
  Service: 'v1',
  Endpoints: 'v1',
  Deployment: 'apps/v1',
  ReplicaSet: 'apps/v1',
  EndpointSlice: 'discovery.k8s.io/v1',
};

export type Labels = Record<string, string>;

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Labels;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  [extra: string]: unknown;
}

export interface KObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [field: string]: unknown;
}

export interface ObjectRef {
  kind: Kind;
  namespace?: string;
  name: string;
}

// ---- core/v1 Service -----------------------------------------------------------------------------

export type Protocol = 'TCP' | 'UDP' | 'SCTP';
export type IPFamily = 'IPv4' | 'IPv6';

export interface ServicePort {
  name?: string;
  protocol?: Protocol;
  appProtocol?: string;
  port: number;
  targetPort?: number | string;
  nodePort?: number;
}

export interface ServiceSpec {
  selector?: Labels | null;
  ports?: ServicePort[];
  type?: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';
  clusterIP?: string;
  clusterIPs?: string[];
  ipFamilies?: IPFamily[];
  ipFamilyPolicy?: 'SingleStack' | 'PreferDualStack' | 'RequireDualStack';
  externalName?: string;
  externalIPs?: string[];
  publishNotReadyAddresses?: boolean;
  sessionAffinity?: string;
  externalTrafficPolicy?: string;
  internalTrafficPolicy?: string;
  trafficDistribution?: string;
  [extra: string]: unknown;
}

export interface Service extends KObject {
  kind: 'Service';
  spec: ServiceSpec;
  status?: Record<string, unknown>;
}

// ---- core/v1 Pod and Node ------------------------------------------------------------------------

export interface ContainerPort {
  name?: string;
  containerPort: number;
  protocol?: Protocol;
  hostPort?: number;
}

export interface Container {
  name: string;
  image?: string;
  ports?: ContainerPort[];
  restartPolicy?: string;
  readinessProbe?: unknown;
  [extra: string]: unknown;
}

export interface PodSpec {
  containers: Container[];
  initContainers?: Container[];
  nodeName?: string;
  hostname?: string;
  subdomain?: string;
  hostNetwork?: boolean;
  terminationGracePeriodSeconds?: number;
  [extra: string]: unknown;
}

export interface PodCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  lastTransitionTime?: string;
  [extra: string]: unknown;
}

export interface PodStatus {
  phase?: 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';
  podIP?: string;
  podIPs?: { ip: string }[];
  hostIP?: string;
  conditions?: PodCondition[];
  startTime?: string;
  [extra: string]: unknown;
}

export interface Pod extends KObject {
  kind: 'Pod';
  spec: PodSpec;
  status?: PodStatus;
}

export interface Node extends KObject {
  kind: 'Node';
  spec?: { podCIDR?: string; podCIDRs?: string[]; [extra: string]: unknown };
  status?: {
    conditions?: { type: string; status: string; [extra: string]: unknown }[];
    allocatable?: Record<string, string>;
    capacity?: Record<string, string>;
    addresses?: { type: string; address: string }[];
    [extra: string]: unknown;
  };
}

// ---- apps/v1 -------------------------------------------------------------------------------------

export interface LabelSelector {
  matchLabels?: Labels;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

export interface PodTemplate {
  metadata?: ObjectMeta;
  spec: PodSpec;
}

export interface Deployment extends KObject {
  kind: 'Deployment';
  spec: { replicas?: number; selector: LabelSelector; template: PodTemplate; [extra: string]: unknown };
  status?: Record<string, unknown>;
}

export interface ReplicaSet extends KObject {
  kind: 'ReplicaSet';
  spec: { replicas?: number; selector: LabelSelector; template: PodTemplate; [extra: string]: unknown };
  status?: Record<string, unknown>;
}

// ---- discovery.k8s.io/v1 EndpointSlice -----------------------------------------------------------

export interface EndpointConditions {
  ready?: boolean;
  serving?: boolean;
  terminating?: boolean;
}

export interface ObjectReference {
  kind?: string;
  namespace?: string;
  name?: string;
  uid?: string;
  resourceVersion?: string;
  apiVersion?: string;
  fieldPath?: string;
}

export interface EndpointHints {
  forZones?: { name: string }[];
  forNodes?: { name: string }[];
}

export interface Endpoint {
  addresses: string[];
  conditions?: EndpointConditions;
  hostname?: string;
  targetRef?: ObjectReference;
  nodeName?: string;
  zone?: string;
  hints?: EndpointHints;
}

/** discovery/v1 EndpointPort: every field optional, as in the API. */
export interface EndpointPort {
  name?: string;
  protocol?: Protocol;
  port?: number;
  appProtocol?: string;
}

export type AddressType = 'IPv4' | 'IPv6' | 'FQDN';

export interface EndpointSlice extends KObject {
  kind: 'EndpointSlice';
  addressType: AddressType;
  /** null when read back empty from the API server (protobuf drops empty lists). */
  endpoints: Endpoint[] | null;
  ports: EndpointPort[] | null;
}

// ---- core/v1 Endpoints (legacy) ------------------------------------------------------------------

export interface EndpointAddress {
  ip: string;
  hostname?: string;
  nodeName?: string;
  targetRef?: ObjectReference;
}

/** core/v1 EndpointPort: port is required there. */
export interface CoreEndpointPort {
  name?: string;
  port: number;
  protocol?: Protocol;
  appProtocol?: string;
}

export interface EndpointSubset {
  addresses?: EndpointAddress[];
  notReadyAddresses?: EndpointAddress[];
  ports?: CoreEndpointPort[];
}

export interface Endpoints extends KObject {
  kind: 'Endpoints';
  subsets?: EndpointSubset[];
}

// ---- simulator bookkeeping -----------------------------------------------------------------------

/** Writers of Endpoints/EndpointSlices. 'garbage-collector' deletes controller slices whose owner is gone. */
export type Controller =
  | 'endpointslice-controller'
  | 'endpoints-controller'
  | 'endpointslicemirroring-controller'
  | 'garbage-collector';

/** One controller write to the API, as the course shows it ("a one-pod change rewrites one slice"). */
export interface Write {
  /** Monotonic sequence number across the cluster's life. */
  seq: number;
  /** Simulated time of the write, RFC 3339. */
  time: string;
  controller: Controller;
  verb: 'create' | 'update' | 'delete';
  kind: 'EndpointSlice' | 'Endpoints';
  namespace: string;
  name: string;
  /** Size of the object written, in bytes of its JSON encoding (0 for a delete). */
  bytes: number;
}

/** A Kubernetes Event, as `kubectl describe` would list it. */
export interface SimEvent {
  /** When it was (last) recorded. */
  time: string;
  /** Repeats of the same event are merged, as client-go's EventCorrelator does: how many, since when. */
  count?: number;
  firstTime?: string;
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  source: string;
  involved: ObjectRef;
}

export interface ClusterOptions {
  /** kube-controller-manager --max-endpoints-per-slice, 1..1000, default 100. */
  maxEndpointsPerSlice?: number;
  /** Start of the simulated clock (RFC 3339). Default 2024-01-01T00:00:00Z. */
  startTime?: string;
  /** Pod IPv4 CIDR for generated pod IPs. Default 10.244.0.0/16 (one /24 per node). */
  podCIDR?: string;
  /** Pod IPv6 CIDR for dual-stack pods. Default fd00:10:244::/56 (one /64 per node). */
  podCIDRv6?: string;
  /** Service IPv4 range for generated clusterIPs. Default 10.96.0.0/12. */
  serviceCIDR?: string;
  /** Service IPv6 range for generated clusterIPs. Default fd00:10:96::/112. */
  serviceCIDRv6?: string;
  /** Number of default nodes (one zone each, round-robin over 3 zones) when the input holds no Node. Default 3. */
  defaultNodes?: number;
  /**
   * kube-controller-manager --controllers for the endpoint controllers and PodGC: `false` turns one off
   * (e.g. `{ endpoints: false }` runs without the legacy Endpoints controller). Default: all on.
   */
  controllers?: ClusterControllers;
}

export interface ClusterControllers {
  /** The legacy Endpoints controller (endpoints-controller). */
  endpoints?: boolean;
  /** The EndpointSlice controller (endpointslice-controller). */
  endpointslice?: boolean;
  /** The EndpointSlice mirroring controller (endpointslice-mirroring-controller). */
  endpointslicemirroring?: boolean;
  /** PodGC (pod-garbage-collector-controller): force-deletes the pods of a deleted Node after its quarantine. */
  podgc?: boolean;
}

export interface ApplyResult {
  ref: ObjectRef;
  action: 'created' | 'configured' | 'unchanged';
}

export interface Cluster {
  readonly options: Required<ClusterOptions>;
  /** Create or update objects (server-side defaults filled in), then run controllers until settled. */
  apply(objects: KObject[]): ApplyResult[];
  /** Delete an object (graceful for pods: they become terminating first). Returns false if absent. */
  delete(ref: ObjectRef, opts?: { gracePeriodSeconds?: number }): boolean;
  get<T extends KObject = KObject>(kind: Kind, namespace: string | undefined, name: string): T | undefined;
  /** Objects of a kind, sorted by namespace then name; namespace undefined = all namespaces. */
  list<T extends KObject = KObject>(kind: Kind, namespace?: string): T[];
  /** Every controller write so far, oldest first. */
  writes(): Write[];
  events(): SimEvent[];
  /** Simulated now, RFC 3339. */
  now(): string;
  /** Move the clock; finishes pod terminations whose grace period ran out, then settles. */
  advance(seconds: number): void;
  /** Flip a pod's Ready condition (lastTransitionTime = now), then settle. */
  setPodReady(namespace: string, name: string, ready: boolean): void;
  /** The kubelet reports a Node Ready or not (`sim node NAME ready`): node lifecycle + taint eviction react, then settle. */
  setNodeReady(name: string, ready: boolean): void;
  /** Scale a Deployment or ReplicaSet, then settle. */
  scale(kind: 'Deployment' | 'ReplicaSet', namespace: string, name: string, replicas: number): void;
  /** `kubectl rollout restart`: new pods replace the old ones, which terminate. */
  rolloutRestart(namespace: string, name: string): void;
  /** A second cluster in the same state (objects, clock, allocators, writes, events), changed independently. No controller runs. */
  fork(): Cluster;
}

/** What may be done to a cluster that others read too: read it, or fork it to change a copy. */
export type ClusterReader = Pick<Cluster, 'options' | 'get' | 'list' | 'writes' | 'events' | 'now' | 'fork'>;

export interface SimulationResult {
  endpointSlices: EndpointSlice[];
  endpoints: Endpoints[];
  pods: Pod[];
  services: Service[];
  writes: Write[];
  events: SimEvent[];
}
