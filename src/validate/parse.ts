// YAML text → documents with a position map (JSON pointer → source range), under hard limits so that
// hostile input (huge files, alias bombs, deep nesting, junk) fails fast with a clear message.
// js-yaml 5: parseEvents() gives offsets, constructFromEvents() builds values from the same events.

import {
  COLLECTION_STYLE,
  EVENT_ID,
  SCALAR_STYLE,
  Schema,
  YAMLException,
  boolYaml11Tag,
  constructFromEvents,
  floatYaml11Tag,
  getScalarValue,
  intYaml11Tag,
  mapTag,
  mergeTag,
  nullYaml11Tag,
  parseEvents,
  seqTag,
  strTag,
  type Event,
} from 'js-yaml';
import type { LineCounter } from './line-counter';
import type { Range, ValidationIssue } from './types';

export const LIMITS = {
  /** Whole input, UTF-8 bytes. */
  maxBytes: 1024 * 1024,
  maxDocuments: 500,
  /** Collection nesting (a Deployment is about 12 deep). */
  maxDepth: 64,
  /** Alias nodes (*ref) per document. */
  maxAliases: 1000,
  /** Nodes per document after alias expansion: the work any later walk will do. */
  maxExpandedNodes: 100_000,
  /** Lines plus flow-collection commas of the whole input: bounds the parser's work (~5 µs each). */
  maxItems: 20_000,
} as const;

/**
 * Scalars resolve as sigs.k8s.io/yaml does (go-yaml v2, YAML 1.1: yes/no/on/off are booleans, 0777 is
 * octal, merge keys work) except timestamps, which go-yaml leaves as strings for an interface{} target.
 */
const K8S_YAML_SCHEMA = new Schema([strTag, seqTag, mapTag, nullYaml11Tag, boolYaml11Tag, intYaml11Tag, floatYaml11Tag, mergeTag]);

export interface ParsedDoc {
  index: number;
  value: unknown;
  positions: Map<string, Range>;
  keyPositions: Map<string, Range>;
  range: Range;
}

export interface ParseOutcome {
  docs: ParsedDoc[];
  issues: ValidationIssue[];
}

export function escapePointer(key: string): string {
  if (key.indexOf('~') < 0 && key.indexOf('/') < 0) return key;
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function utf8Length(text: string): number {
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

function issue(lc: LineCounter, code: 'yaml-syntax' | 'limit', message: string, start: number, end: number, doc: number): ValidationIssue {
  return { code, severity: 'error', message, path: '', range: lc.range(start, end), doc };
}

/** Plain message for a js-yaml exception (its `reason`, without the snippet). */
function yamlReason(e: unknown): { reason: string; position: number | undefined } {
  if (e instanceof YAMLException) return { reason: e.reason || e.message, position: e.mark?.position };
  return { reason: e instanceof Error ? e.message : String(e), position: undefined };
}

/** Offset of the "---" line that starts the document holding `pos` (0 when it is the first). */
function documentStartBefore(text: string, pos: number): number {
  const re = /^(---|\.\.\.)(?=[ \t\r\n]|$)/gm;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null && m.index <= pos) {
    if (m.index < pos || m[1] === '---') start = m.index;
    if (re.lastIndex === m.index) re.lastIndex++;
  }
  return start;
}

export function parseManifestText(text: string, lc: LineCounter): ParseOutcome {
  const issues: ValidationIssue[] = [];
  const bytes = text.length > LIMITS.maxBytes ? text.length : utf8Length(text);
  if (bytes > LIMITS.maxBytes) {
    issues.push(issue(lc, 'limit', `the input is ${bytes} bytes; at most ${LIMITS.maxBytes} bytes (1 MiB) are accepted`, 0, 0, -1));
    return { docs: [], issues };
  }

  let items = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 44) items++;
  }
  if (items > LIMITS.maxItems) {
    issues.push(issue(lc, 'limit', `the input has ${items} lines and list items; at most ${LIMITS.maxItems} are accepted`, 0, 0, -1));
    return { docs: [], issues };
  }

  // more documents than allowed: refuse before parsing (counting "---" lines is enough for a bound)
  const marker = /^---(?=[ \t\r\n]|$)/gm;
  let markers = 0;
  let m: RegExpExecArray | null;
  while ((m = marker.exec(text)) !== null) {
    if (++markers > LIMITS.maxDocuments) {
      issues.push(issue(lc, 'limit', `more than ${LIMITS.maxDocuments} documents; at most ${LIMITS.maxDocuments} are accepted`, m.index, m.index + 3, markers));
      return { docs: [], issues };
    }
  }

  let events: Event[];
  try {
    events = parseEvents(text, { maxDepth: LIMITS.maxDepth });
  } catch (e) {
    const { reason, position } = yamlReason(e);
    const pos = Math.min(position ?? 0, text.length);
    // The documents before the broken one still count: re-parse the text up to its "---".
    const cut = documentStartBefore(text, pos);
    let docs: ParsedDoc[] = [];
    let brokenIndex = 0;
    if (cut > 0) {
      try {
        const prefix = parseEvents(text.slice(0, cut), { maxDepth: LIMITS.maxDepth });
        docs = buildDocs(text, prefix, lc, issues);
        brokenIndex = prefix.filter((e) => e.type === EVENT_ID.DOCUMENT).length;
      } catch {
        docs = [];
      }
    }
    const depth = /depth/i.test(reason);
    issues.push(
      issue(lc, depth ? 'limit' : 'yaml-syntax', depth ? `nesting deeper than ${LIMITS.maxDepth} levels` : `YAML syntax error: ${reason}`, pos, pos + 1, brokenIndex),
    );
    return { docs, issues };
  }
  return { docs: buildDocs(text, events, lc, issues), issues };
}

