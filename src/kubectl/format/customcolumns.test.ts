// cli-runtime printers/customcolumn.go: NewCustomColumnsPrinterFromSpec (HEADER:PATH pairs, the path
// relaxed by RelaxedJSONPathExpression), printOneObject (<none> when nothing matches, values joined
// by ",", each value printed with fmt.Sprint), laid out by the `get` tab writer.
import { describe, expect, it } from 'vitest';
import { goSprint, parseCustomColumns, printCustomColumns } from './customcolumns';

describe('custom-columns', () => {
  it('relaxes a.b, .a.b, {a.b} and {.a.b} to {.a.b}', () => {
    expect(parseCustomColumns('A:a.b,B:.a.b,C:{a.b},D:{.a.b}').map((c) => c.template)).toEqual(['{.a.b}', '{.a.b}', '{.a.b}', '{.a.b}']);
  });

  it('rejects a column without a path and an empty spec', () => {
    expect(() => parseCustomColumns('NAME')).toThrow('unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>');
    expect(() => parseCustomColumns('')).toThrow('custom-columns format specified but no custom columns given');
  });

  it('prints Go fmt.Sprint forms for maps and lists', () => {
    expect(goSprint({ b: 1, a: 'x' })).toBe('map[a:x b:1]');
    expect(goSprint([1, 'a', true])).toBe('[1 a true]');
    expect(goSprint(null)).toBe('<nil>');
  });

  it('aligns headers as given, <none> for missing values, "," between several values', () => {
    const objs = [
      { metadata: { name: 'web-abcde', labels: { 'kubernetes.io/service-name': 'web' } }, endpoints: [{ addresses: ['10.0.0.1'] }, { addresses: ['10.0.0.2'] }] },
      { metadata: { name: 'db-fghij' }, endpoints: [] },
    ];
    const cols = parseCustomColumns('NAME:.metadata.name,Service:.metadata.labels.kubernetes\\.io/service-name,IPs:.endpoints[*].addresses[0]');
    expect(printCustomColumns(cols, objs, false)).toBe(
      'NAME        Service   IPs\n' + 'web-abcde   web       10.0.0.1,10.0.0.2\n' + 'db-fghij    <none>    <none>\n',
    );
    expect(printCustomColumns(cols, objs.slice(1), true)).toBe('db-fghij   <none>   <none>\n');
  });
});
