// One clear first hint: rank by root-cause likelihood (table.ts), then severity, then the order of
// the objects in the manifest, then the order the checks found them.

import { CODE_RANK } from './table';
import type { Diagnostic, Severity } from './types';

const SEVERITY: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function orderDiagnostics(items: Array<{ d: Diagnostic; order: number; seq: number }>): Diagnostic[] {
  return items
    .slice()
    .sort(
      (a, b) =>
        CODE_RANK.get(a.d.code)! - CODE_RANK.get(b.d.code)! ||
        SEVERITY[a.d.severity] - SEVERITY[b.d.severity] ||
        a.order - b.order ||
        a.seq - b.seq,
    )
    .map((x) => x.d);
}
