// The describe scaffolding of kubectl/pkg/describe/describe.go: PrefixWriter (two spaces per level),
// printLabelsMultiline, printAnnotationsMultiline (last-applied-configuration skipped, long values
// cut at 140), DescribeEvents, all laid out by a tab writer (minwidth 0, padding 2).

import type { SimEvent } from '../../sim/types';
import { DESCRIBE, tabbed } from '../format/tabwriter';
import { translateTimestampSince } from '../format/duration';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const MAX_ANNOTATION_LEN = 140;

export class PrefixWriter {
  private text = '';
  write(level: number, s: string): void {
    this.text += '  '.repeat(level) + s;
  }
  /** The formatted describe output. */
  done(): string {
    return tabbed(this.text, DESCRIBE);
  }
}

/** printLabelsMultilineWithIndent with initialIndent "" and innerIndent "\t". */
export function printLabelsMultiline(w: PrefixWriter, title: string, labels: Record<string, string> | null | undefined): void {
  w.write(0, `${title}:\t`);
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  keys.forEach((k, i) => {
    if (i !== 0) w.write(0, '\t');
    w.write(0, `${k}=${labels![k]}\n`);
  });
}

function shorten(s: string, max: number): string {
  return s.length > max ? s.slice(0, max) + '...' : s;
}

export function printAnnotationsMultiline(w: PrefixWriter, title: string, annotations: Record<string, string> | undefined): void {
  w.write(0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {})
    .filter((k) => k !== LAST_APPLIED)
    .sort();
  if (keys.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(0, '\t');
    const value = annotations![key].replace(/\n$/, '');
    if (value.length + key.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(0, `${key}:\n`);
      for (const s of value.split('\n')) w.write(0, `\t  ${shorten(s, MAX_ANNOTATION_LEN - 2)}\n`);
    } else {
      w.write(0, `${key}: ${value}\n`);
    }
  });
}

/** DescribeEvents: `Events: <none>` or the Type/Reason/Age/From/Message table, by last timestamp (SortableEvents). */
export function describeEvents(w: PrefixWriter, events: SimEvent[], now: string): void {
  if (events.length === 0) {
    w.write(0, 'Events:\t<none>\n');
    return;
  }
  const sorted = [...events].sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
  w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    w.write(1, `${e.type}\t${e.reason}\t${eventAge(e, now)}\t${e.source}\t${e.message.trim()}\n`);
  }
}

/**
 * The Age cell: the age of the first occurrence, or for a repeated event (core/v1 count > 1; the
 * controllers' record.EventRecorder leaves eventTime and series unset) `<last> (x<count> over <first>)`.
 */
export function eventAge(e: SimEvent, now: string): string {
  const first = translateTimestampSince(e.firstTime ?? e.time, now);
  const count = e.count ?? 1;
  return count > 1 ? `${translateTimestampSince(e.time, now)} (x${count} over ${first})` : first;
}
