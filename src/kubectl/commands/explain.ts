// `kubectl explain TYPE[.FIELD...]` in the layout of kubectl's OpenAPI v3 plaintext template
// (kubectl/pkg/explain/v2/templates/plaintext.tmpl): GROUP/KIND/VERSION header, FIELD line with the
// type, ENUM values, DESCRIPTION indented four spaces and wrapped at 80 columns, then FIELDS with
// `<type>` and `-required-`.

import { parseFlags, GLOBAL_FLAGS } from '../args';
import { Ctx, KubectlError } from '../context';
import { resolveResource } from '../resources';
import { EXPLAIN, type FieldDoc } from './explain-schema';

function wrap(text: string, indent: number, width = 80): string {
  const pad = ' '.repeat(indent);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && pad.length + line.length + 1 + word.length > width) {
      lines.push(pad + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(pad + line);
  return lines.join('\n') + '\n';
}

function fieldList(doc: FieldDoc, recursive: boolean, depth: number): string {
  let out = '';
  for (const name of Object.keys(doc.fields ?? {}).sort()) {
    const f = doc.fields![name];
    const pad = '  '.repeat(depth + 1);
    out += `${pad}${name}\t<${f.type}>${f.required ? ' -required-' : ''}\n`;
    if (recursive) {
      if (f.fields) out += fieldList(f, true, depth + 1);
      continue;
    }
    if (f.enum) out += `${pad}enum: ${f.enum.join(', ')}\n`;
    out += wrap(f.desc, 4) + '\n';
  }
  return out;
}

export function runExplain(ctx: Ctx, argv: string[]): void {
  const { flags, args } = parseFlags(argv, [...GLOBAL_FLAGS, { long: 'recursive', type: 'bool' }, { long: 'api-version', type: 'string' }]);
  if (args.length === 0) {
    throw new KubectlError(
      'You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nSee \'kubectl explain -h\' for help and examples',
    );
  }
  const [typeArg, ...path] = args[0].split('.');
  const r = resolveResource(typeArg);
  if (!r) throw new KubectlError(`error: the server doesn't have a resource type "${typeArg}"`);
  const kind = EXPLAIN.find((k) => k.kind === r.kind);
  if (!kind) throw new KubectlError(`error: the simulator has no explain documentation for "${r.plural}"`);
  let doc = kind.doc;
  for (const p of path) {
    const next = doc.fields?.[p];
    if (!next) throw new KubectlError(`error: field "${p}" does not exist`);
    doc = next;
  }
  let out = '';
  if (kind.group) out += `GROUP:      ${kind.group}\n`;
  out += `KIND:       ${kind.kind}\nVERSION:    ${kind.version}\n\n`;
  if (path.length) {
    out += `FIELD: ${path[path.length - 1]} <${doc.type}>\n`;
    if (doc.enum) out += 'ENUM:\n' + doc.enum.map((e) => `    ${e}\n`).join('');
    out += '\n';
  }
  out += 'DESCRIPTION:\n' + wrap(doc.desc, 4);
  if (doc.fields) out += '\nFIELDS:\n' + fieldList(doc, flags.recursive === true, 0);
  else out += '\n';
  ctx.out(out);
}
