// client-go util/jsonpath behaviour as kubectl -o jsonpath uses it: text outside braces is copied,
// several results of one expression are separated by spaces, maps print as JSON, missing keys print
// nothing (kubectl sets AllowMissingKeys), range/end iterate, filters select list items.
import { describe, expect, it } from 'vitest';
import { executeJsonPath } from './jsonpath';

const list = {
  kind: 'List',
  items: [
    { metadata: { name: 'a', labels: { app: 'x' } }, status: { podIP: '10.0.0.1', conditions: [{ type: 'Ready', status: 'True' }] } },
    { metadata: { name: 'b' }, status: { podIP: '10.0.0.2', conditions: [{ type: 'Ready', status: 'False' }] } },
  ],
};

describe('jsonpath', () => {
  it('prints a field', () => expect(executeJsonPath('{.items[0].metadata.name}', list)).toBe('a'));
  it('joins wildcard results with a space', () => expect(executeJsonPath('{.items[*].status.podIP}', list)).toBe('10.0.0.1 10.0.0.2'));
  it('ranges with literals', () =>
    expect(executeJsonPath('{range .items[*]}{.metadata.name}{"\\t"}{.status.podIP}{"\\n"}{end}', list)).toBe('a\t10.0.0.1\nb\t10.0.0.2\n'));
  it('filters', () =>
    expect(executeJsonPath('{.items[*].status.conditions[?(@.status=="True")].type}', list)).toBe('Ready'));
  it('prints maps as JSON', () => expect(executeJsonPath('{.items[0].metadata.labels}', list)).toBe('{"app":"x"}'));
  it('prints nothing for missing keys', () => expect(executeJsonPath('x{.items[1].metadata.labels}y', list)).toBe('xy'));
  it('reads field names up to an unescaped terminator and drops the backslashes (parser.go parseField/advance)', () => {
    const slice = { metadata: { labels: { 'kubernetes.io/service-name': 'web', 'a/b': 'c' } } };
    expect(executeJsonPath('{.metadata.labels.kubernetes\\.io/service-name}', slice)).toBe('web');
    // `/` is not a terminator, so it needs no escape.
    expect(executeJsonPath('{.metadata.labels.a/b}', slice)).toBe('c');
  });
  it('supports negative indexes and recursive descent', () => {
    expect(executeJsonPath('{.items[-1].metadata.name}', list)).toBe('b');
    expect(executeJsonPath('{..podIP}', list)).toBe('10.0.0.1 10.0.0.2');
  });
});
