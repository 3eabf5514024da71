// kubectl explain's OpenAPI v3 plaintext template (k8s.io/kubectl/pkg/explain/v2/templates/plaintext.tmpl,
// templates "output", "fieldList", "fieldDetail", "description", "typeGuess", "extractEnum") and its
// template functions (explain/v2/funcs.go: `wrap` is go-wordwrap through term.NewWordWrapWriter,
// `indent` pads every line), ported to walk the API definitions src/validate generates from the
// Kubernetes OpenAPI documents. Same structure as the template, so the same quirks as kubectl: a
// field's description is followed by its type's on the next line, the DESCRIPTION block ends with a
// line of four spaces, and a FIELD line without ENUM is followed by two empty lines.

import type { ApiSchema } from '../../validate/api-docs';

export type Definitions = Record<string, ApiSchema>;
const REF = '#/definitions/';

function resolveRef(ref: string | undefined, defs: Definitions): ApiSchema | undefined {
  return ref?.startsWith(REF) ? defs[ref.slice(REF.length)] : undefined;
}

const isSchema = (v: unknown): v is ApiSchema => typeof v === 'object' && v !== null;

/**
 * The OpenAPI shape of a generated schema: gen-schemas writes OpenAPI's `{allOf: [{$ref}], description}`
 * as `{$ref, description}` (for editors); the template must see the wrapper again, or a field would
 * print only its type's description instead of its own followed by its type's.
 */
function openapi(s: ApiSchema): ApiSchema {
  if (!s.$ref || Object.keys(s).length === 1) return s;
  const { $ref, ...rest } = s;
  return { ...rest, allOf: [{ $ref }] };
}

// ---- template functions (funcs.go) --------------------------------------------------------------

