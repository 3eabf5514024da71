// The fields `kubectl explain` knows in this simulator: the parts of Service, EndpointSlice and
// Endpoints the course uses. Types and required markers follow the OpenAPI schema of the API
// (k8s.io/api core/v1 and discovery/v1); the descriptions are written for the course.

export interface FieldDoc {
  type: string;
  desc: string;
  required?: boolean;
  enum?: string[];
  fields?: Record<string, FieldDoc>;
}

export interface KindDoc {
  group: string;
  kind: string;
  version: string;
  doc: FieldDoc;
}

const apiVersion: FieldDoc = {
  type: 'string',
  desc: 'The versioned schema of this object: the API group and version the server uses to read it, such as v1 or discovery.k8s.io/v1.',
};
const kind = (k: string): FieldDoc => ({ type: 'string', desc: `The type of this object, here ${k}. Servers infer the REST endpoint from it; it is written in CamelCase.` });
const metadata: FieldDoc = {
  type: 'ObjectMeta',
  desc: "Standard object metadata: name, namespace, labels, annotations, owner references and the fields the server fills in (uid, resourceVersion, creationTimestamp).",
};

const protocol: FieldDoc = {
  type: 'string',
  desc: 'The IP protocol of this port: TCP (the default), UDP or SCTP.',
  enum: ['SCTP', 'TCP', 'UDP'],
};

const objectReference: FieldDoc = {
  type: 'ObjectReference',
  desc: 'A reference to the object behind this address, normally the Pod (kind, namespace, name, uid).',
};

const servicePort: FieldDoc = {
  type: '[]ServicePort',
  desc: 'The ports this Service exposes. When a Service has more than one port every port must have a unique name. The EndpointSlice controller resolves each port against the selected pods and writes the resulting target ports into the slices.',
  fields: {
    appProtocol: { type: 'string', desc: 'The application protocol of this port (for example kubernetes.io/h2c or a domain-prefixed name); copied to the EndpointSlice ports as a hint for implementations.' },
    name: { type: 'string', desc: 'The name of this port, a DNS label. Must be unique within the Service and is required when there are several ports. EndpointSlice ports carry the same name, which is how consumers match slice ports to Service ports.' },
    nodePort: { type: 'integer', desc: 'The port opened on every node for NodePort and LoadBalancer Services. Allocated from the node port range when not set.' },
    port: { type: 'integer', desc: 'The port number the Service listens on at its cluster IP.', required: true },
    protocol,
    targetPort: {
      type: 'IntOrString',
      desc: 'The port on the pods that traffic is sent to: a number, or the name of a container port, looked up in each selected pod separately (so pods may use different numbers). Defaults to the value of port. For Services without a selector it is ignored.',
    },
  },
};

const serviceSpec: FieldDoc = {
  type: 'ServiceSpec',
  desc: 'The desired behaviour of the Service: which pods it selects, its ports, its type and addresses.',
  fields: {
    clusterIP: { type: 'string', desc: 'The virtual IP of the Service, allocated by the API server unless set. "None" makes a headless Service: no virtual IP, DNS returns the endpoint addresses.' },
    clusterIPs: { type: '[]string', desc: 'The cluster IPs of the Service, one per IP family; the first equals clusterIP.' },
    externalName: { type: 'string', desc: 'For type ExternalName: the DNS name the Service is an alias (CNAME) for. No endpoints are created for such Services.' },
    internalTrafficPolicy: { type: 'string', desc: 'Cluster (the default) routes traffic from inside the cluster to any ready endpoint; Local only to endpoints on the same node.', enum: ['Cluster', 'Local'] },
    ipFamilies: { type: '[]string', desc: 'The IP families (IPv4, IPv6) of the Service, in order; the EndpointSlice controller writes one set of slices per family.' },
    ipFamilyPolicy: { type: 'string', desc: 'SingleStack, PreferDualStack or RequireDualStack.', enum: ['PreferDualStack', 'RequireDualStack', 'SingleStack'] },
    ports: servicePort,
    publishNotReadyAddresses: {
      type: 'boolean',
      desc: 'When true, endpoints of pods that are not ready are published as ready: the EndpointSlice controller sets ready to true whatever the pod readiness, and the Endpoints controller lists them under addresses. Used by headless Services of StatefulSets that need peer discovery before readiness.',
    },
    selector: {
      type: 'map[string]string',
      desc: 'Pods whose labels contain all of these key/value pairs become the endpoints of the Service. When empty or absent the Service has no selector: no EndpointSlices or Endpoints are managed for it, and you may create them yourself. Ignored for type ExternalName.',
    },
    sessionAffinity: { type: 'string', desc: 'ClientIP pins a client to one endpoint; None (the default) does not.', enum: ['ClientIP', 'None'] },
    trafficDistribution: { type: 'string', desc: 'A preference for how traffic is spread over endpoints, for example PreferClose, which makes the EndpointSlice controller add zone hints to ready endpoints.' },
    type: {
      type: 'string',
      desc: 'How the Service is exposed: ClusterIP (the default, a virtual IP inside the cluster), NodePort, LoadBalancer or ExternalName.',
      enum: ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'],
    },
  },
};

