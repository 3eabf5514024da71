// Command-line flag parsing with the rules of spf13/pflag as cobra uses it in kubectl: flags may appear
// anywhere, `--flag=value` / `--flag value`, `-n value` / `-nvalue` / `-n=value`, grouped boolean
// shorthands (`-Aw`), `--` ends flag parsing, and pflag's error texts.

export type FlagType = 'bool' | 'string' | 'array' | 'int';

export interface FlagSpec {
  long: string;
  short?: string;
  type: FlagType;
}

export type FlagValues = Record<string, string | boolean | string[] | number | undefined>;

export class UsageError extends Error {}

export interface Parsed {
  flags: FlagValues;
  args: string[];
}

const BOOL_VALUES: Record<string, boolean> = { true: true, '1': true, t: true, T: true, TRUE: true, True: true, false: false, '0': false, f: false, F: false, FALSE: false, False: false };

function set(flags: FlagValues, spec: FlagSpec, value: string | boolean, shown: string): void {
  if (spec.type === 'bool') {
    const v = typeof value === 'boolean' ? value : BOOL_VALUES[value];
    if (v === undefined) throw new UsageError(`invalid argument "${value}" for "${shown}" flag: strconv.ParseBool: parsing "${value}": invalid syntax`);
    flags[spec.long] = v;
  } else if (spec.type === 'array') {
    const prev = (flags[spec.long] as string[] | undefined) ?? [];
    flags[spec.long] = [...prev, ...String(value).split(',')];
  } else if (spec.type === 'int') {
    if (!/^-?\d+$/.test(String(value))) {
      throw new UsageError(`invalid argument "${value}" for "${shown}" flag: strconv.ParseInt: parsing "${value}": invalid syntax`);
    }
    flags[spec.long] = Number(value);
  } else {
    flags[spec.long] = String(value);
  }
}

export function parseFlags(argv: string[], specs: FlagSpec[]): Parsed {
  const flags: FlagValues = {};
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      const spec = specs.find((s) => s.long === name);
      if (!spec) throw new UsageError(`unknown flag: --${name}`);
      const shown = `--${name}`;
      if (eq >= 0) set(flags, spec, a.slice(eq + 1), shown);
      else if (spec.type === 'bool') set(flags, spec, true, shown);
      else {
        if (i + 1 >= argv.length) throw new UsageError(`flag needs an argument: --${name}`);
        set(flags, spec, argv[++i], shown);
      }
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      // Shorthand group: bools may be combined; a value-taking flag consumes the rest or the next arg.
      let j = 1;
      while (j < a.length) {
        const c = a[j];
        const spec = specs.find((s) => s.short === c);
        if (!spec) throw new UsageError(`unknown shorthand flag: '${c}' in ${a}`);
        const shown = `-${c}, --${spec.long}`;
        if (spec.type === 'bool') {
          if (a[j + 1] === '=') {
            set(flags, spec, a.slice(j + 2), shown);
            j = a.length;
          } else {
            set(flags, spec, true, shown);
            j++;
          }
          continue;
        }
        let value = a.slice(j + 1);
        if (value.startsWith('=')) value = value.slice(1);
        else if (value === '') {
          if (i + 1 >= argv.length) throw new UsageError(`flag needs an argument: '${c}' in -${c}`);
          value = argv[++i];
        }
        set(flags, spec, value, shown);
        j = a.length;
      }
      continue;
    }
    args.push(a);
  }
  return { flags, args };
}

/** Flags every kubectl command accepts (a subset of kubectl's global flags). */
export const GLOBAL_FLAGS: FlagSpec[] = [
  { long: 'namespace', short: 'n', type: 'string' },
  { long: 'context', type: 'string' },
  { long: 'kubeconfig', type: 'string' },
  { long: 'v', short: 'v', type: 'string' },
  { long: 'help', short: 'h', type: 'bool' },
];
