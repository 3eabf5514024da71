// The Hints and Checks tabs, rendered from data. Text goes in through textContent or the escaping
// mini-Markdown renderer, never as raw HTML from the learner's manifest.
import type { CheckResult } from '../../exercises/checks';
import type { RankedHints } from '../../exercises/hints';
import { inlineMarkdown, miniMarkdown } from '../../exercises/markdown';
import type { LocatedDiagnostic } from '../../exercises/session';
import type { Range, ValidationIssue } from '../../validate/types';
import { button, el } from '../dom';


const SEVERITY_WORD: Record<string, string> = { error: 'Error', warning: 'Warning', info: 'Note' };

export interface HintsView {
  errors: ValidationIssue[];
  diagnostics: LocatedDiagnostic[];
  hints: RankedHints;
  stale: boolean;
  /** The learner has tried (a Check, or a hint asked for): only then do the fixes show. */
  attempted: boolean;
}

export function renderHints(panel: HTMLElement, view: HintsView, revealed: number, actions: { showMe(r: Range): void; reveal(): void }): void {
  panel.replaceChildren();
  const problems = el('ol', 'ex-diags');
  for (const e of view.errors) {
    const li = el('li', 'ex-diag sev-error');
    li.append(el('strong', undefined, `Rejected, line ${e.range.start.line}: `), el('span', undefined, e.message));
    if (e.hint) li.append(el('p', 'ex-fix', e.hint));
    li.append(showMe(e.range, actions));
    problems.append(li);
  }
  if (!view.stale) {
    for (const d of view.diagnostics) {
      const li = el('li', `ex-diag sev-${d.severity}`);
      li.append(el('strong', undefined, `${SEVERITY_WORD[d.severity] ?? d.severity}: `), el('span', undefined, d.message));
      if (d.fix && view.attempted) li.append(el('p', 'ex-fix', `Fix: ${d.fix}`));
      if (d.range) li.append(showMe(d.range, actions));
      problems.append(li);
    }
  }
  panel.append(el('h3', undefined, 'What the simulator sees'));
  panel.append(problems.childElementCount ? problems : el('p', 'ex-none', 'No problem found in your manifest.'));

  if (!view.attempted && (view.hints.matched.length || view.diagnostics.some((d) => d.fix)))
    panel.append(el('p', 'ex-none ex-fix-later', 'Try it first: press Check, or ask for a hint, and the fixes show here.'));
  if (view.attempted && view.hints.matched.length) {
    panel.append(el('h3', undefined, 'Hints for this mistake'));
    const ul = el('ul', 'ex-hints');
    for (const h of view.hints.matched) {
      const li = el('li');
      li.innerHTML = miniMarkdown(h.text);
      ul.append(li);
    }
    panel.append(ul);
  }
  const general = view.hints.general;
  if (general.length) {
    panel.append(el('h3', undefined, 'Step-by-step hints'));
    const ul = el('ul', 'ex-hints');
    for (const h of general.slice(0, revealed)) {
      const li = el('li');
      li.innerHTML = miniMarkdown(h.text);
      ul.append(li);
    }
    if (revealed) panel.append(ul);
    if (revealed < general.length) {
      const b = button(`Show a hint (${general.length - revealed} left)`, 'ex-reveal');
      b.addEventListener('click', actions.reveal);
      panel.append(b);
    }
  } else if (!view.attempted && view.hints.matched.length) {
    const b = button('Show a hint', 'ex-reveal');
    b.addEventListener('click', actions.reveal);
    panel.append(b);
  }
}

function showMe(range: Range, actions: { showMe(r: Range): void }): HTMLButtonElement {
  const b = button(`Show me (line ${range.start.line})`, 'ex-showme');
  b.addEventListener('click', () => actions.showMe(range));
  return b;
}

export function renderChecks(panel: HTMLElement, results: CheckResult[] | null, says: string[], stale: boolean): void {
  panel.replaceChildren();
  if (!results) {
    panel.append(el('p', 'ex-none', 'Press Check (or Ctrl+Enter in the editor) to run these checks:'));
    const ul = el('ul', 'ex-checks');
    for (const s of says) {
      const li = el('li', 'ex-check pending');
      li.innerHTML = inlineMarkdown(s);
      ul.append(li);
    }
    panel.append(ul);
    return;
  }
  const passed = results.filter((r) => r.passed).length;
  panel.append(el('p', 'ex-check-summary', `${passed} of ${results.length} checks pass${stale ? ' (from your last Check: the text changed since)' : ''}.`));
  const ul = el('ul', 'ex-checks');
  for (const r of results) {
    const li = el('li', `ex-check ${r.passed ? 'pass' : 'fail'}`);
    const says = el('span');
    says.innerHTML = inlineMarkdown(r.says);
    li.append(el('strong', undefined, r.passed ? '✓ Passed: ' : '✗ Not yet: '), says);
    if (!r.passed && r.found) li.append(el('pre', 'ex-found', r.found));
    ul.append(li);
  }
  panel.append(ul);
}
