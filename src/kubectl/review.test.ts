// Rules found in an independent fidelity review against the upstream sources; each test names the
// upstream function whose behaviour it states. Expected texts are written from those functions.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Cluster, EndpointSlice, Pod, Service } from '../sim/types';
import { DEPLOYMENT_YAML, SERVICE_YAML, tutorialCluster } from './fixtures.testutil';
import { loadAll } from 'js-yaml';
import type { KObject } from '../sim/types';
import { parseCommandLine, runKubectl } from './index';
import { podTable } from './printers/pods';
import { describeService, serviceTable } from './printers/services';
import { tableRow } from './printers/table';

const NOW = '2024-01-01T00:05:00Z';
const T0 = '2024-01-01T00:00:00Z';
let c: Cluster;
const k = (line: string) => runKubectl(c, parseCommandLine(line), { files: { 'service.yaml': SERVICE_YAML } });

beforeEach(() => {
  c = tutorialCluster();
});

function lbService(ingress: { ip?: string; hostname?: string }[]): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'lb', namespace: 'default', creationTimestamp: T0 },
    spec: {
      type: 'LoadBalancer',
      clusterIP: '10.96.0.10',
      clusterIPs: ['10.96.0.10'],
      selector: { app: 'web' },
      ports: [{ port: 443, nodePort: 31000, protocol: 'TCP', targetPort: 8443 }],
    },
    status: { loadBalancer: { ingress } },
  } as Service;
}

describe('printService EXTERNAL-IP (printers.go getServiceExternalIP, loadBalancerStatusStringer)', () => {
  it('sorts and de-duplicates ingress IPs and cuts the list to loadBalancerWidth (16) unless -o wide', () => {
    const svc = lbService([{ ip: '192.168.10.3' }, { ip: '192.168.10.20' }, { ip: '192.168.10.3' }]);
    // sets.String.List() order: "192.168.10.20" < "192.168.10.3"; joined = 26 chars > 16 → first 13 + "...".
    expect(tableRow(serviceTable, svc, { now: NOW }, {})).toBe('lb\tLoadBalancer\t10.96.0.10\t192.168.10.20...\t443:31000/TCP\t5m\n');
    expect(tableRow(serviceTable, svc, { now: NOW }, { wide: true })).toBe(
      'lb\tLoadBalancer\t10.96.0.10\t192.168.10.20,192.168.10.3\t443:31000/TCP\t5m\tapp=web\n',
    );
  });

  it('uses a hostname when the ingress has no IP, and <pending> when there is no ingress', () => {
    const host = lbService([{ hostname: 'a1b2c3d4e5.elb.amazonaws.com' }]);
    expect(tableRow(serviceTable, host, { now: NOW }, {}).split('\t')[3]).toBe('a1b2c3d4e5.el...');
    const short = lbService([{ ip: '203.0.113.7' }]);
    expect(tableRow(serviceTable, short, { now: NOW }, {}).split('\t')[3]).toBe('203.0.113.7');
    expect(tableRow(serviceTable, lbService([]), { now: NOW }, {}).split('\t')[3]).toBe('<pending>');
  });
});

describe('printPod RESTARTS (printers.go printPod: lastRestartDate)', () => {
  it('appends "(AGE ago)" since the latest lastState.terminated.finishedAt when restarts > 0', () => {
    const pod: Pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'default', creationTimestamp: T0 },
      spec: { containers: [{ name: 'a', image: 'x' }, { name: 'b', image: 'y' }], nodeName: 'node-a' },
      status: {
        phase: 'Running',
        conditions: [{ type: 'Ready', status: 'True' }],
        containerStatuses: [
          { name: 'a', ready: true, restartCount: 2, state: { running: {} }, lastState: { terminated: { exitCode: 1, finishedAt: '2024-01-01T00:01:00Z' } } },
          { name: 'b', ready: true, restartCount: 1, state: { running: {} }, lastState: { terminated: { exitCode: 1, finishedAt: '2024-01-01T00:03:30Z' } } },
        ],
      },
    } as unknown as Pod;
    // 3 restarts in all; the latest finish was 90s before NOW → HumanDuration "90s".
    expect(tableRow(podTable, pod, { now: NOW }, {})).toBe('p\t2/2\tRunning\t3 (90s ago)\t5m\n');
  });
});