/** Quoted scalars: js-yaml's value offsets exclude the quotes, positions include them. */
function isQuoted(style: number): boolean {
  return style === SCALAR_STYLE.SINGLE_QUOTED || style === SCALAR_STYLE.DOUBLE_QUOTED;
}

interface Frame {
  seq: boolean;
  path: string;
  index: number;
  key: string | undefined;
  keyRange: [number, number] | undefined;
  expectKey: boolean;
  start: number;
  end: number;
  flow: boolean;
  nodes: number;
  anchor: string | undefined;
}

function buildDocs(text: string, events: Event[], lc: LineCounter, issues: ValidationIssue[]): ParsedDoc[] {
  const docs: ParsedDoc[] = [];
  let docIndex = -1;
  let i = 0;
  while (i < events.length) {
    const ev = events[i];
    if (ev.type !== EVENT_ID.DOCUMENT) {
      i++;
      continue;
    }
    docIndex++;
    // find the matching POP of this document
    let depth = 0;
    let j = i;
    for (; j < events.length; j++) {
      const t = events[j].type;
      if (t === EVENT_ID.DOCUMENT || t === EVENT_ID.SEQUENCE || t === EVENT_ID.MAPPING) depth++;
      else if (t === EVENT_ID.POP && --depth === 0) break;
    }
    const docEvents = events.slice(i, j + 1);
    i = j + 1;
    if (docIndex >= LIMITS.maxDocuments) {
      const start = firstOffset(docEvents);
      issues.push(issue(lc, 'limit', `more than ${LIMITS.maxDocuments} documents; at most ${LIMITS.maxDocuments} are accepted`, start, start + 1, docIndex));
      break;
    }
    const doc = walkDocument(text, docEvents, docIndex, lc, issues);
    if (doc) docs.push(doc);
  }
  return docs;
}

function firstOffset(evs: Event[]): number {
  for (const e of evs) {
    if (e.type === EVENT_ID.SCALAR && e.valueStart >= 0) return e.valueStart;
    if ((e.type === EVENT_ID.SEQUENCE || e.type === EVENT_ID.MAPPING) && e.start >= 0) return e.start;
  }
  return 0;
}

