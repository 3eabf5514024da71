// Size limits as a real cluster has them: per object, not per file. A file may hold as many objects as
// `kubectl apply -f` would send (kubectl sends one request per object); an object is refused when its
// request body is over the API server's limit or when etcd would refuse to store it. The guards against
// hostile YAML (the whole input, nesting depth, aliases, alias expansion) are answered before any value
// is built, from the parser's events alone.

import { EVENT_ID, type Event } from 'js-yaml';

/**
 * k8s.io/apiserver server.Config MaxRequestBodyBytes default (3 MiB): "1.5MB is the default client request
 * size in bytes the etcd server will accept ... we allow 2x as the largest request body size to be accepted
 * and decoded in a write request" (a JSON body shrinks when stored as protobuf). Over it: HTTP 413.
 */
export const MAX_REQUEST_BODY_BYTES = 3 * 1024 * 1024;
/** etcd --max-request-bytes default (embed.DefaultMaxRequestBytes, 1.5 MiB): a bigger stored object is refused. */
export const ETCD_MAX_REQUEST_BYTES = 1.5 * 1024 * 1024;

export const LIMITS = {
  /** Whole input, UTF-16 code units, refused before parsing: bounds the work one input can ask for. */
  maxBytes: 128 * 1024 * 1024,
  /** Collection nesting (a Deployment is about 12 deep). */
  maxDepth: 64,
  /** Alias nodes (*ref) per document. */
  maxAliases: 1000,
  /**
   * Nodes per document after alias expansion (counted only when the input has aliases: without, a document
   * is no bigger than its text). A JSON body of MAX_REQUEST_BODY_BYTES holds at most one node per 2 bytes
   * (`1,`), so no object the API server accepts is refused; an alias bomb is, before expansion.
   */
  maxExpandedNodes: MAX_REQUEST_BODY_BYTES / 2,
  /**
   * Lines plus commas per document, counted before parsing (bounds the parser's work on one document).
   * Each is a node or a byte of a string, so a document with more would be refused by the API server or
   * etcd anyway; only blank and comment lines, which no real object has a million of, are not.
   */
  maxDocumentItems: MAX_REQUEST_BODY_BYTES / 2,
  maxRequestBodyBytes: MAX_REQUEST_BODY_BYTES,
  etcdMaxRequestBytes: ETCD_MAX_REQUEST_BYTES,
} as const;

/** The message for an input too big to parse at all, or undefined. */
export function inputTooLarge(text: string): string | undefined {
  if (text.length <= LIMITS.maxBytes) return undefined;
  return `the input is more than ${LIMITS.maxBytes} bytes (${LIMITS.maxBytes / 1024 / 1024} MiB); split it into several files`;
}

/**
 * Before parsing: the first document with more than LIMITS.maxDocumentItems lines plus commas, as its
 * 0-based index and the offset where it starts, or undefined. Only a document longer than the limit can
 * be over it, so the others are not even counted.
 */
export function oversizedDocument(text: string): { doc: number; start: number; message: string } | undefined {
  for (let doc = 0, start = 0; ; doc++) {
    const end = nextDocumentStart(text, start);
    if (end - start > LIMITS.maxDocumentItems && countItems(text, start, end) > LIMITS.maxDocumentItems) {
      return { doc, start, message: `the document has more than ${LIMITS.maxDocumentItems} lines and list items; the API server would refuse it as too large` };
    }
    if (end >= text.length) return undefined;
    start = end;
  }
}

/** Offset of the next line that is a "---" document marker after `from`, else the text's length. */
function nextDocumentStart(text: string, from: number): number {
  for (let i = text.indexOf('\n---', from); i >= 0; i = text.indexOf('\n---', i + 4)) {
    const after = text.charCodeAt(i + 4);
    if (Number.isNaN(after) || after === 32 || after === 9 || after === 10 || after === 13) return i + 1;
  }
  return text.length;
}

function countItems(text: string, start: number, end: number): number {
  let items = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 44) items++;
  }
  return items;
}

export interface DocumentBudget {
  /** Alias nodes in the document. */
  aliases: number;
  /** Set when the document is over the alias or expansion limit. */
  problem?: string;
}

/**
 * Counts aliases and nodes after alias expansion over one document's events (DOCUMENT ... POP), without
 * expanding anything: an alias adds the node count of its anchored node. Mapping keys count as nodes.
 */
