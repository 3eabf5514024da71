// What sigs.k8s.io/yaml (gopkg.in/yaml.v2 underneath) prints for kubectl -o yaml: keys sorted,
// sequences flush with their parent key, strings that would resolve to another type double-quoted
// (encode.go stringv), strings plain style cannot hold single-quoted (emitterc.go), `|` blocks.
import { describe, expect, it } from 'vitest';
import { toYaml } from './yaml';

describe('toYaml', () => {
  it('sorts keys and does not indent sequences under a key', () => {
    expect(toYaml({ spec: { ports: [{ protocol: 'TCP', port: 80 }] }, kind: 'Service' })).toBe(
      'kind: Service\nspec:\n  ports:\n  - port: 80\n    protocol: TCP\n',
    );
  });

  it('quotes strings that read back as numbers, booleans, null or timestamps', () => {
    expect(toYaml({ a: '80', b: 'true', c: '', d: '2024-01-01T00:00:00Z', e: 'null', f: 'yes', g: 'plain' })).toBe(
      'a: "80"\nb: "true"\nc: ""\nd: "2024-01-01T00:00:00Z"\ne: "null"\nf: "yes"\ng: plain\n',
    );
  });

  it('single-quotes strings that plain style cannot carry', () => {
    expect(toYaml({ a: '- x', b: 'a: b', c: '*', d: "it's" })).toBe("a: '- x'\nb: 'a: b'\nc: '*'\nd: it's\n");
  });

  it('writes empty collections inline and numbers, booleans and null bare', () => {
    expect(toYaml({ a: {}, b: [], c: 1, d: false, e: null })).toBe('a: {}\nb: []\nc: 1\nd: false\ne: null\n');
  });

  it('uses a literal block for strings with a trailing newline', () => {
    expect(toYaml({ metadata: { annotations: { k: '{"a":1}\n' } } })).toBe('metadata:\n  annotations:\n    k: |\n      {"a":1}\n');
  });

  it('writes lists of scalars and lists of maps', () => {
    expect(toYaml({ items: [{ addresses: ['10.0.0.1'], conditions: { ready: true } }] })).toBe(
      'items:\n- addresses:\n  - 10.0.0.1\n  conditions:\n    ready: true\n',
    );
  });
});
