// kubectl apply/create -f with several objects: each request's API warnings are printed when that
// request is sent (client-go's warning handler writes them as responses arrive), the created lines as
// they happen, and the errors only at the end (apply.go Run collects them; cmdutil.CheckErr prints one
// error alone as "The Kind "name" is invalid: ...", several through MultipleErrors /
// StandardErrorMessage as "Error from server (Invalid): error when creating "file": Kind "name" is invalid: ...").
import { describe, expect, it } from 'vitest';
import { createCluster } from '../sim/index';
import { runKubectl } from './index';

const run = (verb: 'apply' | 'create', yaml: string) => runKubectl(createCluster(), [verb, '-f', 'x.yaml'], { files: { 'x.yaml': yaml } });
const svc = (name: string, spec = '') => `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  ports:\n  - port: 80\n${spec}`;
const badEndpoints = 'apiVersion: v1\nkind: Endpoints\nmetadata:\n  name: e\nsubsets:\n- ports:\n  - port: 80\n';
const DNS1035 =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const DEPRECATION = 'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n';

describe.each(['apply', 'create'] as const)('kubectl %s -f with several objects', (verb) => {
  it('prints each warning at its own object, between the created lines', () => {
    const r = run(verb, [svc('a'), svc('b', '  trafficDistribution: PreferClose\n'), svc('c')].join('---\n'));
    expect(r.exitCode).toBe(0);
    expect(r.chunks).toEqual([
      { stream: 'stdout', text: 'service/a created\n' },
      { stream: 'stderr', text: 'Warning: spec.trafficDistribution: "PreferClose" is deprecated; use "PreferSameZone"\n' },
      { stream: 'stdout', text: 'service/b created\n' },
      { stream: 'stdout', text: 'service/c created\n' },
    ]);
  });

  it('two rejected objects: the created line and the warning first, both errors at the end in the aggregate form', () => {
    const r = run(verb, [svc('Bad'), svc('good'), badEndpoints].join('---\n'));
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('service/good created\n');
    expect(r.chunks.map((c) => `${c.stream}: ${c.text}`).join('')).toBe(
      'stdout: service/good created\n' +
        `stderr: ${DEPRECATION}` +
        `stderr: Error from server (Invalid): error when creating "x.yaml": Service "Bad" is invalid: metadata.name: Invalid value: "Bad": ${DNS1035}\n` +
        'stderr: Error from server (Invalid): error when creating "x.yaml": Endpoints "e" is invalid: subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`\n',
    );
  });

  it('one rejected object among valid ones: its error alone, after the created line, in the "The ... is invalid" form', () => {
    const r = run(verb, [badEndpoints, svc('good')].join('---\n'));
    expect(r.chunks).toEqual([
      { stream: 'stderr', text: DEPRECATION },
      { stream: 'stdout', text: 'service/good created\n' },
      { stream: 'stderr', text: 'The Endpoints "e" is invalid: subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`\n' },
    ]);
  });
});

describe('aggregate of an Invalid error with several causes', () => {
  it('joins the causes as the aggregate error text: [a, b]', () => {
    const r = run('apply', [svc('Bad', '  - port: 0\n    name: x\n'), badEndpoints].join('---\n'));
    const first = r.stderr.split('\n').find((l) => l.includes('Service "Bad"'))!;
    expect(first).toMatch(/^Error from server \(Invalid\): error when creating "x\.yaml": Service "Bad" is invalid: \[metadata\.name: Invalid value: "Bad": .*, spec\.ports\[1\]\.port: Invalid value: 0: must be between 1 and 65535, inclusive.*\]$/);
  });
});