describe('resource type errors (cli-runtime builder mappingFor)', () => {
  it('names groupResource.Resource: the argument up to its first dot', () => {
    expect(k('get sevrice')).toMatchObject({ stdout: '', stderr: 'error: the server doesn\'t have a resource type "sevrice"\n', exitCode: 1 });
    expect(k('get services.v1')).toMatchObject({ stderr: 'error: the server doesn\'t have a resource type "services"\n', exitCode: 1 });
    expect(k('get foo.example.com')).toMatchObject({ stderr: 'error: the server doesn\'t have a resource type "foo"\n', exitCode: 1 });
    // Fully qualified names of served types resolve.
    expect(k('get services.v1. -o name').exitCode).toBe(0);
    expect(k('get endpointslices.v1.discovery.k8s.io').exitCode).toBe(0);
  });
});

describe('label selectors are parsed by the API server (resource.Selector.Visit, EnhanceListError, labels.Parse)', () => {
  it('a malformed -l fails the list request with BadRequest naming the GVR and both selectors', () => {
    expect(k("get pods -l 'app in example'")).toMatchObject({
      stdout: '',
      stderr:
        'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "app in example", field selector "": ' +
        "unable to parse requirement: found 'example' expected: '('\n", // selector.go parseValues: no comma before expected
      exitCode: 1,
    });
    expect(k("get deploy -l 'app=web,'").stderr).toBe(
      'Error from server (BadRequest): Unable to find "apps/v1, Resource=deployments" that match label selector "app=web,", field selector "": ' +
        "found '', expected: identifier after ','\n",
    );
    expect(k("get endpointslices -l 'a b'").stderr).toBe(
      'Error from server (BadRequest): Unable to find "discovery.k8s.io/v1, Resource=endpointslices" that match label selector "a b", field selector "": ' +
        "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt\n",
    );
    expect(k("get pods -l 'a=b)c'").stderr).toMatch(/: found '\)', expected: ',' or 'end of string'\n$/);
  });

  it('a name together with -l is refused by the builder before any request', () => {
    expect(k("get pods example-1 -l 'app in example'")).toMatchObject({
      stderr: 'error: name cannot be provided when a selector is specified\n',
      exitCode: 1,
    });
  });
});

describe('get -o yaml|json|name with missing objects (get.go printGeneric)', () => {
  it('one named object: only the error; several names: a List of what was found, then the errors', () => {
    expect(k('get svc nosuch -o yaml')).toMatchObject({ stdout: '', stderr: 'Error from server (NotFound): services "nosuch" not found\n', exitCode: 1 });
    expect(k('get svc nosuch other -o yaml')).toMatchObject({
      stdout: 'apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n',
      stderr: 'Error from server (NotFound): services "nosuch" not found\nError from server (NotFound): services "other" not found\n',
      exitCode: 1,
    });
    expect(k('get pods nosuch example-1 -o name')).toMatchObject({
      stdout: 'pod/example-1\n',
      stderr: 'Error from server (NotFound): pods "nosuch" not found\n',
      exitCode: 1,
    });
  });

  it('an empty list prints an empty List, except with --ignore-not-found', () => {
    expect(k('get svc -o yaml')).toMatchObject({ stdout: 'apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n', stderr: '', exitCode: 0 });
    expect(k('get svc --ignore-not-found -o yaml')).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
  });
});

describe('delete with nothing selected (delete.go DeleteResult)', () => {
  it('prints "No resources found" on stdout and exits 0', () => {
    expect(k('delete pods -l app=nomatch')).toMatchObject({ stdout: 'No resources found\n', stderr: '', exitCode: 0 });
  });
});

