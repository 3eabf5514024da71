// YAML text → documents with a position map (JSON pointer → source range), under the limits of limits.ts
// so that hostile input (alias bombs, deep nesting, junk) fails fast with a clear message.
// js-yaml 5: parseEvents() gives offsets, constructFromEvents() builds values from the same events.
// Position maps are built on first read, from the kept events: a 10,000-object file pays for the maps
// of the few documents an error or hint points into, not for all of them.

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
import { LIMITS, documentBudget, inputTooLarge, oversizedDocument } from './limits';
import type { LineCounter } from './line-counter';
import type { Range, ValidationIssue } from './types';

export { LIMITS } from './limits';

/**
 * Scalars resolve as sigs.k8s.io/yaml does (go-yaml v2, YAML 1.1: yes/no/on/off are booleans, 0777 is
 * octal, merge keys work) except timestamps, which go-yaml leaves as strings for an interface{} target.
 */
const K8S_YAML_SCHEMA = new Schema([strTag, seqTag, mapTag, nullYaml11Tag, boolYaml11Tag, intYaml11Tag, floatYaml11Tag, mergeTag]);

export interface ParsedDoc {
  index: number;
  value: unknown;
  /** Built on first read (see the file comment). */
  readonly positions: Map<string, Range>;
  readonly keyPositions: Map<string, Range>;
  readonly range: Range;
  /** Length of the document's text and its alias count: what the per-object size limits start from. */
  sourceChars: number;
  aliases: number;
}

