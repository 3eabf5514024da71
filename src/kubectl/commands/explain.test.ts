// kubectl explain prints the vendored Kubernetes v1.35 OpenAPI documentation in the layout of kubectl's
// plaintext.tmpl. Expected texts are read from vendor/kubernetes-openapi/ or written from the template.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../sim';
import { runKubectl } from '../run';
import { renderExplain, typeGuess, wordWrap, type Definitions } from './explain-schema';

const VENDOR = join(__dirname, '../../../vendor/kubernetes-openapi/v1.35');
const discovery = JSON.parse(readFileSync(join(VENDOR, 'apis_discovery.k8s.io_v1.json'), 'utf8')).components.schemas;
const core = JSON.parse(readFileSync(join(VENDOR, 'api_v1.json'), 'utf8')).components.schemas;

const explain = (arg: string) => runKubectl(createCluster(), ['explain', ...arg.split(' ')]);
/** The DESCRIPTION block of an explain page, unwrapped (kubectl wraps at 80 columns with a 4-space indent). */
const descriptionOf = (page: string) =>
  page.split('DESCRIPTION:\n')[1].split('\nFIELDS:\n')[0].split('\n').map((l) => l.slice(4)).filter(Boolean).join(' ');

describe('kubectl explain from the OpenAPI documents', () => {
  it('endpointslice.addressType prints the document description, wrapped at 80 columns', () => {
    const r = explain('endpointslice.addressType');
    expect(r.exitCode).toBe(0);
    const source = discovery['io.k8s.api.discovery.v1.EndpointSlice'].properties.addressType;
    expect(descriptionOf(r.stdout)).toBe(source.description);
    for (const line of r.stdout.split('\n')) if (line.startsWith('    ') && !line.includes('://')) expect(line.length).toBeLessThanOrEqual(80);
    // the document marks it required and gives no enum: -required- in the field list, no ENUM block
    expect(r.stdout).not.toContain('ENUM:');
    expect(explain('endpointslice').stdout).toContain('\n  addressType\t<string> -required-\n');
    expect(explain('endpointslice').stdout).toContain('\n  endpoints\t<[]Endpoint> -required-\n');
  });

  it('prints the plaintext.tmpl layout: header, FIELD, DESCRIPTION with its referenced type, FIELDS', () => {
    const out = explain('svc.spec.ports').stdout;
    const ports = core['io.k8s.api.core.v1.ServiceSpec'].properties.ports.description;
    const servicePort = core['io.k8s.api.core.v1.ServicePort'];
    // KIND/VERSION (no GROUP for core), FIELD line and two empty lines (extractEnum printed nothing)
    expect(out.startsWith('KIND:       Service\nVERSION:    v1\n\nFIELD: ports <[]ServicePort>\n\n\nDESCRIPTION:\n')).toBe(true);
    // template "description": the field's text, then the items' type's text on its own line
    expect(descriptionOf(out)).toBe(`${ports} ${servicePort.description}`);
    // the description block ends with its own trailing newline, indented (a line of four spaces)
    expect(out).toContain(`    ${servicePort.description}\n    \nFIELDS:\n`);
    // fields sorted, `<type>` from typeGuess, -required- from the document's required list
    const fieldLines = out.split('\n').filter((l) => /^  \w+\t</.test(l));
    expect(fieldLines).toEqual([
      '  appProtocol\t<string>',
      '  name\t<string>',
      '  nodePort\t<integer>',
      '  port\t<integer> -required-',
      '  protocol\t<string>',
      '  targetPort\t<IntOrString>',
    ]);
    expect(out.endsWith(`\n\n\n`)).toBe(true); // each field ends with an empty line, the page with one more
  });

  it('types: map[string]string, Object, []string, a ref to a primitive prints its type', () => {
    const svc = explain('service.spec').stdout;
    expect(svc).toContain('\n  selector\t<map[string]string>\n');
    expect(svc).toContain('\n  clusterIPs\t<[]string>\n');
    expect(svc).toContain('\n  sessionAffinityConfig\t<SessionAffinityConfig>\n');
    expect(explain('pod.metadata').stdout).toContain('\n  creationTimestamp\t<string>\n'); // $ref Time: type string
    expect(explain('pod.metadata').stdout).toContain('\n  labels\t<map[string]string>\n');
    expect(typeGuess({ type: 'object' }, {})).toBe('Object'); // upstream plaintext_test "ObjectTitle"
    expect(typeGuess({ type: 'array' }, {})).toBe('array'); // "ArrayUnknown"
    expect(typeGuess({ type: 'array', items: { type: 'number' } }, {})).toBe('[]number'); // "ArrayOfScalar"
    expect(typeGuess({ type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } }, {})).toBe('map[string][]string');
  });

  it('--recursive lists nested fields without descriptions; kinds beyond the old table work too', () => {
    const out = explain('endpointslice.endpoints --recursive').stdout;
    expect(out).toContain('FIELDS:\n  addresses\t<[]string> -required-\n  conditions\t<EndpointConditions>\n    ready\t<boolean>\n    serving\t<boolean>\n    terminating\t<boolean>\n');
    const deploy = explain('deployment.spec.replicas');
    expect(deploy.stdout.startsWith('GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\nFIELD: replicas <integer>\n\n\nDESCRIPTION:\n')).toBe(true);
    expect(explain('events').stdout.startsWith('KIND:       Event\nVERSION:    v1\n\nDESCRIPTION:\n')).toBe(true);
    expect(explain('svc.spec.nope')).toMatchObject({ stderr: 'error: field "nope" does not exist\n', exitCode: 1 });
    expect(explain('svc.spec.ports.nope')).toMatchObject({ stderr: 'error: field "nope" does not exist\n', exitCode: 1 });
  });

  it('an enum the document carries is printed as extractEnum does (long view and field list)', () => {
    const defs: Definitions = {
      K: {
        type: 'object',
        description: 'A kind.',
        required: ['mode'],
        properties: { mode: { type: 'string', description: 'The mode.', enum: ['', 'A', 'B', 'C', 'D'] } },
        'x-kubernetes-group-version-kind': [{ group: 'example.io', version: 'v1', kind: 'K' }],
      },
    };
    expect(renderExplain(defs, 'K', ['mode'], false)).toBe(
      'GROUP:      example.io\nKIND:       K\nVERSION:    v1\n\nFIELD: mode <string>\nENUM:\n    ""\n    A\n    B\n    C\n    D\n\nDESCRIPTION:\n    The mode.\n    \n\n',
    );
    expect(renderExplain(defs, 'K', [], false)).toContain('FIELDS:\n  mode\t<string> -required-\n  enum: "", A, B, C, ....');
  });

  it('wraps as go-wordwrap does (cases from its tests and from kubectl funcs_test.go)', () => {
    expect(wordWrap('this is a really good test', 3)).toBe('this\nis\na\nreally\ngood\ntest');
    expect(wordWrap('foo', 4)).toBe('foo');
    expect(wordWrap('foobarbaz', 4)).toBe('foobarbaz');
    expect(wordWrap('foo bar baz', 4)).toBe('foo\nbar\nbaz');
    expect(wordWrap('foo\nb ar\nbaz', 4)).toBe('foo\nb ar\nbaz');
    expect(wordWrap('foo       \nb ar\nbaz', 4)).toBe('foo\nb ar\nbaz');
  });
});