describe('label and annotate (label.go validateNoOverwrites, parseLabels; annotate.go validateNoAnnotationOverwrites)', () => {
  it('label refuses an existing key without --overwrite even when the value is the same; annotate does not', () => {
    expect(k('label pod example-1 app=example')).toMatchObject({
      stdout: '',
      stderr: "error: 'app' already has a value (example), and --overwrite is false\n",
      exitCode: 1,
    });
    expect(k('label pod example-1 app=example --overwrite')).toMatchObject({ stdout: 'pod/example-1 not labeled\n', exitCode: 0 });
    expect(k('annotate pod example-1 note=hi').stdout).toBe('pod/example-1 annotated\n');
    expect(k('annotate pod example-1 note=hi')).toMatchObject({ stdout: 'pod/example-1 annotated\n', stderr: '', exitCode: 0 });
    expect(k('annotate pod example-1 note=bye').stderr).toBe(
      "error: --overwrite is false but found the following declared annotation(s): 'note' already has a value (hi)\n",
    );
  });

  it('setting and removing the same key in one command is an error', () => {
    expect(k('label pod example-1 x=1 x-')).toMatchObject({ stderr: 'error: can not both modify and remove a label in the same command\n', exitCode: 1 });
    expect(k('annotate pod example-1 x=1 x-')).toMatchObject({
      stderr: 'error: can not both modify and remove the following annotation(s) in the same command: x\n',
      exitCode: 1,
    });
  });

  it('removing a missing label reports it before "not labeled"', () => {
    expect(k('label pod example-1 tier-')).toMatchObject({ stdout: 'label "tier" not found.\npod/example-1 not labeled\n', stderr: '', exitCode: 0 });
  });
});

describe('describeService LoadBalancer Ingress (describe.go describeService, buildIngressString)', () => {
  it('prints `ip (ipMode)` or the hostname, joined by ", ", after the IPs', () => {
    const svc = lbService([{ ip: '203.0.113.7', ipMode: 'VIP' } as { ip: string }, { hostname: 'lb.example.com' }]);
    svc.spec.ipFamilies = ['IPv4'];
    svc.spec.ipFamilyPolicy = 'SingleStack';
    svc.spec.sessionAffinity = 'None';
    svc.spec.externalTrafficPolicy = 'Cluster';
    // tabbedString: the first column is as wide as its longest cell ("External Traffic Policy:", 24) + 2.
    const row = (k: string, v: string) => `${k.padEnd(26)}${v}\n`;
    expect(describeService(svc, { now: NOW, slices: [], events: [] })).toBe(
      row('Name:', 'lb') +
        row('Namespace:', 'default') +
        row('Labels:', '<none>') +
        row('Annotations:', '<none>') +
        row('Selector:', 'app=web') +
        row('Type:', 'LoadBalancer') +
        row('IP Family Policy:', 'SingleStack') +
        row('IP Families:', 'IPv4') +
        row('IP:', '10.96.0.10') +
        row('IPs:', '10.96.0.10') +
        row('LoadBalancer Ingress:', '203.0.113.7 (VIP), lb.example.com') +
        row('Port:', '<unset>  443/TCP') +
        row('TargetPort:', '8443/TCP') +
        row('NodePort:', '<unset>  31000/TCP') +
        row('Endpoints:', '<none>') +
        row('Session Affinity:', 'None') +
        row('External Traffic Policy:', 'Cluster') +
        row('Events:', '<none>'),
    );
  });
});

describe('get -L/--label-columns (cli-runtime tableprinter.go formatLabelHeaders, appendLabelCells)', () => {
  it('adds one column per key, headed by the last path segment upper-cased, empty when missing, before LABELS', () => {
    k('apply -f service.yaml');
    const r = k('get pods -L app,example.com/tier --show-labels');
    // Columns: NAME(9+3) READY(5+3) STATUS(7+3) RESTARTS(8+3) AGE(3+3→6) APP(7+3) TIER(4+3=7, empty cells padded) LABELS.
    expect(r.stdout).toBe(
      'NAME        READY   STATUS    RESTARTS   AGE   APP       TIER   LABELS\n' +
        'example-1   1/1     Running   0          5m    example          app=example\n' +
        'example-2   1/1     Running   0          5m    example          app=example\n' +
        'example-3   1/1     Running   0          5m    example          app=example\n',
    );
    const [slice] = c.list<EndpointSlice>('EndpointSlice', 'default');
    expect(k('get endpointslices -L kubernetes.io/service-name --no-headers').stdout).toBe(
      `${slice.metadata.name}   IPv4   9376   ${slice.endpoints!.map((e) => e.addresses[0]).join(',')}   0s    example-service\n`,
    );
  });
});

