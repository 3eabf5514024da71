// End-to-end: kubectl command lines against a simulated cluster. Expected outputs are written from
// kubectl's conventions (cited per test); values the simulator chooses (pod IPs, generated names,
// cluster IPs) are read from the cluster and interpolated, with their lengths checked so the
// hand-written column padding stays right.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Cluster, EndpointSlice, Pod, Service } from '../sim/types';
import { DEPLOYMENT_YAML, SERVICE_YAML, tutorialCluster } from './fixtures.testutil';
import { COMMAND_INTERVAL_SECONDS, runKubectl, runSession } from './index';

const files = { 'service.yaml': SERVICE_YAML };
let c: Cluster;
const k = (line: string) => runKubectl(c, line.split(' '), { files });
const WARNING = 'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n';

function podIP(name: string): string {
  return c.get<Pod>('Pod', 'default', name)!.status!.podIP!;
}

beforeEach(() => {
  c = tutorialCluster();
});

describe('the tutorial steps', () => {
  it('kubectl apply -f service.yaml prints service/example-service created, then unchanged (apply.go + name printer)', () => {
    expect(k('apply -f service.yaml')).toMatchObject({ stdout: 'service/example-service created\n', stderr: '', exitCode: 0 });
    expect(k('apply -f service.yaml')).toMatchObject({ stdout: 'service/example-service unchanged\n', stderr: '', exitCode: 0 });
  });

  it('kubectl get endpoints example-service: deprecation warning on stderr, ready ip:port pairs (printers.go formatEndpoints)', () => {
    k('apply -f service.yaml');
    const ips = ['example-1', 'example-2', 'example-3'].map(podIP);
    expect(ips.every((ip) => ip.length === 10)).toBe(true);
    const r = k('get endpoints example-service');
    expect(r.stderr).toBe(WARNING);
    expect(r.chunks[0]).toEqual({ stream: 'stderr', text: WARNING });
    // NAME column: "example-service" (15) + 3; ENDPOINTS: three 15-char pairs + 2 commas = 47, + 3.
    expect(r.stdout).toBe(
      'NAME              ENDPOINTS                                         AGE\n' +
        `example-service   ${ips.map((ip) => `${ip}:9376`).join(',')}   0s\n`,
    );
  });

  it('kubectl get endpointslices: target port 9376, not the Service port (printers.go printEndpointSlice)', () => {
    k('apply -f service.yaml');
    const [s] = c.list<EndpointSlice>('EndpointSlice', 'default');
    expect(s.metadata.name).toMatch(/^example-service-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    const ips = s.endpoints!.map((e) => e.addresses[0]).join(',');
    const r = k('get endpointslices');
    expect(r).toMatchObject({ stderr: '', exitCode: 0 });
    expect(r.stdout).toBe(
      'NAME                    ADDRESSTYPE   PORTS   ENDPOINTS                          AGE\n' + `${s.metadata.name}   IPv4          9376    ${ips}   0s\n`,
    );
  });

  it('kubectl describe service example-service (describe.go describeService, endpoints from slices)', () => {
    k('apply -f service.yaml');
    const svc = c.get<Service>('Service', 'default', 'example-service')!;
    const ip = svc.spec.clusterIP!;
    const [s] = c.list<EndpointSlice>('EndpointSlice', 'default');
    const eps = s.endpoints!.map((e) => `${e.addresses[0]}:9376`).join(',');
    expect(k('describe service example-service').stdout).toBe(
      [
        'Name:                     example-service',
        'Namespace:                default',
        'Labels:                   <none>',
        'Annotations:              <none>',
        'Selector:                 app=example',
        'Type:                     ClusterIP',
        'IP Family Policy:         SingleStack',
        'IP Families:              IPv4',
        `IP:                       ${ip}`,
        `IPs:                      ${ip}`,
        'Port:                     <unset>  80/TCP',
        'TargetPort:               9376/TCP',
        `Endpoints:                ${eps}`,
        'Session Affinity:         None',
        'Internal Traffic Policy:  Cluster',
        'Events:                   <none>',
        '',
      ].join('\n'),
    );
  });

  it('a not-ready pod leaves kubectl get endpoints but stays in the slice (§13.2, §13.3)', () => {
    k('apply -f service.yaml');
    c.setPodReady('default', 'example-2', false);
    expect(k('get ep example-service').stdout).toContain(`${podIP('example-1')}:9376,${podIP('example-3')}:9376   `);
    expect(k('get endpointslices').stdout).toContain(`${podIP('example-1')},${podIP('example-2')},${podIP('example-3')}`);
    expect(k('get endpointslices -o jsonpath={.items[0].endpoints[?(@.targetRef.name=="example-2")].conditions}').stdout).toBe(
      '{"ready":false,"serving":false,"terminating":false}',
    );
  });
});

describe('kubectl error texts', () => {
  it('misspelt resource type (cli-runtime builder: the server does not have a resource type)', () => {
    expect(k('get endpointslize')).toMatchObject({ stdout: '', stderr: 'error: the server doesn\'t have a resource type "endpointslize"\n', exitCode: 1 });
  });

  it('NotFound names the resource with its group (apierrors.NewNotFound)', () => {
    expect(k('get svc x')).toMatchObject({ stderr: 'Error from server (NotFound): services "x" not found\n', exitCode: 1 });
    expect(k('get endpointslices x').stderr).toBe('Error from server (NotFound): endpointslices.discovery.k8s.io "x" not found\n');
    expect(k('describe deployment x').stderr).toBe('Error from server (NotFound): deployments.apps "x" not found\n');
  });

  it('empty lists print No resources found on stderr (get.go)', () => {
    expect(k('get svc')).toMatchObject({ stdout: '', stderr: 'No resources found in default namespace.\n', exitCode: 0 });
    expect(k('get svc -n other').stderr).toBe('No resources found in other namespace.\n');
    expect(k('get svc -A').stderr).toBe('No resources found\n');
  });

  it('usage errors: no type, unknown flag, unknown command (get.go, cobra, cmdutil.CheckErr)', () => {
    expect(k('get')).toMatchObject({
      stderr:
        'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n' +
        'error: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\n' +
        "See 'kubectl get -h' for help and examples\n",
      exitCode: 1,
    });
    expect(k('get pods --bogus').stderr).toBe("error: unknown flag: --bogus\nSee 'kubectl get --help' for usage.\n");
    expect(k('gett pods').stderr).toBe('error: unknown command "gett" for "kubectl"\n\nDid you mean this?\n\tget\n');
    expect(k('apply').stderr).toBe('error: must specify one of -f and -k\n');
    expect(k('apply -f missing.yaml').stderr).toBe('error: the path "missing.yaml" does not exist\n');
  });

  it('create of an existing object is AlreadyExists (create.go, AddSourceToErr)', () => {
    k('apply -f service.yaml');
    expect(k('create -f service.yaml')).toMatchObject({
      stderr: 'Error from server (AlreadyExists): error when creating "service.yaml": services "example-service" already exists\n',
      exitCode: 1,
    });
  });
});

describe('apply, label, annotate, delete', () => {
  it('apply records last-applied-configuration and reports configured after a change', () => {
    k('apply -f service.yaml');
    const svc = c.get<Service>('Service', 'default', 'example-service')!;
    // kubectl stores the applied manifest (namespace filled in, annotations emptied) as compact JSON + newline.
    expect(svc.metadata.annotations!['kubectl.kubernetes.io/last-applied-configuration']).toBe(
      '{"apiVersion":"v1","kind":"Service","metadata":{"annotations":{},"name":"example-service","namespace":"default"},"spec":{"ports":[{"port":80,"protocol":"TCP","targetPort":9376}],"selector":{"app":"example"}}}\n',
    );
    const changed = runKubectl(c, ['apply', '-f', 'service.yaml'], { files: { 'service.yaml': SERVICE_YAML.replace('port: 80', 'port: 8080') } });
    expect(changed.stdout).toBe('service/example-service configured\n');
    expect(c.get<Service>('Service', 'default', 'example-service')!.spec.ports![0].port).toBe(8080);
  });

  it('label: labeled / not labeled / unlabeled and the --overwrite error (label.go)', () => {
    expect(k('label pod example-1 tier=front').stdout).toBe('pod/example-1 labeled\n');
    expect(k('label pod example-1 tier=back')).toMatchObject({ stderr: "error: 'tier' already has a value (front), and --overwrite is false\n", exitCode: 1 });
    expect(k('label pod example-1 tier=back --overwrite').stdout).toBe('pod/example-1 labeled\n');
    expect(c.get<Pod>('Pod', 'default', 'example-1')!.metadata.labels).toEqual({ app: 'example', tier: 'back' });
    expect(k('label pod/example-1 tier-').stdout).toBe('pod/example-1 unlabeled\n');
    // label.go RunLabel reports a removed key that is not there (stdout) before the result line.
    expect(k('label pod example-1 tier-').stdout).toBe('label "tier" not found.\npod/example-1 not labeled\n');
    expect(k('annotate pod example-1 note=hi').stdout).toBe('pod/example-1 annotated\n');
  });

  it('a relabelled pod leaves the Service endpoints', () => {
    k('apply -f service.yaml');
    k('label pod example-1 app=other --overwrite');
    const s = c.list<EndpointSlice>('EndpointSlice', 'default')[0];
    expect(s.endpoints!.map((e) => e.targetRef!.name).sort()).toEqual(['example-2', 'example-3']);
  });

  it('delete prints <kind> "<name>" deleted from <ns> namespace and waits for graceful pod termination (delete.go PrintObj after kubernetes#126619, --wait)', () => {
    k('apply -f service.yaml');
    const before = Date.parse(c.now());
    expect(k('delete pod example-2')).toMatchObject({ stdout: 'pod "example-2" deleted from default namespace\n', stderr: '', exitCode: 0 });
    expect(c.get('Pod', 'default', 'example-2')).toBeUndefined();
    expect(Date.parse(c.now()) - before).toBeGreaterThanOrEqual(30_000);
    expect(k('delete pod example-3 --wait=false').stdout).toBe('pod "example-3" deleted from default namespace\n');
    expect(k('get pods').stdout).toContain('example-3   1/1     Terminating   0          ');
    expect(k('delete svc example-service').stdout).toBe('service "example-service" deleted from default namespace\n');
    expect(k('delete svc example-service').stderr).toBe('Error from server (NotFound): services "example-service" not found\n');
  });
});

describe('get options', () => {
  it('get all groups types with kind prefixes and blank lines (get.go, MultipleTypesRequested)', () => {
    k('apply -f service.yaml');
    const out = k('get all').stdout;
    const groups = out.split('\n\n');
    expect(groups).toHaveLength(2);
    expect(groups[0].split('\n')[0]).toBe('NAME            READY   STATUS    RESTARTS   AGE');
    expect(groups[0]).toContain('pod/example-1   1/1     Running   0          5m');
    const clusterIP = c.get<Service>('Service', 'default', 'example-service')!.spec.clusterIP!;
    expect(clusterIP).toHaveLength(13); // CLUSTER-IP column: 13 + 3 = 16 wide
    expect(groups[1]).toBe(
      'NAME                      TYPE        CLUSTER-IP      EXTERNAL-IP   PORT(S)   AGE\n' +
        `service/example-service   ClusterIP   ${clusterIP}   <none>        80/TCP    0s\n`,
    );
  });

  it('-l with set-based selectors and -o name', () => {
    c.apply([{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'other', namespace: 'default', labels: { app: 'other' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } }]);
    const bad = runKubectl(c, ['get', 'pods', '-l', 'app in example']);
    expect(bad.exitCode).toBe(1);
    // The API server parses the selector (resource.Selector.Visit + EnhanceListError); see review.test.ts.
    expect(bad.stderr.startsWith('Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector')).toBe(true);
    const r = runKubectl(c, ['get', 'pods', '-l', 'app notin (example)', '-o', 'name']);
    expect(r.stdout).toBe('pod/other\n');
    expect(runKubectl(c, ['get', 'pods', '--selector', 'app=example', '-o', 'name']).stdout).toBe('pod/example-1\npod/example-2\npod/example-3\n');
  });

  it('-o json uses 4-space indentation and -o yaml wraps several objects in a List (printers/json.go, yaml.go)', () => {
    k('apply -f service.yaml');
    const json = k('get svc example-service -o json').stdout;
    expect(json.startsWith('{\n    "apiVersion": "v1",\n    "kind": "Service",\n    "metadata": {\n')).toBe(true);
    const yaml = k('get pods -o yaml').stdout;
    expect(yaml.startsWith('apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Pod\n')).toBe(true);
    expect(yaml.endsWith('kind: List\nmetadata:\n  resourceVersion: ""\n')).toBe(true);
  });

  it('--watch streams rows when the cluster changes', () => {
    const r = k('get pods -w');
    expect(r.stdout.split('\n')[0]).toBe('NAME        READY   STATUS    RESTARTS   AGE');
    c.setPodReady('default', 'example-2', false);
    expect(r.watch!.poll()).toBe('example-2   0/1     Running   0          5m\n');
    expect(r.watch!.poll()).toBe('');
  });
});

describe('workloads', () => {
  beforeEach(() => {
    c = tutorialCluster([DEPLOYMENT_YAML]);
  });

  it('scale and rollout restart print the name-printer operations (scale.go, rollout_restart.go)', () => {
    expect(k('scale deployment web --replicas=3').stdout).toBe('deployment.apps/web scaled\n');
    expect(k('get deploy web').stdout).toBe('NAME   READY   UP-TO-DATE   AVAILABLE   AGE\nweb    3/3     3            3           5m\n');
    expect(k('scale deployment web')).toMatchObject({ stderr: 'error: required flag(s) "replicas" not set\n', exitCode: 1 });
    expect(k('rollout restart deployment/web').stdout).toBe('deployment.apps/web restarted\n');
    const pods = c.list<Pod>('Pod', 'default').filter((p) => p.metadata.labels?.app === 'web');
    expect(pods.filter((p) => p.metadata.deletionTimestamp)).toHaveLength(3);
    expect(k('get pods -l app=web').stdout).toContain('Terminating');
  });
});

describe('explain', () => {
  it('prints the plaintext explain layout and rejects unknown fields', () => {
    const out = k('explain endpointslice.addressType').stdout;
    // No ENUM block: the v1.35 OpenAPI document gives addressType no `enum` (vendor/kubernetes-openapi),
    // and plaintext.tmpl prints `FIELD: ... <type>{{"\n"}}` + extractEnum (empty) + `{{"\n"}}` + `{{"\n"}}`.
    expect(out.startsWith('GROUP:      discovery.k8s.io\nKIND:       EndpointSlice\nVERSION:    v1\n\nFIELD: addressType <string>\n\n\nDESCRIPTION:\n    addressType specifies the type of address carried by this EndpointSlice.')).toBe(true);
    expect(k('explain svc.spec.nope')).toMatchObject({ stderr: 'error: field "nope" does not exist\n', exitCode: 1 });
  });
});

describe('sessions', () => {
  it('prints prompts and outputs, skips comments, and streams watch rows after sim commands', () => {
    const r = runSession(
      c,
      '# a comment\nkubectl apply -f service.yaml\nkubectl get pods -w\nsim ready example-3 false\nsim time\n',
      { files },
    );
    expect(r.steps.map((s) => s.command)).toEqual(['kubectl apply -f service.yaml', 'kubectl get pods -w', 'sim ready example-3 false', 'sim time']);
    expect(r.transcript).toContain('$ kubectl apply -f service.yaml\nservice/example-service created\n$ kubectl get pods -w\nNAME ');
    // The clock moves COMMAND_INTERVAL_SECONDS (5 s) after each command: sim ready runs two commands
    // after the start (00:05:10, so the pod is 5m10s old), sim time three (00:05:15).
    expect(COMMAND_INTERVAL_SECONDS).toBe(5);
    expect(r.transcript).toContain('$ sim ready example-3 false\npod/example-3 ready=false\nexample-3   0/1     Running   0          5m10s\n$ sim time\n2024-01-01T00:05:15Z\n');
  });
});

describe('the clock between terminal commands', () => {
  it('two changes made by two commands never share a timestamp; the same script gives the same transcript', () => {
    const script = 'kubectl apply -f service.yaml\nsim ready example-1 false\nsim ready example-2 false\nsim time\n';
    const r = runSession(c, script, { files });
    const since = (name: string) => c.get<Pod>('Pod', 'default', name)!.status!.conditions!.find((x) => x.type === 'Ready')!.lastTransitionTime;
    // start 00:05:00; each command is followed by 5 s
    expect(since('example-1')).toBe('2024-01-01T00:05:05Z');
    expect(since('example-2')).toBe('2024-01-01T00:05:10Z');
    expect(r.steps[3].stdout).toBe('2024-01-01T00:05:15Z\n');
    // the slice's trigger time is the earliest Ready transition of the pods changed since its last write
    const [s] = c.list<EndpointSlice>('EndpointSlice', 'default');
    expect(s.metadata.annotations?.['endpoints.kubernetes.io/last-change-trigger-time']).toBe('2024-01-01T00:05:10Z');
    expect(runSession(tutorialCluster(), script, { files }).transcript).toBe(r.transcript);
  });
  it('runKubectl alone (one command, as the objects panels run it) leaves the clock where it is', () => {
    runKubectl(c, ['get', 'pods']);
    expect(c.now()).toBe('2024-01-01T00:05:00Z');
  });
});

describe('apply with invalid manifests (API-server messages from src/validate)', () => {
  const run = (name: string, text: string) => runKubectl(c, ['apply', '-f', name], { files: { [name]: text } });

  it('a field validation error is printed as The <Kind> "<name>" is invalid and other objects are still applied', () => {
    const r = run('mixed.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: Bad\nspec:\n  ports:\n  - port: 80\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: good\nspec:\n  ports:\n  - port: 80\n');
    expect(r.exitCode).toBe(1);
    expect(r.stderr.startsWith('The Service "Bad" is invalid: metadata.name: Invalid value: "Bad": a DNS-1035 label')).toBe(true);
    expect(r.stdout).toBe('service/good created\n');
  });

  it('unknown fields are a BadRequest from strict decoding, with the source file (AddSourceToErr)', () => {
    const r = run('unknown.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selectr:\n    app: x\n  ports:\n  - port: 80\n');
    expect(r.stderr).toBe(
      'Error from server (BadRequest): error when creating "unknown.yaml": Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.selectr"\n',
    );
  });

  it('a missing kind stops the command before anything is written', () => {
    const r = run('nokind.yaml', 'apiVersion: v1\nmetadata:\n  name: web\n');
    expect(r.stderr).toBe(
      'error: error validating "nokind.yaml": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false\n',
    );
    expect(r.exitCode).toBe(1);
  });

  it('an Endpoints manifest gets the deprecation warning once', () => {
    const r = run('eps.yaml', 'apiVersion: v1\nkind: Endpoints\nmetadata:\n  name: manual\nsubsets:\n- addresses:\n  - ip: 10.1.2.3\n  ports:\n  - port: 80\n');
    expect(r).toMatchObject({ stderr: WARNING, stdout: 'endpoints/manual created\n', exitCode: 0 });
  });
});

describe('run and expose', () => {
  beforeEach(() => {
    c = tutorialCluster([DEPLOYMENT_YAML]);
  });

  it('kubectl run labels the pod run=NAME and kubectl expose takes the deployment selector (run.go, expose.go)', () => {
    expect(k('run client --image=nginx:1.27')).toMatchObject({ stdout: 'pod/client created\n', exitCode: 0 });
    expect(c.get<Pod>('Pod', 'default', 'client')!.metadata.labels).toEqual({ run: 'client' });
    expect(k('expose deployment web --port=80 --target-port=80')).toMatchObject({ stdout: 'service/web exposed\n', exitCode: 0 });
    const svc = c.get<Service>('Service', 'default', 'web')!;
    expect(svc.spec.selector).toEqual({ app: 'web' });
    expect(svc.metadata.labels).toEqual({ app: 'web' });
    expect(svc.spec.ports).toEqual([{ port: 80, protocol: 'TCP', targetPort: 80 }]);
    expect(k('expose deployment web --port=80')).toMatchObject({ stderr: 'Error from server (AlreadyExists): services "web" already exists\n', exitCode: 1 });
  });
});

describe('get edge cases', () => {
  it('a missing named object with -o yaml prints only the error; an empty list prints an empty List', () => {
    expect(k('get svc nope -o yaml')).toMatchObject({ stdout: '', stderr: 'Error from server (NotFound): services "nope" not found\n', exitCode: 1 });
    expect(k('get svc -o yaml').stdout).toBe('apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n');
  });

  it('-A with a name is refused (get.go)', () => {
    expect(k('get pods example-1 -A').stderr).toBe('error: a resource cannot be retrieved by name across all namespaces\n');
  });

  it('--watch-only prints only later changes', () => {
    const r = k('get pods --watch-only');
    expect(r.stdout).toBe('');
    c.setPodReady('default', 'example-1', false);
    expect(r.watch!.poll()).toBe('NAME        READY   STATUS    RESTARTS   AGE\nexample-1   0/1     Running   0          5m\n');
  });
});