export function documentBudget(text: string, evs: readonly Event[]): DocumentBudget {
  const anchorSize = new Map<string, number>();
  // node count and anchor name of each open collection
  const sizes: number[] = [];
  const anchors: (string | undefined)[] = [];
  let expanded = 0;
  let aliases = 0;
  const add = (n: number) => {
    expanded += n;
    if (sizes.length) sizes[sizes.length - 1] += n;
  };
  for (let k = 1; k < evs.length - 1; k++) {
    const ev = evs[k];
    switch (ev.type) {
      case EVENT_ID.SEQUENCE:
      case EVENT_ID.MAPPING:
        sizes.push(0);
        anchors.push(ev.anchorStart >= 0 ? text.slice(ev.anchorStart, ev.anchorEnd) : undefined);
        expanded += 1;
        break;
      case EVENT_ID.POP: {
        const size = sizes.pop()! + 1;
        const anchor = anchors.pop();
        if (anchor !== undefined) anchorSize.set(anchor, size);
        if (sizes.length) sizes[sizes.length - 1] += size;
        break;
      }
      case EVENT_ID.SCALAR:
        if (ev.anchorStart >= 0) anchorSize.set(text.slice(ev.anchorStart, ev.anchorEnd), 1);
        add(1);
        break;
      case EVENT_ID.ALIAS:
        aliases++;
        add(anchorSize.get(text.slice(ev.anchorStart, ev.anchorEnd)) ?? 1);
        break;
    }
    if (aliases > LIMITS.maxAliases) return { aliases, problem: `more than ${LIMITS.maxAliases} aliases in one document` };
    if (expanded > LIMITS.maxExpandedNodes) return { aliases, problem: `the document expands to more than ${LIMITS.maxExpandedNodes} nodes (aliases or size)` };
  }
  return { aliases };
}

export interface SizeRefusal {
  /** The server's message, as kubectl prints it after `Error from server (...): error when creating "FILE": `. */
  message: string;
  /** Why, for the learner (kubectl prints nothing more). */
  hint: string;
  /** Which refuses it: the API server's body limit (HTTP 413) or etcd. */
  by: 'apiserver' | 'etcd';
}

/**
 * Below this many source characters (and without aliases) an object cannot reach either limit: a YAML
 * character becomes at most a few JSON bytes (`~` → `null,`, a non-ASCII character → 3 UTF-8 bytes).
 */
const SURELY_SMALL_CHARS = ETCD_MAX_REQUEST_BYTES / 8;

/**
 * The API server's answer when one object is too big to write, or undefined. `sourceChars` is the length
 * of the object's YAML; `aliases` whether any alias may have made it bigger than its text; `describe`
 * names the object for the hint (`Pod "web"`).
 * - the JSON body kubectl sends over MAX_REQUEST_BODY_BYTES: `Request entity too large: limit is 3145728`;
 * - else its string data alone over ETCD_MAX_REQUEST_BYTES (protobuf keeps every string byte, so this is
 *   a lower bound of the stored size and never refuses what etcd stores): `etcdserver: request is too large`.
 */
export function objectTooLarge(object: unknown, sourceChars: number, aliases: boolean, describe: () => string): SizeRefusal | undefined {
  if (!aliases && sourceChars <= SURELY_SMALL_CHARS) return undefined;
  const body = utf8Length(JSON.stringify(object));
  if (body > MAX_REQUEST_BODY_BYTES) {
    return {
      by: 'apiserver',
      message: `Request entity too large: limit is ${MAX_REQUEST_BODY_BYTES}`,
      hint: `${describe()} is ${body} bytes as JSON; the API server reads at most ${MAX_REQUEST_BODY_BYTES} bytes (3 MiB) in one request`,
    };
  }
  const strings = stringBytes(object);
  if (strings > ETCD_MAX_REQUEST_BYTES) {
    return {
      by: 'etcd',
      message: 'etcdserver: request is too large',
      hint: `${describe()} holds ${strings} bytes of text; etcd stores at most ${ETCD_MAX_REQUEST_BYTES} bytes (1.5 MiB) in one request`,
    };
  }
  return undefined;
}

/** UTF-8 bytes of the string values of a JSON value (field names are tags in protobuf, so not counted). */
function stringBytes(v: unknown): number {
  if (typeof v === 'string') return utf8Length(v);
  if (Array.isArray(v)) {
    let n = 0;
    for (const x of v) n += stringBytes(x);
    return n;
  }
  if (v && typeof v === 'object') {
    let n = 0;
    for (const x of Object.values(v)) n += stringBytes(x);
    return n;
  }
  return 0;
}

export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