describe('kind/ name prefixes (get.go multipleGVKsRequested over the returned infos)', () => {
  it('prefix only when what came back spans several types', () => {
    k('apply -f service.yaml');
    // Only the pod example-1 exists: one info, no prefix; the NotFound for the Service follows.
    expect(k('get pods,svc example-1')).toMatchObject({
      stdout: 'NAME        READY   STATUS    RESTARTS   AGE\nexample-1   1/1     Running   0          5m\n',
      stderr: 'Error from server (NotFound): services "example-1" not found\n',
      exitCode: 1,
    });
    // Two listed types: two tables, both prefixed, even when one is empty.
    expect(k('get deploy,svc').stdout).toBe(
      'NAME                      TYPE        CLUSTER-IP      EXTERNAL-IP   PORT(S)   AGE\n' +
        `service/example-service   ClusterIP   ${c.get<Service>('Service', 'default', 'example-service')!.spec.clusterIP}   <none>        80/TCP    0s\n`,
    );
  });
});

describe('-o custom-columns through get (get.go printGeneric + customcolumn.go)', () => {
  it('prints one row per listed object; --no-headers drops the header; unsupported formats say so', () => {
    k('apply -f service.yaml');
    const ips = c.list<Pod>('Pod', 'default').map((p) => p.status!.podIP!);
    expect(ips.every((ip) => ip.length === 10)).toBe(true);
    expect(k("get pods -o custom-columns='NAME:.metadata.name,IP:status.podIP,NODE:{.spec.nodeName}'").stdout).toBe(
      'NAME        IP           NODE\n' + ips.map((ip, i) => `example-${i + 1}   ${ip}   ${c.get<Pod>('Pod', 'default', `example-${i + 1}`)!.spec.nodeName}\n`).join(''),
    );
    expect(k('get svc -o custom-columns=PORTS:.spec.ports[*].targetPort --no-headers').stdout).toBe('9376\n');
    expect(k('get svc -o custom-columns=NAME')).toMatchObject({
      stderr: 'error: unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>\n',
      exitCode: 1,
    });
    expect(k('get svc -o go-template={{.metadata.name}}').stderr).toBe(
      'error: -o go-template is not available in this simulated cluster (use -o jsonpath, custom-columns, yaml, json or name)\n',
    );
    expect(k('get svc -o tabel').stderr).toMatch(/^error: unable to match a printer suitable for the output format "tabel", allowed formats are: /);
  });
});

describe('--field-selector (fields.ParseSelector; GetAttrs / field label conversions; EnhanceListError)', () => {
  it('filters on the fields the API server supports for the kind', () => {
    k('apply -f service.yaml');
    const onB = c.list<Pod>('Pod', 'default').filter((p) => p.spec.nodeName === 'node-b').map((p) => `pod/${p.metadata.name}\n`);
    expect(onB.length).toBeGreaterThan(0);
    expect(k('get pods --field-selector spec.nodeName=node-b -o name').stdout).toBe(onB.join(''));
    expect(k('get pods --field-selector=metadata.name=example-1,status.phase=Running -o name').stdout).toBe('pod/example-1\n');
    expect(k('get pods --field-selector status.phase!=Running')).toMatchObject({ stdout: '', stderr: 'No resources found in default namespace.\n', exitCode: 0 });
    expect(k('get svc --field-selector spec.clusterIP=None').stderr).toBe('No resources found in default namespace.\n');
  });

  it('unknown fields and malformed terms are BadRequest answers to the list request', () => {
    expect(k('get pods --field-selector foo=bar')).toMatchObject({
      stderr: 'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "foo=bar": field label not supported: foo\n',
      exitCode: 1,
    });
    // Kinds without their own conversion use runtime.DefaultMetaV1FieldSelectorConversion.
    expect(k('get endpointslices -l app=x --field-selector addressType=IPv4').stderr).toBe(
      'Error from server (BadRequest): Unable to find "discovery.k8s.io/v1, Resource=endpointslices" that match label selector "app=x", field selector "addressType=IPv4": ' +
        '"addressType" is not a known field selector: only "metadata.name", "metadata.namespace"\n',
    );
    expect(k('get pods --field-selector foo').stderr).toBe(
      'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "foo": invalid selector: \'foo\'; can\'t understand \'foo\'\n',
    );
  });
});

