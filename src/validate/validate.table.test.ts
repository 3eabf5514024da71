// Invalid manifests and the exact text a real API server / kubectl gives for each. Expected texts are
// built from the upstream rules and message constants (apimachinery validation.go, field/errors.go,
// core/apps/discovery validation.go; reference §14), not from this validator's output. Except the
// YAML-syntax rows: those are js-yaml's wording (the parser this validator uses), not what kubectl prints
// (go-yaml's `error converting YAML to JSON: yaml: line N: ...`).
import { describe, expect, it } from 'vitest';
import { validateManifests } from './index';

const DNS1035 =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const LABEL =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const SUBDOMAIN =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const QNAME_PART =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LABEL_VALUE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const RANGE = 'must be between 1 and 65535, inclusive';
const BAD_IP = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';

const svcErr = (name: string, rest: string) => `The Service "${name}" is invalid: ${rest}`;
const sliceErr = (rest: string) => `The EndpointSlice "s" is invalid: ${rest}`;
const epErr = (rest: string) => `The Endpoints "e" is invalid: ${rest}`;
const depErr = (rest: string) => `The Deployment "d" is invalid: ${rest}`;
const podErr = (rest: string) => `The Pod "p" is invalid: ${rest}`;

/** A Service with the given spec lines (indented two spaces under spec:). */
const svc = (spec: string, name = 'web') => `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n${spec}`;
const ports = (lines: string) => svc(`  selector:\n    app: web\n  ports:\n${lines}`);
const slice = (body: string, addressType = 'IPv4') =>
  `apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata:\n  name: s\naddressType: ${addressType}\n${body}`;
