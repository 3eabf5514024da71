// Every node's JSON pointer maps to where it starts and ends in the source; errors carry those ranges.
import { describe, expect, it } from 'vitest';
import { validateManifests } from './index';

const TEXT = [
  'apiVersion: v1', // 1
  'kind: Service', // 2
  'metadata:', // 3
  '  name: "web"', // 4
  '  labels: {app.kubernetes.io/name: web}', // 5
  'spec:', // 6
  '  ports:', // 7
  '  - port: 80', // 8
  '    targetPort: http', // 9
  '---', // 10
  'apiVersion: v1', // 11
  'kind: Namespace', // 12
  'metadata:', // 13
  '  name: shop', // 14
  '',
].join('\n');

const r = (l1: number, c1: number, l2: number, c2: number) => ({ start: { line: l1, col: c1 }, end: { line: l2, col: c2 } });

describe('position maps', () => {
  const res = validateManifests(TEXT);
  const [svc, ns] = res.objects;

  it('records scalar values, quotes included', () => {
    expect(svc.positions.get('/apiVersion')).toEqual(r(1, 13, 1, 15));
    expect(svc.positions.get('/metadata/name')).toEqual(r(4, 9, 4, 14));
    expect(svc.positions.get('/spec/ports/0/port')).toEqual(r(8, 11, 8, 13));
    expect(svc.positions.get('/spec/ports/0/targetPort')).toEqual(r(9, 17, 9, 21));
  });

  it('escapes "/" in keys as ~1 and records flow mappings whole', () => {
    expect(svc.positions.get('/metadata/labels/app.kubernetes.io~1name')).toEqual(r(5, 36, 5, 39));
    expect(svc.positions.get('/metadata/labels')).toEqual(r(5, 11, 5, 40));
  });

  it('records keys separately, and block collections from first to last child', () => {
    expect(svc.keyPositions.get('/spec/ports/0/targetPort')).toEqual(r(9, 5, 9, 15));
    expect(svc.positions.get('/spec/ports/0')).toEqual(r(8, 5, 9, 21));
    expect(svc.positions.get('/spec')).toEqual(r(7, 3, 9, 21));
  });

  it('numbers documents and keeps their ranges', () => {
    expect(svc.doc).toBe(0);
    expect(ns.doc).toBe(1);
    expect(ns.positions.get('/metadata/name')).toEqual(r(14, 9, 14, 13));
    expect(ns.range.start).toEqual({ line: 11, col: 1 });
  });

  it('puts an error on the offending value, an unknown field on its key, a missing field on its parent key', () => {
    const bad = validateManifests(TEXT.replace('port: 80', 'port: 0').replace('targetPort: http', 'targetPort: 8080'));
    expect(bad.errors[0]).toMatchObject({ path: '/spec/ports/0/port', field: 'spec.ports[0].port', range: r(8, 11, 8, 12), doc: 0, object: { kind: 'Service', name: 'web' } });
    expect(bad.errors[0].detail).toBe('Invalid value: 0: must be between 1 and 65535, inclusive');
    const unknown = validateManifests(TEXT.replace('  ports:', '  prots:'));
    expect(unknown.errors[0]).toMatchObject({ code: 'unknown-field', path: '/spec/prots', range: r(7, 3, 7, 8), hint: 'did you mean spec.ports?' });
    const missing = validateManifests(TEXT.replace('  ports:\n  - port: 80\n    targetPort: http\n', '  type: ClusterIP\n'));
    expect(missing.errors[0]).toMatchObject({ path: '/spec/ports', range: r(6, 1, 6, 5), message: 'The Service "web" is invalid: spec.ports: Required value' });
  });

  it('keeps the documents before a YAML syntax error and reports it with line and column', () => {
    const broken = validateManifests(TEXT + '---\nkind: [\n');
    expect(broken.objects.map((o) => o.object.kind)).toEqual(['Service', 'Namespace']);
    expect(broken.errors).toHaveLength(1);
    expect(broken.errors[0]).toMatchObject({ code: 'yaml-syntax', doc: 2 });
    expect(broken.errors[0].range.start.line).toBeGreaterThanOrEqual(16);
  });
});

describe('position maps of kind: List items (built on first read, re-rooted per item)', () => {
  const LIST = [
    'apiVersion: v1', // 1
    'kind: List', // 2
    'items:', // 3
    '- apiVersion: v1', // 4
    '  kind: Namespace', // 5
    '  metadata: {name: one}', // 6
    '- apiVersion: v1', // 7
    '  kind: Service', // 8
    '  metadata: {name: two}', // 9
    '  spec:', // 10
    '    ports:', // 11
    '    - port: 0', // 12
    '      targetPort: 8080', // 13
    '',
  ].join('\n');

  it('points an item error at the item and gives each valid item its own maps', () => {
    const res = validateManifests(LIST);
    expect(res.errors.map((e) => ({ path: e.path, range: e.range }))).toEqual([{ path: '/items/1/spec/ports/0/port', range: r(12, 13, 12, 14) }]);
    expect(res.objects).toHaveLength(1);
    expect(res.objects[0].positions.get('/metadata/name')).toEqual(r(6, 20, 6, 23));
    expect(res.objects[0].keyPositions.get('/kind')).toEqual(r(5, 3, 5, 7));
    expect(res.objects[0].range).toEqual(r(4, 3, 6, 24)); // through the closing brace (col 23)
  });
});