const endpointConditions: FieldDoc = {
  type: 'EndpointConditions',
  desc: 'The current state of the endpoint.',
  fields: {
    ready: { type: 'boolean', desc: 'Whether the endpoint should receive new traffic. For pods: the pod is Ready and not terminating (or the Service publishes not-ready addresses). Absent means ready.' },
    serving: { type: 'boolean', desc: 'Like ready, but also true for a terminating pod that still passes its readiness check, so proxies can fall back to it while it drains. Absent means serving.' },
    terminating: { type: 'boolean', desc: 'Whether the endpoint is terminating (for pods: it has a deletion timestamp). Absent means not terminating.' },
  },
};

const endpoint: FieldDoc = {
  type: '[]Endpoint',
  desc: 'The endpoints of this slice, at most 1000. The EndpointSlice controller puts at most --max-endpoints-per-slice (100 by default) in each slice it manages.',
  fields: {
    addresses: { type: '[]string', desc: 'The addresses of this endpoint, of the slice address type. Consumers treat them as interchangeable; the controller always writes exactly one, the pod IP.', required: true },
    conditions: endpointConditions,
    deprecatedTopology: { type: 'map[string]string', desc: 'Deprecated topology labels kept for v1beta1 compatibility; not written by v1 clients.' },
    hints: {
      type: 'EndpointHints',
      desc: 'Routing hints for consumers such as kube-proxy: the zones (forZones) and nodes (forNodes) this endpoint should serve.',
      fields: {
        forNodes: { type: '[]ForNode', desc: 'The nodes that should prefer this endpoint.' },
        forZones: { type: '[]ForZone', desc: 'The zones that should prefer this endpoint, at most 8.' },
      },
    },
    hostname: { type: 'string', desc: 'The hostname of this endpoint, used by DNS for headless Services; set when the pod has a hostname and a subdomain equal to the Service name.' },
    nodeName: { type: 'string', desc: 'The node hosting this endpoint.' },
    targetRef: objectReference,
    zone: { type: 'string', desc: 'The zone of this endpoint, taken from the topology.kubernetes.io/zone label of its node.' },
  },
};

const endpointPort: FieldDoc = {
  type: '[]EndpointPort',
  desc: 'The ports every endpoint of this slice serves: the resolved target (container) ports, not the Service ports. An empty list means no ports are defined; slices differ when pods resolve named ports differently.',
  fields: {
    appProtocol: { type: 'string', desc: 'The application protocol of this port, copied from the Service port.' },
    name: { type: 'string', desc: 'The name of this port, equal to the name of the Service port it came from (empty for an unnamed port). Must be unique in the slice.' },
    port: { type: 'integer', desc: 'The port number. Absent means all ports.' },
    protocol,
  },
};

const endpointAddress: FieldDoc = {
  type: '[]EndpointAddress',
  desc: 'Addresses with their pod references.',
  fields: {
    hostname: { type: 'string', desc: 'The hostname of the endpoint.' },
    ip: { type: 'string', desc: 'The IP address of the endpoint.', required: true },
    nodeName: { type: 'string', desc: 'The node hosting the endpoint.' },
    targetRef: objectReference,
  },
};

const coreEndpointPort: FieldDoc = {
  type: '[]EndpointPort',
  desc: 'The ports available on the addresses of this subset.',
  fields: {
    appProtocol: { type: 'string', desc: 'The application protocol of this port.' },
    name: { type: 'string', desc: 'The name of this port; must match the Service port name. Optional when there is only one port.' },
    port: { type: 'integer', desc: 'The port number.', required: true },
    protocol,
  },
};

export const EXPLAIN: KindDoc[] = [
  {
    group: '',
    kind: 'Service',
    version: 'v1',
    doc: {
      type: 'Object',
      desc: 'A Service gives a set of pods (chosen by a label selector) one stable virtual IP, port set and DNS name. The EndpointSlice controller keeps the list of backing pod addresses in EndpointSlices.',
      fields: {
        apiVersion,
        kind: kind('Service'),
        metadata,
        spec: serviceSpec,
        status: { type: 'ServiceStatus', desc: 'The observed state of the Service, such as load balancer ingress points. Written by the system.' },
      },
    },
  },
  {
    group: 'discovery.k8s.io',
    kind: 'EndpointSlice',
    version: 'v1',
    doc: {
      type: 'Object',
      desc: 'An EndpointSlice lists a subset of the endpoints of a Service (label kubernetes.io/service-name). A Service may have many slices; consumers merge all slices carrying its label.',
      fields: {
        addressType: {
          type: 'string',
          desc: 'The kind of address every endpoint of this slice carries: IPv4, IPv6 or FQDN. Immutable after creation.',
          required: true,
          enum: ['FQDN', 'IPv4', 'IPv6'],
        },
        apiVersion,
        endpoints: endpoint,
        kind: kind('EndpointSlice'),
        metadata,
        ports: endpointPort,
      },
    },
  },
  {
    group: '',
    kind: 'Endpoints',
    version: 'v1',
    doc: {
      type: 'Object',
      desc: 'The legacy list of endpoints of a Service, named like the Service. Deprecated since v1.33 in favour of EndpointSlices; it holds at most 1000 addresses and only the primary IP family.',
      fields: {
        apiVersion,
        kind: kind('Endpoints'),
        metadata,
        subsets: {
          type: '[]EndpointSubset',
          desc: 'Groups of addresses that share the same ports. Every address/port combination of a subset is an endpoint.',
          fields: {
            addresses: { ...endpointAddress, desc: 'Addresses of ready endpoints, which receive traffic.' },
            notReadyAddresses: { ...endpointAddress, desc: 'Addresses of endpoints that are not ready (or still starting); they receive no traffic.' },
            ports: coreEndpointPort,
          },
        },
      },
    },
  },
];