/** Positions + expansion budget in one pass over the events, then construction by js-yaml. */
function walkDocument(text: string, evs: Event[], index: number, lc: LineCounter, issues: ValidationIssue[]): ParsedDoc | undefined {
  const positions = new Map<string, Range>();
  const keyPositions = new Map<string, Range>();
  const anchorSize = new Map<string, number>();
  const stack: Frame[] = [];
  let aliases = 0;
  let total = 0;
  let docStart = -1;
  let docEnd = 0;
  let rootEmpty = false;

  const anchorOf = (s: number, e: number): string | undefined => (s >= 0 ? text.slice(s, e) : undefined);

  /** Path of the next value node in the top frame, or undefined when the node is a key. */
  const place = (): { path: string; keyRange?: [number, number] } | undefined => {
    const top = stack[stack.length - 1];
    if (!top) return { path: '' };
    if (top.seq) return { path: `${top.path}/${top.index++}` };
    if (top.expectKey) return undefined;
    top.expectKey = true;
    return { path: `${top.path}/${escapePointer(top.key ?? '')}`, keyRange: top.keyRange };
  };

  const finish = (size: number, start: number, end: number, anchor: string | undefined): void => {
    if (anchor !== undefined) anchorSize.set(anchor, size);
    const top = stack[stack.length - 1];
    if (top) {
      top.nodes += size;
      if (end > top.end) top.end = end;
    }
    if (docStart < 0 || (start >= 0 && start < docStart)) docStart = start;
    if (end > docEnd) docEnd = end;
  };

  for (let k = 1; k < evs.length - 1; k++) {
    const ev = evs[k];
    if (ev.type === EVENT_ID.POP) {
      const f = stack.pop()!;
      let end = f.end;
      if (f.flow) {
        const close = text.indexOf(f.seq ? ']' : '}', Math.max(f.end, f.start));
        if (close >= 0) end = close + 1;
      }
      if (f.path !== '\u0000') positions.set(f.path, lc.range(f.start, Math.max(end, f.start + 1)));
      finish(f.nodes + 1, f.start, end, f.anchor);
      continue;
    }
    const top = stack[stack.length - 1];
    const slot = place();
    if (!slot) {
      // a mapping key
      if (ev.type === EVENT_ID.SCALAR) {
        top.key = getScalarValue(text, ev);
        // a quoted key's range includes its quotes
        const quote = isQuoted(ev.style) ? 1 : 0;
        const ks = ev.valueStart < 0 ? top.end : ev.valueStart - quote;
        const ke = ev.valueStart < 0 ? top.end : ev.valueEnd + quote;
        top.keyRange = [ks, ke];
        top.expectKey = false;
        top.nodes += 1;
        if (ke > top.end) top.end = ke;
        continue;
      }
      // a complex key (mapping or sequence as key): track it but record no positions under it
      top.key = '\u0000';
      top.keyRange = undefined;
      top.expectKey = false;
    }
    const path = slot ? slot.path : '\u0000';
    if (slot?.keyRange) keyPositions.set(path, lc.range(slot.keyRange[0], slot.keyRange[1]));
    if (ev.type === EVENT_ID.SEQUENCE || ev.type === EVENT_ID.MAPPING) {
      const start = ev.start;
      stack.push({
        seq: ev.type === EVENT_ID.SEQUENCE,
        path,
        index: 0,
        key: undefined,
        keyRange: undefined,
        expectKey: true,
        start,
        end: start,
        flow: ev.style === COLLECTION_STYLE.FLOW,
        nodes: 0,
        anchor: anchorOf(ev.anchorStart, ev.anchorEnd),
      });
    } else if (ev.type === EVENT_ID.SCALAR) {
      let s = ev.valueStart;
      let e = ev.valueEnd;
      if (s < 0) {
        const at = slot?.keyRange ? slot.keyRange[1] : (top?.end ?? 0);
        s = at;
        e = at;
        if (!top) rootEmpty = true;
      } else if (isQuoted(ev.style)) {
        s -= 1;
        e += 1;
      } else if (ev.style === SCALAR_STYLE.LITERAL_BLOCK || ev.style === SCALAR_STYLE.FOLDED_BLOCK) {
        while (s < e && (text[s] === ' ' || text[s] === '\t')) s++;
        while (e > s && (text[e - 1] === '\n' || text[e - 1] === '\r')) e--;
      }
      if (path !== '\u0000') positions.set(path, lc.range(s, e));
      finish(1, s, e, anchorOf(ev.anchorStart, ev.anchorEnd));
    } else if (ev.type === EVENT_ID.ALIAS) {
      aliases++;
      const name = text.slice(ev.anchorStart, ev.anchorEnd);
      const size = anchorSize.get(name) ?? 1;
      if (path !== '\u0000') positions.set(path, lc.range(ev.anchorStart - 1, ev.anchorEnd));
      finish(size, ev.anchorStart - 1, ev.anchorEnd, undefined);
    }
    total = stack.length ? stack[0].nodes : total;
    if (aliases > LIMITS.maxAliases || Math.max(total, stack.reduce((a, f) => a + f.nodes, 0)) > LIMITS.maxExpandedNodes) {
      const at = Math.max(docStart, 0);
      issues.push(
        issue(
          lc,
          'limit',
          aliases > LIMITS.maxAliases
            ? `more than ${LIMITS.maxAliases} aliases in one document`
            : `the document expands to more than ${LIMITS.maxExpandedNodes} nodes (aliases or size)`,
          at,
          at + 1,
          index,
        ),
      );
      return undefined;
    }
  }
  if (rootEmpty || docStart < 0) return undefined; // an empty document: kubectl skips it

  let value: unknown;
  try {
    value = constructFromEvents(evs, { source: text, schema: K8S_YAML_SCHEMA, maxAliases: LIMITS.maxAliases })[0];
  } catch (e) {
    const { reason, position } = yamlReason(e);
    const p = position ?? docStart;
    issues.push(issue(lc, 'yaml-syntax', `YAML syntax error: ${reason}`, p, p + 1, index));
    return undefined;
  }
  if (value === null || value === undefined) return undefined;
  return { index, value, positions, keyPositions, range: lc.range(docStart, docEnd) };
}
