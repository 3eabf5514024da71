// Flag parsing as spf13/pflag does it for kubectl, and shell-like splitting of typed lines.
import { describe, expect, it } from 'vitest';
import { parseFlags, UsageError, type FlagSpec } from './args';
import { parseCommandLine } from './commandLine';

const SPECS: FlagSpec[] = [
  { long: 'namespace', short: 'n', type: 'string' },
  { long: 'output', short: 'o', type: 'string' },
  { long: 'all-namespaces', short: 'A', type: 'bool' },
  { long: 'watch', short: 'w', type: 'bool' },
  { long: 'filename', short: 'f', type: 'array' },
  { long: 'replicas', type: 'int' },
];

describe('parseFlags', () => {
  it('accepts the pflag spellings anywhere on the line', () => {
    const p = parseFlags(['get', '-n', 'a', 'pods', '--output=wide', '-Aw', '-fx.yaml', '--filename', 'y.yaml,z.yaml', '--replicas=3'], SPECS);
    expect(p.args).toEqual(['get', 'pods']);
    expect(p.flags).toEqual({ namespace: 'a', output: 'wide', 'all-namespaces': true, watch: true, filename: ['x.yaml', 'y.yaml', 'z.yaml'], replicas: 3 });
    expect(parseFlags(['-n=b', '--watch=false'], SPECS).flags).toEqual({ namespace: 'b', watch: false });
  });

  it('stops at --', () => {
    expect(parseFlags(['a', '--', '-n', 'x'], SPECS).args).toEqual(['a', '-n', 'x']);
  });

  it('reports unknown flags and missing values with pflag texts', () => {
    expect(() => parseFlags(['--nope'], SPECS)).toThrow(new UsageError('unknown flag: --nope'));
    expect(() => parseFlags(['-z'], SPECS)).toThrow(new UsageError("unknown shorthand flag: 'z' in -z"));
    expect(() => parseFlags(['--output'], SPECS)).toThrow(new UsageError('flag needs an argument: --output'));
    expect(() => parseFlags(['-o'], SPECS)).toThrow(new UsageError("flag needs an argument: 'o' in -o"));
    expect(() => parseFlags(['--replicas=x'], SPECS)).toThrow(/invalid argument "x" for "--replicas" flag/);
  });
});

describe('parseCommandLine', () => {
  it('splits on blanks and honours quotes and escapes', () => {
    expect(parseCommandLine(`kubectl get pods -o jsonpath='{.items[*].metadata.name}'`)).toEqual([
      'kubectl', 'get', 'pods', '-o', 'jsonpath={.items[*].metadata.name}',
    ]);
    expect(parseCommandLine('kubectl get pods -l "app in (a, b)"')).toEqual(['kubectl', 'get', 'pods', '-l', 'app in (a, b)']);
    expect(parseCommandLine('echo a\\ b "c\\"d" # comment')).toEqual(['echo', 'a b', 'c"d']);
  });

  it('rejects an unterminated quote', () => {
    expect(() => parseCommandLine("kubectl get 'pods")).toThrow('unterminated quoted string');
  });
});
