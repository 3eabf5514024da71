// field.Path and field.Error of k8s.io/apimachinery/pkg/util/validation/field (errors.go, path.go),
// re-implemented: the same path text ("spec.ports[0].name") and the same error bodies
// ("Invalid value: 0: must be between 1 and 65535, inclusive"), plus the JSON pointer of the value.

import { escapePointer } from '../parse';

export class FieldPath {
  constructor(
    /** As the API server prints it: spec.ports[0].port */
    readonly text: string,
    /** JSON pointer into the submitted document: /spec/ports/0/port */
    readonly pointer: string,
  ) {}

  static root(name: string): FieldPath {
    return new FieldPath(name, '/' + escapePointer(name));
  }

  child(...names: string[]): FieldPath {
    let p: FieldPath = this;
    for (const n of names) p = new FieldPath(p.text ? `${p.text}.${n}` : n, `${p.pointer}/${escapePointer(n)}`);
    return p;
  }

  index(i: number): FieldPath {
    return new FieldPath(`${this.text}[${i}]`, `${this.pointer}/${i}`);
  }

  key(k: string): FieldPath {
    return new FieldPath(`${this.text}[${k}]`, `${this.pointer}/${escapePointer(k)}`);
  }
}

/** A value as Go's fmt would print it inside an error body: quoted strings, bare numbers, or raw %#v text. */
export type GoValue = string | number | boolean | null | { goSyntax: string };

export type FieldErrorType = 'Required' | 'Invalid' | 'Duplicate' | 'NotSupported' | 'TooMany' | 'Forbidden' | 'TooLong';

export interface FieldError {
  type: FieldErrorType;
  path: FieldPath;
  value?: GoValue;
  detail?: string;
  /** NotSupported: the supported values, already sorted as the server lists them. */
  supported?: string[];
  /** TooMany / TooLong: the limit; value holds the actual count. */
  max?: number;
  /** Position the marker on the mapping key instead of the value. */
  atKey?: boolean;
  /** JSON pointer of the offending node when it is not path.pointer (ValidateLabels names the map, not the key). */
  pointer?: string;
}

/** Go's %q for a string: double quotes, Go escapes, printable Unicode kept. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (c === 7) out += '\\a';
    else if (c === 8) out += '\\b';
    else if (c === 12) out += '\\f';
    else if (c === 10) out += '\\n';
    else if (c === 13) out += '\\r';
    else if (c === 9) out += '\\t';
    else if (c === 11) out += '\\v';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else if ((c >= 0x80 && c < 0xa0) || c === 0xfffd || (c >= 0xd800 && c <= 0xdfff)) out += c > 0xffff ? '\\U' + c.toString(16).padStart(8, '0') : '\\u' + c.toString(16).padStart(4, '0');
    else out += ch;
  }
  return out + '"';
}

/** Go's %v of a float64/int (JSON numbers decode to Go ints in typed fields). */
export function goNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  const s = String(n);
  return s.includes('e') ? s.replace(/e([+-])(\d)$/, 'e$10$2') : s;
}

export function formatValue(v: GoValue | undefined): string {
  if (v === undefined || v === null) return 'null';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number') return goNumber(v);
  if (typeof v === 'boolean') return String(v);
  return v.goSyntax;
}

/**
 * A composite BadValue as ErrorBody renders it (apimachinery ≥1.32: json.Marshal first, so Go maps
 * come out with sorted keys and structs in field order; <, > and & escaped as Go's encoder does).
 */
export function goJSONValue(v: unknown): { goSyntax: string } {
  const text = JSON.stringify(v === undefined ? null : v) ?? 'null';
  return { goSyntax: text.replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026') };
}

/** json.Marshal of a map[string]string: keys sorted; nil map → null. */
export function goStringMapJSON(m: Record<string, string> | undefined | null): { goSyntax: string } {
  if (m === undefined || m === null) return { goSyntax: 'null' };
  return goJSONValue(Object.fromEntries(Object.keys(m).sort().map((k) => [k, String(m[k])])));
}

/** ErrorBody(): the text after "<field>: ". */
export function errorBody(e: FieldError): string {
  const withDetail = (s: string) => (e.detail ? `${s}: ${e.detail}` : s);
  switch (e.type) {
    case 'Required':
      return withDetail('Required value');
    case 'Forbidden':
      return withDetail('Forbidden');
    case 'TooLong':
      return e.max !== undefined ? `Too long: may not be more than ${e.max} bytes` : withDetail('Too long');
    case 'Invalid':
      return withDetail(`Invalid value: ${formatValue(e.value)}`);
    case 'Duplicate':
      return withDetail(`Duplicate value: ${formatValue(e.value)}`);
    case 'NotSupported': {
      const base = `Unsupported value: ${formatValue(e.value)}`;
      return e.supported?.length ? `${base}: supported values: ${e.supported.map(goQuote).join(', ')}` : base;
    }
    case 'TooMany':
      return `Too many: ${formatValue(e.value)}: must have at most ${e.max} items`;
  }
}

export const required = (path: FieldPath, detail = ''): FieldError => ({ type: 'Required', path, detail });
export const invalid = (path: FieldPath, value: GoValue, detail: string): FieldError => ({ type: 'Invalid', path, value, detail });
export const duplicate = (path: FieldPath, value: GoValue): FieldError => ({ type: 'Duplicate', path, value });
export const notSupported = (path: FieldPath, value: GoValue, supported: string[]): FieldError => ({ type: 'NotSupported', path, value, supported });
export const tooMany = (path: FieldPath, actual: number, max: number): FieldError => ({ type: 'TooMany', path, value: actual, max });
export const forbidden = (path: FieldPath, detail: string): FieldError => ({ type: 'Forbidden', path, detail });
