// Editor markers from the pipeline's results: validation errors and warnings, and the diagnostics
// that point into the learner's text, each at its exact range. Owner 'slicelab' (monaco-yaml keeps
// its own schema markers under 'yaml').
import type { LocatedDiagnostic } from '../exercises/session';
import type { Range, ValidationIssue } from '../validate/types';
import type { Monaco } from './monaco';

export function markersFor(
  monaco: Monaco,
  errors: ValidationIssue[],
  warnings: ValidationIssue[],
  diagnostics: LocatedDiagnostic[],
  /** The fixes show only once the learner has tried (a Check, or a hint asked for). */
  withFixes = true,
) {
  const severity = (s: string) =>
    s === 'error' ? monaco.MarkerSeverity.Error : s === 'warning' ? monaco.MarkerSeverity.Warning : monaco.MarkerSeverity.Info;
  const marker = (r: Range, level: string, message: string, code?: string) => ({
    startLineNumber: r.start.line,
    startColumn: r.start.col,
    endLineNumber: r.end.line,
    // an empty range would draw nothing: give it one character
    endColumn: r.start.line === r.end.line ? Math.max(r.end.col, r.start.col + 1) : r.end.col,
    severity: severity(level),
    message,
    source: 'SliceLab',
    code,
  });
  return [
    ...errors.map((e) => marker(e.range, 'error', e.hint ? `${e.message}\n${e.hint}` : e.message, e.code)),
    ...warnings.map((w) => marker(w.range, 'warning', w.message, w.code)),
    ...diagnostics.filter((d) => d.range).map((d) => marker(d.range!, d.severity, withFixes && d.fix ? `${d.message}\nFix: ${d.fix}` : d.message, d.code)),
  ];
}
