// `kubectl get -o yaml`: kubectl converts the object to JSON and then to YAML with sigs.k8s.io/yaml,
// which marshals with gopkg.in/yaml.v2. This emitter reproduces what matters of yaml.v2's output:
// map keys sorted, 2-space indentation, sequences not indented inside mappings, `{}` / `[]` for empty
// collections, strings that would read back as another type double-quoted (encode.go stringv: "80",
// "true", timestamps), strings that plain style cannot carry single-quoted (emitterc.go
// yaml_emitter_analyze_scalar), and multi-line strings as literal blocks (`|`, `|-`).

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const BOOL_OR_NULL = new Set([
  '', '~', 'null', 'Null', 'NULL',
  'y', 'Y', 'yes', 'Yes', 'YES', 'n', 'N', 'no', 'No', 'NO',
  'true', 'True', 'TRUE', 'false', 'False', 'FALSE',
  'on', 'On', 'ON', 'off', 'Off', 'OFF',
]);

/** Would yaml.v2 resolve this plain scalar to something other than a string? */
function resolvesToNonString(s: string): boolean {
  if (BOOL_OR_NULL.has(s)) return true;
  if (/^[-+]?(0b[01_]+|0x[0-9a-fA-F_]+|0[0-7_]+|[0-9][0-9_]*)$/.test(s)) return true; // ints
  if (/^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$/.test(s)) return true; // floats
  if (/^[-+]?\.(inf|Inf|INF)$/.test(s) || /^\.(nan|NaN|NAN)$/.test(s)) return true;
  if (/^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$/.test(s)) return true; // base 60
  // timestamps (yaml.v2 resolve.go allowedTimestampFormats)
  if (/^\d{4}-\d{1,2}-\d{1,2}([Tt ]\s*\d{1,2}:\d{2}:\d{2}(\.\d*)?\s*(Z|[-+]\d{1,2}(:\d{2})?)?)?$/.test(s)) return true;
  return false;
}

const INDICATORS = '#,[]{}&*!|>\'"%@`';

/** Can yaml.v2's emitter write this string as a plain scalar in block context? */
function plainAllowed(s: string): boolean {
  if (s === '') return false;
  if (s.startsWith('---') || s.startsWith('...')) return false;
  if (s[0] === ' ' || s[s.length - 1] === ' ') return false;
  const first = s[0];
  const next = s[1];
  if (INDICATORS.includes(first)) return false;
  if ((first === '-' || first === '?' || first === ':') && (next === undefined || next === ' ')) return false;
  for (let i = 1; i < s.length; i++) {
    const c = s[i];
    if (c === ':' && (i + 1 === s.length || s[i + 1] === ' ')) return false;
    if (c === '#' && s[i - 1] === ' ') return false;
  }
  // Control characters and tabs are not printable in plain style.
  if (/[\u0000-\u001f\u007f]/.test(s)) return false;
  return true;
}

function doubleQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20) out += '\\x' + c.toString(16).toUpperCase().padStart(2, '0');
    else out += ch;
  }
  return out + '"';
}

function scalarString(s: string, indent: string): string {
  if (s.includes('\n')) {
    // Literal block: `|` keeps one trailing newline, `|-` strips it, `|+` keeps several.
    const trailing = s.match(/\n*$/)![0].length;
    const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
    const body = trailing === 0 ? s : s.slice(0, s.length - (chomp === '' ? 1 : 0));
    const lines = body.split('\n');
    const ind = indent + '  ';
    const leadingSpace = lines[0].startsWith(' ') ? '2' : '';
    return `|${leadingSpace}${chomp}\n` + lines.map((l) => (l === '' ? '' : ind + l)).join('\n');
  }
  if (resolvesToNonString(s)) return doubleQuote(s);
  if (plainAllowed(s)) return s;
  if (/[\u0000-\u001f\u007f]/.test(s)) return doubleQuote(s);
  return `'${s.replace(/'/g, "''")}'`;
}

function scalar(v: Json, indent: string): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'string') return scalarString(v, indent);
  throw new Error('not a scalar');
}

/** Go's strconv.FormatFloat(f, 'g', -1, 64) for non-integers, plain digits for integers. */
export function formatNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  const s = String(n);
  return s.replace(/e([+-])(\d)$/, 'e$10$2');
}

const isCollection = (v: Json): v is Json[] | { [k: string]: Json } => typeof v === 'object' && v !== null;
const isEmpty = (v: Json[] | { [k: string]: Json }) => (Array.isArray(v) ? v.length === 0 : Object.keys(v).length === 0);

function emit(v: Json, indent: string, out: string[]): void {
  if (Array.isArray(v)) {
    for (const item of v) {
      if (isCollection(item) && !isEmpty(item)) {
        const sub: string[] = [];
        emit(item, indent + '  ', sub);
        // The first line of the nested block moves up beside the dash.
        out.push(indent + '- ' + sub[0].slice(indent.length + 2), ...sub.slice(1));
      } else {
        out.push(indent + '- ' + (isCollection(item) ? (Array.isArray(item) ? '[]' : '{}') : scalar(item, indent)));
      }
    }
    return;
  }
  const obj = v as { [k: string]: Json };
  for (const key of Object.keys(obj).sort()) {
    const val = obj[key];
    const k = scalarString(key, indent);
    if (isCollection(val) && !isEmpty(val)) {
      out.push(`${indent}${k}:`);
      // yaml.v2 does not indent a sequence that is the value of a mapping key.
      emit(val, Array.isArray(val) ? indent : indent + '  ', out);
    } else if (isCollection(val)) {
      out.push(`${indent}${k}: ${Array.isArray(val) ? '[]' : '{}'}`);
    } else {
      out.push(`${indent}${k}: ${scalar(val, indent)}`);
    }
  }
}

/** YAML text of a JSON value, ending with a newline. */
export function toYaml(value: unknown): string {
  const v = JSON.parse(JSON.stringify(value)) as Json;
  if (!isCollection(v)) return scalar(v, '') + '\n';
  if (isEmpty(v)) return (Array.isArray(v) ? '[]' : '{}') + '\n';
  const out: string[] = [];
  emit(v, '', out);
  return out.join('\n') + '\n';
}