describe('apply of a nameless object (apply.go applyOneObject: info.Get before any write)', () => {
  it('fails when retrieving the live object, naming GroupVersionResource and GroupVersionKind; create reaches the server', () => {
    const files = { 'svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {}\nspec:\n  ports:\n  - port: 80\n' };
    expect(runKubectl(c, parseCommandLine('apply -f svc.yaml'), { files })).toMatchObject({
      stdout: '',
      stderr:
        'error: error when retrieving current configuration of:\n' +
        'Resource: "/v1, Resource=services", GroupVersionKind: "/v1, Kind=Service"\n' +
        'Name: "", Namespace: "default"\n' +
        'from server for: "svc.yaml": resource name may not be empty\n',
      exitCode: 1,
    });
    expect(runKubectl(c, parseCommandLine('create -f svc.yaml'), { files }).stderr).toBe(
      'The Service "" is invalid: metadata.name: Required value: name or generateName is required\n',
    );
  });
});

describe('rollout restart twice in one (simulated) second (rollout_restart.go: empty patch)', () => {
  it('the second restart changes nothing and is refused; after a second it restarts again', () => {
    c.apply([
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'web', namespace: 'default' },
        spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
      } as never,
    ]);
    expect(k('rollout restart deploy web')).toMatchObject({ stdout: 'deployment.apps/web restarted\n', stderr: '', exitCode: 0 });
    expect(k('rollout restart deploy web')).toMatchObject({
      stdout: '',
      stderr:
        'error: failed to create patch for web: if restart has already been triggered within the past second, please wait before attempting to trigger another\n',
      exitCode: 1,
    });
    c.advance(1);
    expect(k('rollout restart deploy/web').stdout).toBe('deployment.apps/web restarted\n');
  });
});

describe('rollout on kinds without support (rollout_restart.go patch error, rollout_status.go StatusViewerFor)', () => {
  it('restart names resource[.group] and the object; status names the GroupKind', () => {
    k('apply -f service.yaml');
    expect(k('rollout restart svc example-service')).toMatchObject({
      stderr: 'error: services "example-service" restarting is not supported\n',
      exitCode: 1,
    });
    expect(k('rollout status svc/example-service')).toMatchObject({
      stderr: 'error: no status viewer has been implemented for Service\n',
      exitCode: 1,
    });
  });
});