const eps = (body: string) => `apiVersion: v1\nkind: Endpoints\nmetadata:\n  name: e\n${body}`;
const dep = (spec: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n${spec}`;
const TEMPLATE = `  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: web\n        image: nginx\n`;
const pod = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${spec}`;

interface Case {
  name: string;
  yaml: string;
  errors: string[];
  /** line:col of the first error, when the case is about a position too */
  at?: string;
}

const cases: Case[] = [
  // ---- Service: metadata -------------------------------------------------------------------------
  { name: 'service name with capitals', yaml: svc('  ports:\n  - port: 80\n', 'Web'), errors: [svcErr('Web', `metadata.name: Invalid value: "Web": ${DNS1035}`)], at: '4:9' },
  { name: 'service name starting with a digit (RelaxedServiceNameValidation off in 1.35)', yaml: svc('  ports:\n  - port: 80\n', '1web'), errors: [svcErr('1web', `metadata.name: Invalid value: "1web": ${DNS1035}`)] },
  { name: 'service name of 64 characters', yaml: svc('  ports:\n  - port: 80\n', 'a'.repeat(64)), errors: [svcErr('a'.repeat(64), `metadata.name: Invalid value: "${'a'.repeat(64)}": must be no more than 63 characters`)] },
  { name: 'service without a name', yaml: 'apiVersion: v1\nkind: Service\nmetadata:\n  labels:\n    app: web\nspec:\n  ports:\n  - port: 80\n', errors: [svcErr('', 'metadata.name: Required value: name or generateName is required')] },
  { name: 'namespace with capitals', yaml: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: Prod\nspec:\n  ports:\n  - port: 80\n', errors: [svcErr('web', `metadata.namespace: Invalid value: "Prod": ${LABEL}`)], at: '5:14' },
  { name: 'label key with two slashes', yaml: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  labels:\n    a/b/c: x\nspec:\n  ports:\n  - port: 80\n', errors: [svcErr('web', `metadata.labels: Invalid value: "a/b/c": a qualified name ${QNAME_PART.replace('must consist', 'must consist')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`)], at: '6:5' },
  { name: 'label value with a space', yaml: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  labels:\n    app: my app\nspec:\n  ports:\n  - port: 80\n', errors: [svcErr('web', `metadata.labels: Invalid value: "my app": ${LABEL_VALUE}`)], at: '6:10' },
  // ---- Service: ports ----------------------------------------------------------------------------
  { name: 'no ports', yaml: svc('  selector:\n    app: web\n'), errors: [svcErr('web', 'spec.ports: Required value')] },
  { name: 'port 0 without targetPort: targetPort defaults to port, two errors', yaml: ports('  - port: 0\n'), errors: [svcErr('web', `spec.ports[0].port: Invalid value: 0: ${RANGE}`), svcErr('web', `spec.ports[0].targetPort: Invalid value: 0: ${RANGE}`)].sort() },
  { name: 'port 70000', yaml: ports('  - port: 70000\n    targetPort: 8080\n'), errors: [svcErr('web', `spec.ports[0].port: Invalid value: 70000: ${RANGE}`)], at: '9:11' },
  { name: 'negative port', yaml: ports('  - port: -1\n    targetPort: 80\n'), errors: [svcErr('web', `spec.ports[0].port: Invalid value: -1: ${RANGE}`)] },
  { name: 'targetPort 70000', yaml: ports('  - port: 80\n    targetPort: 70000\n'), errors: [svcErr('web', `spec.ports[0].targetPort: Invalid value: 70000: ${RANGE}`)], at: '10:17' },
  { name: 'targetPort "8080" is a name, not a number', yaml: ports('  - port: 80\n    targetPort: "8080"\n'), errors: [svcErr('web', 'spec.ports[0].targetPort: Invalid value: "8080": must contain at least one letter (a-z)')], at: '10:17' },
  { name: 'targetPort name in capitals', yaml: ports('  - port: 80\n    targetPort: HTTP\n'), errors: [svcErr('web', 'spec.ports[0].targetPort: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)'), svcErr('web', 'spec.ports[0].targetPort: Invalid value: "HTTP": must contain at least one letter (a-z)')] },
  { name: 'targetPort name of 16 characters', yaml: ports('  - port: 80\n    targetPort: http-web-server1\n'), errors: [svcErr('web', 'spec.ports[0].targetPort: Invalid value: "http-web-server1": must be no more than 15 characters')] },
  { name: 'targetPort name with a double hyphen', yaml: ports('  - port: 80\n    targetPort: my--port\n'), errors: [svcErr('web', 'spec.ports[0].targetPort: Invalid value: "my--port": must not contain consecutive hyphens')] },
  { name: 'targetPort name starting with a hyphen', yaml: ports('  - port: 80\n    targetPort: "-http"\n'), errors: [svcErr('web', 'spec.ports[0].targetPort: Invalid value: "-http": must not begin or end with a hyphen')] },
  { name: 'two ports, second unnamed', yaml: ports('  - name: http\n    port: 80\n  - port: 443\n'), errors: [svcErr('web', 'spec.ports[1].name: Required value')], at: '11:5' },
  { name: 'duplicate port names', yaml: ports('  - name: http\n    port: 80\n  - name: http\n    port: 81\n'), errors: [svcErr('web', 'spec.ports[1].name: Duplicate value: "http"')], at: '11:11' },
  { name: 'port name with underscore and capitals', yaml: ports('  - name: HTTP_Port\n    port: 80\n'), errors: [svcErr('web', `spec.ports[0].name: Invalid value: "HTTP_Port": ${LABEL}`)] },
  { name: 'port name with a dot', yaml: ports('  - name: web.http\n    port: 80\n'), errors: [svcErr('web', 'spec.ports[0].name: Invalid value: "web.http": must not contain dots')] },
  { name: 'protocol HTTP', yaml: ports('  - port: 80\n    protocol: HTTP\n'), errors: [svcErr('web', 'spec.ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"')], at: '10:15' },
  { name: 'protocol in lower case', yaml: ports('  - port: 80\n    protocol: tcp\n'), errors: [svcErr('web', 'spec.ports[0].protocol: Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP"')] },
  {
    name: 'same port and protocol twice',
    yaml: ports('  - name: a\n    port: 80\n  - name: b\n    port: 80\n'),
    errors: [svcErr('web', 'spec.ports[1]: Duplicate value: {"Name":"","Protocol":"TCP","AppProtocol":null,"Port":80,"TargetPort":0,"NodePort":0}')],
  },
  { name: 'appProtocol with a space', yaml: ports('  - port: 80\n    appProtocol: my proto\n'), errors: [svcErr('web', `spec.ports[0].appProtocol: Invalid value: "my proto": name part ${QNAME_PART}`)] },
  // ---- Service: spec -----------------------------------------------------------------------------
  { name: 'unknown type', yaml: svc('  type: Internal\n  ports:\n  - port: 80\n'), errors: [svcErr('web', 'spec.type: Unsupported value: "Internal": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"')] },
  { name: 'nodePort on a ClusterIP Service', yaml: ports('  - port: 80\n    nodePort: 30080\n'), errors: [svcErr('web', "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'")] },
  { name: 'nodePort outside the node port range', yaml: svc('  type: NodePort\n  ports:\n  - port: 80\n    nodePort: 80\n'), errors: [svcErr('web', 'spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767')] },
  { name: 'selector value with a space', yaml: svc('  selector:\n    app: web app\n  ports:\n  - port: 80\n'), errors: [svcErr('web', `spec.selector: Invalid value: "web app": ${LABEL_VALUE}`)], at: '7:10' },
  { name: 'sessionAffinity Sticky', yaml: svc('  sessionAffinity: Sticky\n  ports:\n  - port: 80\n'), errors: [svcErr('web', 'spec.sessionAffinity: Unsupported value: "Sticky": supported values: "ClientIP", "None"')] },
  { name: 'externalTrafficPolicy on a ClusterIP Service', yaml: svc('  externalTrafficPolicy: Local\n  ports:\n  - port: 80\n'), errors: [svcErr('web', 'spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services')] },
  { name: 'headless NodePort Service', yaml: svc('  type: NodePort\n  clusterIP: None\n  ports:\n  - port: 80\n'), errors: [svcErr('web', "spec.clusterIPs[0]: Invalid value: \"None\": may not be set to 'None' for NodePort services")] },
  { name: 'ExternalName with a clusterIP', yaml: svc('  type: ExternalName\n  externalName: db.example.com\n  clusterIP: 10.96.0.10\n'), errors: [svcErr('web', 'spec.clusterIPs: Forbidden: may not be set for ExternalName services')] },
  { name: 'ExternalName without externalName', yaml: svc('  type: ExternalName\n'), errors: [svcErr('web', 'spec.externalName: Required value')] },
  { name: 'clusterIP that is not an IP', yaml: svc('  clusterIP: 10.0.0.300\n  ports:\n  - port: 80\n'), errors: [svcErr('web', `spec.clusterIPs[0]: Invalid value: "10.0.0.300": ${BAD_IP}`)] },
  // ---- strict decoding ---------------------------------------------------------------------------
  { name: 'misspelt selector', yaml: svc('  selectr:\n    app: web\n  ports:\n  - port: 80\n'), errors: ['Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.selectr"'], at: '6:3' },
  { name: 'misspelt field inside a list item', yaml: ports('  - nmae: http\n    port: 80\n'), errors: ['Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.ports[0].nmae"'], at: '9:5' },
  { name: 'top-level field that belongs under spec', yaml: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nselector:\n  app: web\nspec:\n  ports:\n  - port: 80\n', errors: ['Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "selector"'], at: '5:1' },
  { name: 'port as a quoted string', yaml: ports('  - port: "80"\n'), errors: ['Service in version "v1" cannot be handled as a Service: json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32'], at: '9:11' },
  { name: 'port as a fraction', yaml: ports('  - port: 80.5\n'), errors: ['Service in version "v1" cannot be handled as a Service: json: cannot unmarshal number 80.5 into Go struct field ServicePort.spec.ports.port of type int32'] },
  { name: 'port beyond int32', yaml: ports('  - port: 3000000000\n'), errors: ['Service in version "v1" cannot be handled as a Service: json: cannot unmarshal number 3000000000 into Go struct field ServicePort.spec.ports.port of type int32'] },
  { name: 'targetPort as a boolean (IntOrString decodes it as int32)', yaml: ports('  - port: 80\n    targetPort: true\n'), errors: ['Service in version "v1" cannot be handled as a Service: json: cannot unmarshal bool into Go struct field ServicePort.spec.ports.targetPort of type int32'] },
  { name: 'ports as a number instead of a list', yaml: svc('  ports: 80\n'), errors: ['Service in version "v1" cannot be handled as a Service: json: cannot unmarshal number into Go struct field ServiceSpec.spec.ports of type []v1.ServicePort'] },
  { name: 'label value yes is a YAML 1.1 boolean', yaml: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  labels:\n    enabled: yes\nspec:\n  ports:\n  - port: 80\n', errors: ['Service in version "v1" cannot be handled as a Service: json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.labels of type string'], at: '6:14' },
  { name: 'containerPort as a string in a Deployment', yaml: dep(`  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: web\n        image: nginx\n        ports:\n        - containerPort: "8080"\n`), errors: ['Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field ContainerPort.spec.template.spec.containers.ports.containerPort of type int32'], at: '18:26' },
  // ---- EndpointSlice -----------------------------------------------------------------------------
  { name: 'slice without addressType', yaml: 'apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata:\n  name: s\nendpoints: []\n', errors: [sliceErr('addressType: Required value')] },
  { name: 'addressType IPv5', yaml: slice('endpoints: []\n', 'IPv5'), errors: [sliceErr('addressType: Unsupported value: "IPv5": supported values: "FQDN", "IPv4", "IPv6"')], at: '5:14' },
  { name: 'endpoint without addresses', yaml: slice('endpoints:\n- conditions:\n    ready: true\n'), errors: [sliceErr('endpoints[0].addresses: Required value: must contain at least 1 address')] },
  { name: '101 addresses in one endpoint', yaml: slice(`endpoints:\n- addresses: [${Array.from({ length: 101 }, (_, i) => `"10.0.${i >> 8}.${(i & 255) + 1}"`).join(', ')}]\n`), errors: [sliceErr('endpoints[0].addresses: Too many: 101: must have at most 100 items')] },
  { name: '1001 endpoints', yaml: slice(`endpoints:\n${Array.from({ length: 1001 }, (_, i) => `- addresses: ["10.1.${i >> 8}.${(i & 255) + 1}"]`).join('\n')}\n`), errors: [sliceErr('endpoints: Too many: 1001: must have at most 1000 items')] },
  { name: 'IPv4 address out of range', yaml: slice('endpoints:\n- addresses: ["10.0.0.300"]\n'), errors: [sliceErr(`endpoints[0].addresses[0]: Invalid value: "10.0.0.300": ${BAD_IP}`)], at: '7:15' },
  { name: 'IPv6 address in an IPv4 slice', yaml: slice('endpoints:\n- addresses: ["fd00::1"]\n'), errors: [sliceErr('endpoints[0].addresses: Invalid value: "fd00::1": must be an IPv4 address')] },
  { name: 'IPv6 address not in canonical form', yaml: slice('endpoints:\n- addresses: ["fd00:0::1"]\n', 'IPv6'), errors: [sliceErr('endpoints[0].addresses[0]: Invalid value: "fd00:0::1": must be in canonical form ("fd00::1")')] },
  { name: 'loopback address', yaml: slice('endpoints:\n- addresses: ["127.0.0.1"]\n'), errors: [sliceErr('endpoints[0].addresses[0]: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)')] },
  { name: 'unspecified address', yaml: slice('endpoints:\n- addresses: ["0.0.0.0"]\n'), errors: [sliceErr('endpoints[0].addresses[0]: Invalid value: "0.0.0.0": may not be unspecified (0.0.0.0)')] },
  { name: 'link-local address', yaml: slice('endpoints:\n- addresses: ["169.254.1.1"]\n'), errors: [sliceErr('endpoints[0].addresses[0]: Invalid value: "169.254.1.1": may not be in the link-local range (169.254.0.0/16, fe80::/10)')] },
  { name: 'leading zeros in an IPv4 address', yaml: slice('endpoints:\n- addresses: ["010.1.1.1"]\n'), errors: [sliceErr('endpoints[0].addresses[0]: Invalid value: "010.1.1.1": must not have leading 0s')] },
  { name: 'duplicate slice port names', yaml: slice('endpoints: []\nports:\n- name: http\n  port: 80\n- name: http\n  port: 81\n'), errors: [sliceErr('ports[1].name: Duplicate value: "http"')] },
  { name: 'two unnamed slice ports (the empty name counts)', yaml: slice('endpoints: []\nports:\n- port: 80\n- port: 81\n'), errors: [sliceErr('ports[1].name: Duplicate value: ""')] },
  { name: 'slice port protocol HTTP', yaml: slice('endpoints: []\nports:\n- port: 80\n  protocol: HTTP\n'), errors: [sliceErr('ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"')] },
  { name: 'slice name with capitals', yaml: 'apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata:\n  name: My-Slice\naddressType: IPv4\nendpoints: []\n', errors: [`The EndpointSlice "My-Slice" is invalid: metadata.name: Invalid value: "My-Slice": ${SUBDOMAIN}`] },
  { name: 'endpoint hostname with underscore', yaml: slice('endpoints:\n- addresses: ["10.0.0.1"]\n  hostname: web_1\n'), errors: [sliceErr(`endpoints[0].hostname: Invalid value: "web_1": ${LABEL}`)] },
  { name: 'endpoint nodeName with underscore', yaml: slice('endpoints:\n- addresses: ["10.0.0.1"]\n  nodeName: node_1\n'), errors: [sliceErr(`endpoints[0].nodeName: Invalid value: "node_1": ${SUBDOMAIN}`)] },
  { name: 'nine zone hints', yaml: slice(`endpoints:\n- addresses: ["10.0.0.1"]\n  hints:\n    forZones: [${Array.from({ length: 9 }, (_, i) => `{name: z${i}}`).join(', ')}]\n`), errors: [sliceErr('endpoints[0].hints.forZones: Too many: 9: must have at most 8 items')] },
  { name: 'FQDN address with one label', yaml: slice('endpoints:\n- addresses: ["web"]\n', 'FQDN'), errors: [sliceErr('endpoints[0].addresses[0]: Invalid value: "web": should be a domain with at least two segments separated by dots')] },
  // ---- Endpoints ---------------------------------------------------------------------------------
  { name: 'subset without addresses', yaml: eps('subsets:\n- ports:\n  - port: 80\n'), errors: [epErr('subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`')] },
  { name: 'Endpoints ip out of range', yaml: eps('subsets:\n- addresses:\n  - ip: 10.0.0.300\n'), errors: [epErr(`subsets[0].addresses[0].ip: Invalid value: "10.0.0.300": ${BAD_IP}`)], at: '7:9' },
  { name: 'Endpoints loopback ip', yaml: eps('subsets:\n- notReadyAddresses:\n  - ip: 127.0.0.1\n'), errors: [epErr('subsets[0].notReadyAddresses[0].ip: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)')] },
  { name: 'two unnamed Endpoints ports', yaml: eps('subsets:\n- addresses:\n  - ip: 10.0.0.1\n  ports:\n  - port: 80\n  - port: 81\n'), errors: [epErr('subsets[0].ports[0].name: Required value'), epErr('subsets[0].ports[1].name: Required value')] },
  { name: 'Endpoints port 0', yaml: eps('subsets:\n- addresses:\n  - ip: 10.0.0.1\n  ports:\n  - port: 0\n'), errors: [epErr(`subsets[0].ports[0].port: Invalid value: 0: ${RANGE}`)] },
  { name: 'Endpoints port protocol HTTP', yaml: eps('subsets:\n- addresses:\n  - ip: 10.0.0.1\n  ports:\n  - port: 80\n    protocol: HTTP\n'), errors: [epErr('subsets[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"')] },
  // ---- Deployment --------------------------------------------------------------------------------
  { name: 'Deployment without selector', yaml: dep(TEMPLATE), errors: [depErr('spec.selector: Required value'), depErr('spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`')] },
  { name: 'selector not matching the template labels', yaml: dep(`  selector:\n    matchLabels:\n      app: api\n${TEMPLATE}`), errors: [depErr('spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`')], at: '12:9' },
  { name: 'empty selector', yaml: dep(`  selector: {}\n${TEMPLATE}`), errors: [depErr('spec.selector: Invalid value: {}: empty selector is invalid for deployment')] },
  { name: 'negative replicas', yaml: dep(`  replicas: -1\n  selector:\n    matchLabels:\n      app: web\n${TEMPLATE}`), errors: [depErr('spec.replicas: Invalid value: -1: must be greater than or equal to 0')] },
  { name: 'container without image', yaml: dep(`  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: web\n`), errors: [depErr('spec.template.spec.containers[0].image: Required value')] },
  { name: 'template restartPolicy OnFailure', yaml: dep(`  selector:\n    matchLabels:\n      app: web\n${TEMPLATE}      restartPolicy: OnFailure\n`), errors: [depErr('spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"')] },
  { name: 'unknown selector operator', yaml: dep(`  selector:\n    matchExpressions:\n    - key: app\n      operator: Equals\n      values: [web]\n${TEMPLATE}`), errors: [depErr('spec.selector.matchExpressions[0].operator: Invalid value: "Equals": not a valid selector operator'), depErr('spec.selector: Invalid value: {"matchExpressions":[{"key":"app","operator":"Equals","values":["web"]}]}: invalid label selector')] },
  { name: 'maxSurge and maxUnavailable both 0', yaml: dep(`  selector:\n    matchLabels:\n      app: web\n  strategy:\n    rollingUpdate:\n      maxSurge: 0\n      maxUnavailable: 0\n${TEMPLATE}`), errors: [depErr('spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0')] },
  { name: 'rollingUpdate with the Recreate strategy', yaml: dep(`  selector:\n    matchLabels:\n      app: web\n  strategy:\n    type: Recreate\n    rollingUpdate:\n      maxSurge: 1\n${TEMPLATE}`), errors: [depErr("spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'")] },
  // ---- Pod ---------------------------------------------------------------------------------------
  { name: 'pod without containers', yaml: pod('  containers: []\n'), errors: [podErr('spec.containers: Required value')] },
  { name: 'container name in capitals', yaml: pod('  containers:\n  - name: Web\n    image: nginx\n'), errors: [podErr(`spec.containers[0].name: Invalid value: "Web": ${LABEL}`)] },
  { name: 'duplicate container names', yaml: pod('  containers:\n  - name: web\n    image: nginx\n  - name: web\n    image: nginx\n'), errors: [podErr('spec.containers[1].name: Duplicate value: "web"')] },
  { name: 'containerPort 70000', yaml: pod('  containers:\n  - name: web\n    image: nginx\n    ports:\n    - containerPort: 70000\n'), errors: [podErr(`spec.containers[0].ports[0].containerPort: Invalid value: 70000: ${RANGE}`)] },
  { name: 'container port without containerPort', yaml: pod('  containers:\n  - name: web\n    image: nginx\n    ports:\n    - name: http\n'), errors: [podErr('spec.containers[0].ports[0].containerPort: Required value')] },
  { name: 'container port name over 15 characters', yaml: pod('  containers:\n  - name: web\n    image: nginx\n    ports:\n    - name: http-web-server1\n      containerPort: 80\n'), errors: [podErr('spec.containers[0].ports[0].name: Invalid value: "http-web-server1": must be no more than 15 characters')] },
  { name: 'duplicate container port names', yaml: pod('  containers:\n  - name: web\n    image: nginx\n    ports:\n    - name: http\n      containerPort: 80\n    - name: http\n      containerPort: 81\n'), errors: [podErr('spec.containers[0].ports[1].name: Duplicate value: "http"')] },
  { name: 'pod name with underscore', yaml: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: my_pod\nspec:\n  containers:\n  - name: web\n    image: nginx\n', errors: [`The Pod "my_pod" is invalid: metadata.name: Invalid value: "my_pod": ${SUBDOMAIN}`] },
  { name: 'pod restartPolicy Sometimes', yaml: pod('  restartPolicy: Sometimes\n  containers:\n  - name: web\n    image: nginx\n'), errors: [podErr('spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "Never", "OnFailure"')] },
  { name: 'readinessProbe without a handler', yaml: pod('  containers:\n  - name: web\n    image: nginx\n    readinessProbe:\n      periodSeconds: 5\n'), errors: [podErr('spec.containers[0].readinessProbe: Required value: must specify a handler type')] },
  { name: 'pod nodeName with underscore', yaml: pod('  nodeName: node_1\n  containers:\n  - name: web\n    image: nginx\n'), errors: [podErr(`spec.nodeName: Invalid value: "node_1": ${SUBDOMAIN}`)] },
  // ---- Namespace, Node ---------------------------------------------------------------------------
  { name: 'namespace name with capitals', yaml: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: Prod\n', errors: [`The Namespace "Prod" is invalid: metadata.name: Invalid value: "Prod": ${LABEL}`] },
  { name: 'node name with underscore', yaml: 'apiVersion: v1\nkind: Node\nmetadata:\n  name: node_1\n', errors: [`The Node "node_1" is invalid: metadata.name: Invalid value: "node_1": ${SUBDOMAIN}`] },
  // ---- kind, apiVersion, YAML ----------------------------------------------------------------------
  { name: 'missing kind', yaml: 'apiVersion: v1\nmetadata:\n  name: x\n', errors: ['error validating "m.yaml": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false'], at: '1:1' },
  { name: 'missing apiVersion', yaml: 'kind: Service\nmetadata:\n  name: x\n', errors: ['error validating "m.yaml": error validating data: apiVersion not set; if you choose to ignore these errors, turn validation off with --validate=false'], at: '1:1' },
  { name: 'missing apiVersion and kind', yaml: 'metadata:\n  name: x\n', errors: ['error validating "m.yaml": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false'] },
  { name: 'Deployment in extensions/v1beta1', yaml: 'apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata:\n  name: d\n', errors: ['resource mapping not found for name: "d" namespace: "" from "m.yaml": no matches for kind "Deployment" in version "extensions/v1beta1"'], at: '1:13' },
  { name: 'unknown kind', yaml: 'apiVersion: v1\nkind: Servise\nmetadata:\n  name: x\n', errors: ['resource mapping not found for name: "x" namespace: "" from "m.yaml": no matches for kind "Servise" in version "v1"'], at: '2:7' },
  // js-yaml's wording, not kubectl's (see the top of the file); the position is what these rows pin.
  { name: "YAML (js-yaml's wording): bad indentation", yaml: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n   labels: {}\n', errors: ['YAML syntax error: bad indentation of a mapping entry'], at: '5:10' },
  { name: "YAML (js-yaml's wording): duplicate key", yaml: 'apiVersion: v1\nkind: Service\nkind: Pod\n', errors: ['YAML syntax error: duplicated mapping key'], at: '3:1' },
  { name: 'a document that is a list', yaml: '- a\n- b\n', errors: ['error validating "m.yaml": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false'] },
];

describe("invalid manifests get the API server text (YAML syntax: js-yaml's)", () => {
  it('has at least 60 cases', () => expect(cases.length).toBeGreaterThanOrEqual(60));
  for (const c of cases) {
    it(c.name, () => {
      const r = validateManifests(c.yaml, { filename: 'm.yaml' });
      expect([...r.errors.map((e) => e.message)].sort()).toEqual([...c.errors].sort());
      expect(r.objects).toEqual([]);
      if (c.at) expect(`${r.errors[0].range.start.line}:${r.errors[0].range.start.col}`).toBe(c.at);
    });
  }
});
