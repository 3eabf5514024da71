// `kubectl get -o json`: cli-runtime printers/json.go marshals with json.MarshalIndent(obj, "", "    ").
// kubectl reads objects as unstructured maps, so keys come out sorted (encoding/json sorts map keys),
// and encoding/json escapes <, > and & as \u003c, \u003e, \u0026 (HTML-safe by default).

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const val = (v as Record<string, unknown>)[k];
      if (val !== undefined) out[k] = sortKeys(val);
    }
    return out;
  }
  return v;
}

function goEscape(s: string): string {
  return s.replace(/[<>&\u2028\u2029]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

/** Go's json.MarshalIndent output with 4-space indentation and a trailing newline. */
export function toKubectlJson(value: unknown): string {
  const text = JSON.stringify(sortKeys(value), null, 4);
  // Empty collections are written `{}` / `[]` by both encoders; only the escaping differs.
  return goEscape(text) + '\n';
}

/** Compact Go json.Marshal text with sorted keys (used by jsonpath and last-applied-configuration). */
export function toCompactJson(value: unknown): string {
  return goEscape(JSON.stringify(sortKeys(value)));
}
