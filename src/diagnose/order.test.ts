import { describe, expect, it } from 'vitest';
import { orderDiagnostics } from './order';
import type { Diagnostic, DiagnosticCode, Severity } from './types';

const d = (code: DiagnosticCode, severity: Severity, name: string): Diagnostic => ({
  code,
  severity,
  message: '',
  object: { kind: 'Service', namespace: 'default', name },
  fix: '',
  lesson: '',
});

describe('orderDiagnostics', () => {
  it('sorts by rank, then severity, then manifest order, then discovery order', () => {
    const items = [
      { d: d('some-endpoints-not-ready', 'warning', 'x'), order: 0, seq: 0 },
      { d: d('selector-near-miss', 'warning', 'y'), order: 0, seq: 1 },
      { d: d('selector-near-miss', 'error', 'z'), order: 5, seq: 2 },
      { d: d('empty-selector', 'info', 'w'), order: 9, seq: 3 },
      { d: d('selector-near-miss', 'error', 'v'), order: 1, seq: 4 },
      { d: d('selector-near-miss', 'error', 'u'), order: 1, seq: 5 },
    ];
    expect(orderDiagnostics(items).map((x) => x.object.name)).toEqual(['w', 'v', 'u', 'z', 'y', 'x']);
  });
});
