// Size limits follow the API server, per object: a file may hold as many objects as kubectl would send,
// one object over the request body limit (3 MiB, HTTP 413) or over what etcd stores (1.5 MiB) is refused
// with the server's message, and the objects around it still load. Expected sizes are computed from the
// objects as kubectl would send them (compact JSON), independently of the code under test.
import { describe, expect, it } from 'vitest';
import { validateManifests } from './index';

const MiB = 1024 * 1024;

/** A Pod whose one container argument is `argBytes` long: its JSON is a little over that. */
function podWithArg(name: string, argBytes: number) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: { containers: [{ name: 'app', image: 'nginx:1.27', args: ['x'.repeat(argBytes)] }] },
  };
}

const namespace = (name: string) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
const yamlOf = (objs: object[]) => objs.map((o) => JSON.stringify(o)).join('\n---\n') + '\n';

describe('per-object size limits', () => {
  it('refuses one object of 3.2 MiB with the API server message, naming the object; the others load', () => {
    const big = podWithArg('big', Math.round(3.2 * MiB));
    const text = yamlOf([namespace('before'), big, namespace('after')]);
    const r = validateManifests(text);
    const bytes = Buffer.byteLength(JSON.stringify(big));
    expect(bytes).toBeGreaterThan(3 * MiB);
    expect(r.errors).toEqual([
      {
        code: 'too-large',
        severity: 'error',
        doc: 1,
        message: 'Request entity too large: limit is 3145728',
        hint: `Pod "big" is ${bytes} bytes as JSON; the API server reads at most 3145728 bytes (3 MiB) in one request`,
        object: { kind: 'Pod', name: 'big' },
        path: '',
        // the document is line 3 (one JSON line per document); the value of `"kind"` is columns 27-31
        range: { start: { line: 3, col: 27 }, end: { line: 3, col: 32 } },
      },
    ]);
    expect(r.objects.map((o) => o.object.metadata.name)).toEqual(['before', 'after']);
  });

  it('refuses an object under 3 MiB whose text etcd cannot store (over 1.5 MiB) with etcd\'s message', () => {
    const text = yamlOf([podWithArg('chunky', 2 * MiB)]);
    const r = validateManifests(text);
    expect(r.errors.map(({ code, message, hint, object }) => ({ code, message, hint, object }))).toEqual([
      {
        code: 'too-large',
        message: 'etcdserver: request is too large',
        hint: `Pod "chunky" holds ${2 * MiB + 'app'.length + 'nginx:1.27'.length + 'chunky'.length + 'v1'.length + 'Pod'.length} bytes of text; etcd stores at most 1572864 bytes (1.5 MiB) in one request`,
        object: { kind: 'Pod', name: 'chunky' },
      },
    ]);
  });

  it('accepts an object of 1.4 MiB (what a real cluster stores)', () => {
    const r = validateManifests(yamlOf([podWithArg('fits', Math.round(1.4 * MiB))]));
    expect(r.errors).toEqual([]);
    expect(r.objects).toHaveLength(1);
  });

  it('reports validation errors of an object under 3 MiB before etcd sees it', () => {
    const pod = podWithArg('Bad_Name', 2 * MiB);
    const r = validateManifests(yamlOf([pod]));
    expect(r.errors.map((e) => e.code)).toEqual(['invalid']);
  });

  it('checks each item of a kind: List on its own, as kubectl sends them one by one', () => {
    const list = { apiVersion: 'v1', kind: 'List', items: [namespace('small'), podWithArg('big', Math.round(3.2 * MiB))] };
    const r = validateManifests(JSON.stringify(list));
    expect(r.errors.map(({ code, message, object, path }) => ({ code, message, object, path }))).toEqual([
      { code: 'too-large', message: 'Request entity too large: limit is 3145728', object: { kind: 'Pod', name: 'big' }, path: '/items/1' },
    ]);
    expect(r.objects.map((o) => o.object.metadata.name)).toEqual(['small']);
  });

  it('loads 50,000 small objects from one file', () => {
    const names = Array.from({ length: 50_000 }, (_, i) => `ns-${String(i).padStart(5, '0')}`);
    const text = names.map((n) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${n}\n`).join('---\n');
    const r = validateManifests(text);
    expect(r.errors).toEqual([]);
    expect(r.objects.map((o) => o.object.metadata.name)).toEqual(names);
    // positions are still there when asked for, for any of them
    expect(r.objects[49_999].positions.get('/metadata/name')).toEqual({ start: { line: 249_999, col: 9 }, end: { line: 249_999, col: 17 } });
  });
});

describe('per-object size limits in a long kind: List', () => {
  it('refuses the one 3.2 MiB item among 100 (the List\'s text is the bound, not an even share of it)', () => {
    const items = Array.from({ length: 100 }, (_, i) => (i === 57 ? podWithArg('big', Math.round(3.2 * MiB)) : namespace(`ns-${i}`)));
    const r = validateManifests(JSON.stringify({ apiVersion: 'v1', kind: 'List', items }));
    expect(r.errors.map(({ code, object, path }) => ({ code, object, path }))).toEqual([{ code: 'too-large', object: { kind: 'Pod', name: 'big' }, path: '/items/57' }]);
    expect(r.objects).toHaveLength(99);
  });
});