/** Go's unicode.IsSpace, minus U+00A0 (go-wordwrap does not break at a no-break space). */
const isSpace = (c: string) => /^[\t\n\v\f\r \u0085\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/.test(c);

/** github.com/mitchellh/go-wordwrap v1.0.1 WrapString: breaks at white space, counts runes. */
export function wordWrap(s: string, lim: number): string {
  let buf = '';
  let current = 0;
  let word = '';
  let space = '';
  for (const ch of s) {
    if (ch === '\n') {
      if (word === '') {
        if (current + [...space].length > lim) current = 0;
        else buf += space;
      } else buf += space + word;
      space = '';
      word = '';
      buf += ch;
      current = 0;
    } else if (isSpace(ch)) {
      if (space === '' || word !== '') {
        current += [...space].length + [...word].length;
        buf += space + word;
        space = '';
        word = '';
      }
      space += ch;
    } else {
      word += ch;
      const wordLen = [...word].length;
      if (current + [...space].length + wordLen > lim && wordLen < lim) {
        buf += '\n';
        current = 0;
        space = '';
      }
    }
  }
  if (word === '') {
    if (current + [...space].length <= lim) buf += space;
  } else buf += space + word;
  return buf;
}

/** funcs.go "wrap": word-wrap at l columns, keeping the text's own line breaks. */
const wrap = (l: number, s: string) => wordWrap(s, l);
/** funcs.go "indent": pads the first line and every line after a break (empty ones too). */
const indent = (n: number, s: string) => ' '.repeat(n) + s.replaceAll('\n', '\n' + ' '.repeat(n));

// ---- templates ----------------------------------------------------------------------------------

/** "typeGuess": <string>, <integer>, <[]ServicePort>, <map[string]string>, <Object>, <IntOrString>. */
export function typeGuess(schema: ApiSchema, defs: Definitions): string {
  const s = openapi(schema);
  if (s.items) return '[]' + typeGuess(s.items, defs);
  if (isSchema(s.additionalProperties)) return 'map[string]' + typeGuess(s.additionalProperties, defs);
  if (s.allOf && !s.properties && s.allOf.length === 1) return typeGuess(s.allOf[0], defs);
  if (s.$ref) {
    const target = resolveRef(s.$ref, defs);
    // only an object's type is named after its schema; a ref to a primitive (Time) gives its type
    if (!target || !target.type || target.type === 'object') return s.$ref.split('/').pop()!.split('.').pop() || 'Object';
    return target.type;
  }
  return s.type === 'object' ? 'Object' : s.type || 'Object';
}

/** "extractEnum": `ENUM:` then one value per line (long view), or `enum: a, b, c, d, ....` (field list). */
function extractEnum(s: ApiSchema, longView: boolean, limit: number, indentAmount = 0): string {
  if (!s.enum?.length) return '';
  let out = longView ? 'ENUM:' : ' '.repeat(indentAmount) + 'enum: ';
  for (const [i, e] of s.enum.entries()) {
    if (limit > -1 && i >= limit) {
      out += ', ....';
      break;
    }
    if (i > 0 && !longView) out += ', ';
    else if (longView) out += '\n    ';
    out += e === '' ? '""' : String(e);
  }
  return out;
}

/** "description": the schema's own text, then those of its allOf, items and map values (each + "\n"). */
function description(schema: ApiSchema, defs: Definitions): string {
  const s = openapi(schema);
  const r = resolveRef(s.$ref, defs) ?? s;
  let out = r.description ? r.description + '\n' : '';
  for (const a of r.allOf ?? []) out += description(a, defs);
  if (r.items) out += description(r.items, defs);
  if (isSchema(r.additionalProperties)) out += description(r.additionalProperties, defs);
  return out;
}

/** "fieldDetail": `name<TAB><type> -required-`, then (unless short) the wrapped description. */
function fieldDetail(name: string, parent: ApiSchema, short: boolean, level: number, defs: Definitions): string {
  const pad = level * 2;
  const f = parent.properties![name];
  let out = indent(pad, name) + `\t<${typeGuess(f, defs)}>`;
  if (parent.required?.includes(name)) out += ' -required-';
  out += '\n';
  if (!short) {
    if (f.enum) out += extractEnum(f, false, 4, pad);
    out += indent(pad + 2, wrap(78 - pad, f.description || '<no description>')) + '\n\n';
  }
  return out;
}

/** "fieldList": the fields of a schema (sorted, as Go ranges a map), following refs, allOf, items, maps. */
function fieldList(schema: ApiSchema, level: number, history: Set<string>, recursive: boolean, defs: Definitions): string {
  const s = openapi(schema);
  const ref = s.$ref ?? '';
  if (ref && history.has(ref)) return ''; // a cycle
  const next = new Set(history).add(ref);
  const r = resolveRef(ref, defs) ?? s;
  let out = '';
  for (const name of Object.keys(r.properties ?? {}).sort()) {
    out += fieldDetail(name, r, recursive, level, defs);
    if (recursive) out += fieldList(r.properties![name], level + 1, next, recursive, defs);
  }
  for (const a of r.allOf ?? []) out += fieldList(a, level, next, recursive, defs);
  if (r.items) out += fieldList(r.items, level, next, recursive, defs);
  if (isSchema(r.additionalProperties)) out += fieldList(r.additionalProperties, level, next, recursive, defs);
  return out;
}

/** "output": follows the field path; at its end prints FIELD (if any), DESCRIPTION and FIELDS. '' when a field is missing. */
function output(schema: ApiSchema, path: string[], history: Set<string>, recursive: boolean, defs: Definitions): string {
  const s = openapi(schema);
  const ref = s.$ref ?? '';
  const next = new Set(history).add(ref);
  const r = resolveRef(ref, defs) ?? s;
  if (path.length === 0) {
    let out = 'DESCRIPTION:\n' + indent(4, wrap(76, description(r, defs) || '<empty>')) + '\n';
    const fields = fieldList(r, 1, new Set(), recursive, defs);
    if (fields) out += 'FIELDS:\n' + fields;
    return out;
  }
  if (ref && history.has(ref)) return '';
  const sub = r.properties?.[path[0]];
  if (sub) {
    let out = '';
    if (path.length === 1) out += `FIELD: ${path[0]} <${typeGuess(sub, defs)}>\n` + extractEnum(sub, true, -1) + '\n\n';
    return out + output(sub, path.slice(1), new Set(), recursive, defs);
  }
  if (r.items) return output(r.items, path, next, recursive, defs);
  if (isSchema(r.additionalProperties)) return output(r.additionalProperties, path, next, recursive, defs);
  for (const a of r.allOf ?? []) {
    const out = output(a, path, next, recursive, defs);
    if (out) return out;
  }
  return '';
}

export class ExplainFieldError extends Error {}

/**
 * The whole plaintext page for the schema `root` (a kind): GROUP/KIND/VERSION from its
 * x-kubernetes-group-version-kind, then "output" for the field path, then a final newline.
 */
export function renderExplain(defs: Definitions, root: string, path: string[], recursive: boolean): string {
  const schema = defs[root];
  const gvk = schema['x-kubernetes-group-version-kind']![0];
  let out = gvk.group ? `GROUP:      ${gvk.group}\n` : '';
  out += `KIND:       ${gvk.kind}\nVERSION:    ${gvk.version}\n\n`;
  const body = output(schema, path, new Set(), recursive, defs);
  if (!body) throw new ExplainFieldError(`error: field "${path[path.length - 1]}" does not exist`);
  return out + body + '\n';
}