interface DocPositions {
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
  const tooLarge = inputTooLarge(text);
  if (tooLarge) {
    issues.push(issue(lc, 'limit', tooLarge, 0, 0, -1));
    return { docs: [], issues };
  }
  const oversized = oversizedDocument(text);
  if (oversized) {
    issues.push(issue(lc, 'limit', oversized.message, oversized.start, oversized.start + 1, oversized.doc));
    return { docs: [], issues };
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
}

function buildDocs(text: string, events: Event[], lc: LineCounter, issues: ValidationIssue[]): ParsedDoc[] {
  const docs: ParsedDoc[] = [];
  // Only aliases make a document bigger than its text: without any, there is no expansion to budget
  // and every document is built in one js-yaml call (cheaper than one per document). With aliases, or
  // when js-yaml refuses a document, each is budgeted and built on its own.
  const aliases = events.some((e) => e.type === EVENT_ID.ALIAS);
  const all = aliases ? undefined : constructAll(text, events);
  let docIndex = -1;
  let i = 0;
  while (i < events.length) {
    const ev = events[i];
    if (ev.type !== 1) {
      i++;
      continue;
    }
    docIndex++;
    // find the matching POP of this document
    let depth = 0;
    let j = i;
    for (; j < events.length; j++) {
      const t = events[j].type;
      if (t === 1 || t === 2 || t === 3) depth++;
      else if (t === 6 && --depth === 0) break;
    }
    const docEvents = events.slice(i, j + 1);
    i = j + 1;
    const doc = loadDocument(text, docEvents, docIndex, lc, issues, aliases, all?.[docIndex]);
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

/** End of the last scalar or alias of a document (a closing flow bracket after it is not counted). */
function lastOffset(evs: Event[]): number {
  for (let k = evs.length - 1; k >= 0; k--) {
    const e = evs[k];
    if (e.type === EVENT_ID.SCALAR && e.valueEnd >= 0) return e.valueEnd;
    if (e.type === EVENT_ID.ALIAS) return e.anchorEnd;
  }
  return 0;
}

/** Every document's value, or undefined when js-yaml refuses one of them (then each is built on its own). */
function constructAll(text: string, events: Event[]): unknown[] | undefined {
  try {
    return constructFromEvents(events, { source: text, schema: K8S_YAML_SCHEMA, maxAliases: LIMITS.maxAliases });
  } catch {
    return undefined;
  }
}

/**
 * Expansion budget first (when the input has aliases), then construction by js-yaml (unless `built` is
 * the value already); positions wait until someone reads them.
 */
function loadDocument(
  text: string,
  evs: Event[],
  index: number,
  lc: LineCounter,
  issues: ValidationIssue[],
  aliases: boolean,
  built?: unknown,
): ParsedDoc | undefined {
  const budget = aliases ? documentBudget(text, evs) : { aliases: 0, problem: undefined };
  const start = firstOffset(evs);
  if (budget.problem) {
    issues.push(issue(lc, 'limit', budget.problem, start, start + 1, index));
    return undefined;
  }
  let value: unknown = built;
  if (value === undefined) {
    try {
      value = constructFromEvents(evs, { source: text, schema: K8S_YAML_SCHEMA, maxAliases: LIMITS.maxAliases })[0];
    } catch (e) {
      const { reason, position } = yamlReason(e);
      const p = position ?? start;
      issues.push(issue(lc, 'yaml-syntax', `YAML syntax error: ${reason}`, p, p + 1, index));
      return undefined;
    }
  }
  if (value === null || value === undefined) return undefined; // an empty document: kubectl skips it
  let maps: DocPositions | undefined;
  const positions = () => (maps ??= documentPositions(text, evs, lc));
  return {
    index,
    value,
    sourceChars: Math.max(lastOffset(evs) - start, 0),
    aliases: budget.aliases,
    get positions() {
      return positions().positions;
    },
    get keyPositions() {
      return positions().keyPositions;
    },
    get range() {
      return positions().range;
    },
  };
}

/** The position maps of one document, in one pass over its events. */
function documentPositions(text: string, evs: Event[], lc: LineCounter): DocPositions {
  const positions = new Map<string, Range>();
  const keyPositions = new Map<string, Range>();
  const stack: Frame[] = [];
  let docStart = -1;
  let docEnd = 0;

  /** Path of the next value node in the top frame, or undefined when the node is a key. */
  const place = (): { path: string; keyRange?: [number, number] } | undefined => {
    const top = stack[stack.length - 1];
    if (!top) return { path: '' };
    if (top.seq) return { path: `${top.path}/${top.index++}` };
    if (top.expectKey) return undefined;
    top.expectKey = true;
    return { path: `${top.path}/${escapePointer(top.key ?? '')}`, keyRange: top.keyRange };
  };

  const finish = (start: number, end: number): void => {
    const top = stack[stack.length - 1];
    if (top && end > top.end) top.end = end;
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
      finish(f.start, end);
      continue;
    }
    const top = stack[stack.length - 1];
    const slot = place();
    if (!slot) {
      // a mapping key
      if (ev.type === EVENT_ID.SCALAR) {
        top.key = getScalarValue(text, ev);
        const ks = ev.valueStart < 0 ? top.end : isQuoted(ev.style) ? ev.valueStart - 1 : ev.valueStart;
        const ke = ev.valueStart < 0 ? top.end : isQuoted(ev.style) ? ev.valueEnd + 1 : ev.valueEnd;
        top.keyRange = [ks, ke];
        top.expectKey = false;
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
      });
    } else if (ev.type === EVENT_ID.SCALAR) {
      let s = ev.valueStart;
      let e = ev.valueEnd;
      if (s < 0) {
        const at = slot?.keyRange ? slot.keyRange[1] : (top?.end ?? 0);
        s = at;
        e = at;
      } else if (isQuoted(ev.style)) {
        s -= 1;
        e += 1;
      } else if (ev.style === SCALAR_STYLE.LITERAL_BLOCK || ev.style === SCALAR_STYLE.FOLDED_BLOCK) {
        while (s < e && (text[s] === ' ' || text[s] === '\t')) s++;
        while (e > s && (text[e - 1] === '\n' || text[e - 1] === '\r')) e--;
      }
      if (path !== '\u0000') positions.set(path, lc.range(s, e));
      finish(s, e);
    } else if (ev.type === EVENT_ID.ALIAS) {
      if (path !== '\u0000') positions.set(path, lc.range(ev.anchorStart - 1, ev.anchorEnd));
      finish(ev.anchorStart - 1, ev.anchorEnd);
    }
  }
  return { positions, keyPositions, range: lc.range(Math.max(docStart, 0), docEnd) };
}

/** A quoted scalar's value range excludes its quotes; its source range includes them (one char each side). */
function isQuoted(style: number): boolean {
  return style === SCALAR_STYLE.SINGLE_QUOTED || style === SCALAR_STYLE.DOUBLE_QUOTED;
}