describe('kubectl get events (client-go record makeEvent; printers.go printEvent)', () => {
  it('lists the controllers\' events by name (<object>.<hex UnixNano>) with LAST SEEN, TYPE, REASON, OBJECT, MESSAGE', () => {
    c.apply(loadAll(DEPLOYMENT_YAML) as KObject[]);
    const pods = c.list<Pod>('Pod', 'default').filter((p) => p.metadata.labels?.app === 'web').map((p) => p.metadata.name!);
    const rs = c.list('ReplicaSet', 'default')[0].metadata.name!;
    expect(pods).toHaveLength(2);
    // All at 00:05:00 (clock advanced 300s before): LAST SEEN 0s. `web-<hash>.` sorts before `web.` ('-' < '.').
    const objCol = `replicaset/${rs}`.length + 3;
    const pad = (s: string) => s.padEnd(objCol);
    expect(k('get events')).toMatchObject({
      stdout:
        `LAST SEEN   TYPE     REASON              ${pad('OBJECT')}MESSAGE\n` +
        pods.map((p) => `0s          Normal   SuccessfulCreate    ${pad(`replicaset/${rs}`)}Created pod: ${p}\n`).join('') +
        `0s          Normal   ScalingReplicaSet   ${pad('deployment/web')}Scaled up replica set ${rs} from 0 to 2\n`,
      stderr: '',
      exitCode: 0,
    });
    const names = k('get events -o name').stdout.trim().split('\n');
    // 2024-01-01T00:05:00Z = 1704067500 s → ns in hex; the last hex digits keep events of one instant apart.
    const hex = (1704067500n * 1000000000n).toString(16).slice(0, -2);
    expect(names.every((n) => /^event\/web(-[a-z0-9]+)?\.[0-9a-f]+$/.test(n) && n.includes(`.${hex}`))).toBe(true);
    expect(new Set(names).size).toBe(3);
    expect(k('get events --field-selector involvedObject.kind=Deployment -o jsonpath={.items[*].reason}').stdout).toBe('ScalingReplicaSet');
    expect(k('get events --field-selector source=replicaset-controller -o name').stdout.split('\n').filter(Boolean)).toHaveLength(2);
  });

  it('events are read-only here', () => {
    expect(k('delete events --all')).toMatchObject({ stdout: 'No resources found\n', exitCode: 0 });
    c.apply(loadAll(DEPLOYMENT_YAML) as KObject[]);
    expect(k('delete events --all')).toMatchObject({
      stderr: 'error: events are read-only in this simulated cluster (they are written by the simulated controllers)\n',
      exitCode: 1,
    });
  });
});

describe('scale of a kind without a /scale subresource (scale.go, genericScaler.ScaleSimple)', () => {
  it('is the server\'s 404 for the subresource', () => {
    k('apply -f service.yaml');
    expect(k('scale svc example-service --replicas=2')).toMatchObject({
      stdout: '',
      stderr: 'Error from server (NotFound): the server could not find the requested resource\n',
      exitCode: 1,
    });
  });
});

describe('PORTS and ENDPOINTS follow the ≥1.35 hash orders (reference §15.1 kube-dns cross-check)', () => {
  it('kube-dns: slice PORTS 53,53,9153; legacy Endpoints start with the :9153 entry', () => {
    const ns = 'kube-system';
    c.apply(
      loadAll(`apiVersion: v1
kind: Pod
metadata: {name: coredns-a, namespace: ${ns}, labels: {k8s-app: kube-dns}}
spec:
  containers:
  - name: coredns
    image: registry.k8s.io/coredns/coredns:v1.12.0
    ports:
    - {name: dns, containerPort: 53, protocol: UDP}
    - {name: dns-tcp, containerPort: 53, protocol: TCP}
    - {name: metrics, containerPort: 9153, protocol: TCP}
---
apiVersion: v1
kind: Service
metadata: {name: kube-dns, namespace: ${ns}}
spec:
  selector: {k8s-app: kube-dns}
  ports:
  - {name: dns, port: 53, protocol: UDP}
  - {name: dns-tcp, port: 53, protocol: TCP}
  - {name: metrics, port: 9153, protocol: TCP}
`) as KObject[],
    );
    const ip = c.get<Pod>('Pod', ns, 'coredns-a')!.status!.podIP!;
    expect(k(`get endpointslices -n ${ns} -o custom-columns=PORTS:.ports[*].port --no-headers`).stdout).toBe('53,53,9153\n');
    expect(k(`get endpointslices -n ${ns} --no-headers`).stdout).toMatch(/^kube-dns-\w{5}\s+IPv4\s+53,53,9153\s+/);
    const ep = k(`get endpoints kube-dns -n ${ns} --no-headers`).stdout;
    expect(ep.startsWith(`kube-dns   ${ip}:9153,${ip}:53,${ip}:53   `)).toBe(true);
  });
});
