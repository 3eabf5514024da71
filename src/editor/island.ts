// The exercise island: Monaco with the learner's manifest, the result tabs and the Check / Reset /
// Show solution buttons. Every edit re-validates and re-simulates (debounced); the last good result
// stays visible, marked stale, while the text does not validate. Work is saved as the learner types.
import { markExercise } from '../course/progress';
import type { CheckResult } from '../exercises/checks';
import { rankHints } from '../exercises/hints';
import type { Exercise } from '../exercises/schema';
import { ExerciseSession, kubectlLine, type Evaluation } from '../exercises/session';
import type { Range } from '../validate/types';
import { loadSaved, save } from './exercise-store';
import { setupMonaco, type Monaco } from './monaco';
import { diagramSvg } from './panels/diagram';
import { renderChecks, renderHints } from './panels/lists';
import { createTerminal } from './panels/terminal';
import { createTabs } from './tabs';
import './island.css';

export const TAB_NAMES = ['EndpointSlices', 'Endpoints', 'Diagram', 'Terminal', 'Hints', 'Checks'] as const;
const DEBOUNCE_MS = 40;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function button(text: string, cls: string): HTMLButtonElement {
  const b = el('button', cls, text);
  b.type = 'button';
  return b;
}

export async function mountExercise(mount: HTMLElement, exercise: Exercise): Promise<void> {
  const monaco = await setupMonaco();
  const session = new ExerciseSession(exercise);
  const id = exercise.id;
  const prefix = `ex-${id}`;

  // ---- layout --------------------------------------------------------------------------------
  const ui = el('div', 'ex-ui');
  const toolbar = el('div', 'ex-toolbar');
  toolbar.setAttribute('role', 'toolbar');
  toolbar.setAttribute('aria-label', `Exercise ${exercise.title}`);
  const checkBtn = button('Check', 'ex-btn ex-check-btn');
  const resetBtn = button('Reset', 'ex-btn');
  const undoResetBtn = button('Bring my text back', 'ex-btn');
  undoResetBtn.hidden = true;
  const solutionBtn = button('Show solution', 'ex-btn');
  toolbar.append(checkBtn, resetBtn, undoResetBtn, solutionBtn);

  const live = el('p', 'ex-live');
  live.setAttribute('role', 'status');
  live.setAttribute('aria-live', 'polite');
  const notice = el('p', 'ex-notice');
  notice.setAttribute('role', 'alert');
  notice.hidden = true;

  const confirmBox = el('div', 'ex-confirm');
  confirmBox.hidden = true;
  const confirmText = el('p', undefined, 'Show the solution next to your text? Your own text stays as it is.');
  const confirmYes = button('Yes, show the solution', 'ex-btn');
  const confirmNo = button('Cancel', 'ex-btn');
  confirmBox.append(confirmText, confirmYes, confirmNo);

  const solutionBox = el('div', 'ex-solution');
  solutionBox.hidden = true;
  const solutionTitle = el('p', 'ex-solution-title', 'Your text (left) and the solution (right):');
  const solutionClose = button('Hide solution', 'ex-btn');
  const diffHost = el('div', 'ex-diff');
  diffHost.setAttribute('role', 'region');
  diffHost.setAttribute('aria-label', 'Solution diff');
  solutionBox.append(solutionTitle, solutionClose, diffHost);

  const workspace = el('div', 'ex-workspace');
  const editorHost = el('div', 'ex-editor');
  editorHost.setAttribute('role', 'region');
  editorHost.setAttribute('aria-label', 'YAML editor');
  const results = el('div', 'ex-results');
  const stale = el('p', 'ex-stale', 'Your manifest does not validate: the panels show the result of your last valid text. Errors are marked in the editor and listed under Hints.');
  stale.hidden = true;
  results.append(stale);
  workspace.append(editorHost, results);

  const keys = el('details', 'ex-keys');
  keys.innerHTML =
    '<summary>Keyboard shortcuts</summary><ul>' +
    '<li><kbd>Tab</kbd> indents inside the editor; press <kbd>Esc</kbd> to leave the editor, then <kbd>Tab</kbd> moves on.</li>' +
    '<li><kbd>Ctrl</kbd>+<kbd>Enter</kbd> (<kbd>⌘</kbd>+<kbd>Enter</kbd>) runs Check.</li>' +
    '<li><kbd>Ctrl</kbd>+<kbd>Space</kbd> completes field names; <kbd>F8</kbd> jumps to the next problem; <kbd>Ctrl</kbd>+<kbd>Z</kbd> undoes.</li>' +
    '<li>In the result tabs, <kbd>←</kbd> and <kbd>→</kbd> switch tabs. In the Terminal, <kbd>↑</kbd> and <kbd>↓</kbd> recall commands.</li></ul>';

  ui.append(toolbar, live, notice, confirmBox, solutionBox, workspace, keys);
  mount.append(ui);
  document.querySelector<HTMLElement>(`[data-exercise-static="${id}"]`)?.setAttribute('hidden', '');

  const tabs = createTabs(results, prefix, TAB_NAMES, 'Results');

  // ---- editor --------------------------------------------------------------------------------
  const saved = loadSaved(id);
  const uri = monaco.Uri.parse(`file:///exercises/${id}/${exercise.file}`);
  monaco.editor.getModel(uri)?.dispose();
  const model = monaco.editor.createModel(saved?.text ?? exercise.starterText, 'yaml', uri);
  const editor = monaco.editor.create(editorHost, {
    model,
    ariaLabel: 'YAML editor',
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    tabSize: 2,
    insertSpaces: true,
    fontSize: 14,
    fixedOverflowWidgets: true,
    renderValidationDecorations: 'on',
    renderFinalNewline: 'on', // 'dimmed' line numbers fail WCAG contrast
    accessibilitySupport: 'auto',
  });

  // ---- state ---------------------------------------------------------------------------------
  let lastGood: Evaluation | undefined;
  let current: Evaluation | undefined;
  let checks: CheckResult[] | null = saved?.checks ?? null;
  let checkedText: string | undefined = saved?.checks ? saved.text : undefined;
  let revealed = 0;
  let objectsDirty = true;
  let storageFailed = false;

  const showMe = (r: Range) => {
    const range = new monaco.Range(r.start.line, r.start.col, r.end.line, r.end.col);
    editor.setSelection(range);
    editor.revealRangeInCenter(range);
    editor.focus();
  };

  function setMarkers(ev: Evaluation) {
    const sev = (s: string) =>
      s === 'error' ? monaco.MarkerSeverity.Error : s === 'warning' ? monaco.MarkerSeverity.Warning : monaco.MarkerSeverity.Info;
    const toMarker = (r: Range, severity: string, message: string, code?: string) => ({
      startLineNumber: r.start.line,
      startColumn: r.start.col,
      endLineNumber: r.end.line,
      endColumn: Math.max(r.end.col, r.start.line === r.end.line ? r.start.col + 1 : r.end.col),
      severity: sev(severity),
      message,
      source: 'SliceLab',
      code,
    });
    const markers = [
      ...ev.validation.errors.map((e) => toMarker(e.range, 'error', e.hint ? `${e.message}\n${e.hint}` : e.message, e.code)),
      ...ev.validation.warnings.map((w) => toMarker(w.range, 'warning', w.message, w.code)),
      ...ev.diagnostics.filter((d) => d.range).map((d) => toMarker(d.range!, d.severity, `${d.message}\nFix: ${d.fix}`, d.code)),
    ];
    monaco.editor.setModelMarkers(model, 'slicelab', markers);
  }

  function renderObjects() {
    const ev = lastGood;
    if (!ev?.state || !objectsDirty) return;
    objectsDirty = false;
    const cluster = session.clusterFor(ev.text);
    const run = (line: string) => kubectlLine(cluster, line, {}).output;
    const slicesPanel = tabs.panel('EndpointSlices');
    const endpointsPanel = tabs.panel('Endpoints');
    const other = ev.state.endpointSlices.some((s) => (s.metadata.namespace ?? 'default') !== 'default');
    const all = other ? ' -A' : '';
    fill(slicesPanel, `kubectl get endpointslices${all}`, run(`kubectl get endpointslices${all}`),
      ev.state.endpointSlices.map((s) => [s.metadata.name!, run(`kubectl get endpointslice ${s.metadata.name} -n ${s.metadata.namespace ?? 'default'} -o yaml`)]));
    fill(endpointsPanel, `kubectl get endpoints${all}`, run(`kubectl get endpoints${all}`),
      ev.state.endpoints.map((e) => [e.metadata.name!, run(`kubectl get endpoints ${e.metadata.name} -n ${e.metadata.namespace ?? 'default'} -o yaml`)]));
  }

  function fill(panel: HTMLElement, command: string, table: string, objects: [string, string][]) {
    panel.replaceChildren();
    panel.append(el('p', 'ex-cmd', `$ ${command}`), el('pre', 'ex-table', table || '(no output)'));
    for (const [name, yaml] of objects) {
      const d = el('details', 'ex-yaml');
      d.append(el('summary', undefined, `${name} as YAML`), el('pre', undefined, yaml));
      panel.append(d);
    }
  }

  function renderAll() {
    const ev = current!;
    const isStale = ev.validation.errors.length > 0 || !ev.state;
    stale.hidden = !isStale;
    stale.textContent = ev.internalError
      ? `The simulator failed on this text (${ev.internalError}): the panels show your last good result. Please report this.`
      : 'Your manifest does not validate: the panels show the result of your last valid text. Errors are marked in the editor and listed under Hints.';
    mount.dataset.stale = String(isStale);
    if (!isStale) lastGood = ev;
    const good = lastGood;
    if (good?.state) {
      tabs.panel('Diagram').innerHTML = diagramSvg(good.state);
      if (!isStale) objectsDirty = true;
      if (tabs.selected() === 'EndpointSlices' || tabs.selected() === 'Endpoints') renderObjects();
    } else {
      for (const name of ['EndpointSlices', 'Endpoints', 'Diagram'] as const)
        tabs.panel(name).replaceChildren(el('p', 'ex-none', 'Nothing to show until the manifest validates.'));
    }
    renderHintsTab();
    renderChecks(tabs.panel('Checks'), checks, exercise.checks.map((c) => c.says), checkedText !== undefined && checkedText !== ev.text);
  }

  function renderHintsTab() {
    const ev = current!;
    renderHints(
      tabs.panel('Hints'),
      { errors: ev.validation.errors, diagnostics: ev.diagnostics, hints: rankHints(exercise.hints, ev.diagnostics), stale: ev.validation.errors.length > 0 },
      revealed,
      { showMe, reveal: () => { revealed++; renderHintsTab(); tabs.panel('Hints').querySelector<HTMLElement>('.ex-hints li:last-child')?.setAttribute('tabindex', '-1'); tabs.panel('Hints').querySelector<HTMLElement>('.ex-hints:last-of-type li:last-child')?.focus(); } },
    );
  }

  function persist() {
    const status = save(id, model.getValue(), checkedText === model.getValue() ? checks : null);
    storageFailed = status !== 'ok';
    notice.hidden = !storageFailed;
    if (storageFailed)
      notice.textContent =
        status === 'full'
          ? 'Your work cannot be saved: this browser’s storage is full. It stays in the editor until you leave the page.'
          : 'Your work cannot be saved: storage is turned off in this browser. It stays in the editor until you leave the page.';
  }

  function update() {
    const t0 = performance.now();
    current = session.evaluate(model.getValue());
    setMarkers(current);
    renderAll();
    persist();
    mount.dataset.updateMs = (performance.now() - t0).toFixed(1);
    mount.dataset.updatedAt = performance.now().toFixed(1);
    mount.dataset.updates = String(Number(mount.dataset.updates ?? 0) + 1);
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  let resetting = false;
  model.onDidChangeContent(() => {
    if (!resetting) undoResetBtn.hidden = true; // after another edit, undo would no longer undo the reset
    clearTimeout(timer);
    timer = setTimeout(update, DEBOUNCE_MS);
  });
  tabs.onChange((name) => {
    if (name === 'EndpointSlices' || name === 'Endpoints') renderObjects();
  });

  // ---- terminal ------------------------------------------------------------------------------
  createTerminal(tabs.panel('Terminal'), prefix, exercise.commands, {
    text: () => model.getValue(),
    cluster: (text) => session.clusterFor(text),
    run: (cluster, text, line) => session.kubectl(cluster, text, line),
  });

  // ---- buttons -------------------------------------------------------------------------------
  function runCheck() {
    const text = model.getValue();
    try {
      checks = session.check(text);
    } catch (e) {
      live.textContent = `The checks could not run (${(e as Error).message}). Please report this.`;
      return;
    }
    checkedText = text;
    const passed = checks.filter((c) => c.passed).length;
    const all = passed === checks.length;
    if (all) markExercise(id, true);
    live.textContent = all
      ? `All ${checks.length} checks pass. Exercise done!`
      : `${passed} of ${checks.length} checks pass. See the Checks tab for what is missing.`;
    mount.dataset.checked = all ? 'pass' : 'fail';
    renderChecks(tabs.panel('Checks'), checks, [], false);
    tabs.select('Checks');
    persist();
  }
  checkBtn.addEventListener('click', runCheck);

  resetBtn.addEventListener('click', () => {
    resetting = true;
    editor.pushUndoStop();
    editor.executeEdits('reset', [{ range: model.getFullModelRange(), text: exercise.starterText }]);
    editor.pushUndoStop();
    resetting = false;
    undoResetBtn.hidden = false;
    live.textContent = 'Back to the starter. “Bring my text back” (or Ctrl+Z in the editor) undoes the reset.';
  });
  undoResetBtn.addEventListener('click', () => {
    resetting = true;
    editor.trigger('reset', 'undo', null);
    resetting = false;
    undoResetBtn.hidden = true;
    live.textContent = 'Your text is back.';
    editor.focus();
  });

  let diff: ReturnType<Monaco['editor']['createDiffEditor']> | undefined;
  solutionBtn.addEventListener('click', () => {
    confirmBox.hidden = false;
    confirmNo.focus();
  });
  confirmNo.addEventListener('click', () => {
    confirmBox.hidden = true;
    solutionBtn.focus();
  });
  confirmYes.addEventListener('click', () => {
    confirmBox.hidden = true;
    solutionBox.hidden = false;
    const original = monaco.editor.createModel(model.getValue(), 'yaml', monaco.Uri.parse(`inmemory://solution/${id}/yours.yaml`));
    const modified = monaco.editor.createModel(exercise.solutionText, 'yaml', monaco.Uri.parse(`inmemory://solution/${id}/solution.yaml`));
    diff?.getModel()?.original.dispose();
    diff?.getModel()?.modified.dispose();
    diff?.dispose();
    diff = monaco.editor.createDiffEditor(diffHost, {
      readOnly: true,
      originalEditable: false,
      automaticLayout: true,
      renderSideBySide: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      ariaLabel: 'Solution',
    });
    // The inner editors' labels are applied only as changed options, not at construction.
    diff.updateOptions({
      originalAriaLabel: 'Your text (read-only copy)',
      modifiedAriaLabel: 'The solution (read-only)',
    } as Parameters<typeof diff.updateOptions>[0]);
    diff.setModel({ original, modified });
    live.textContent = 'The solution is shown beside your text.';
    solutionClose.focus();
  });
  solutionClose.addEventListener('click', () => {
    diff?.getModel()?.original.dispose();
    diff?.getModel()?.modified.dispose();
    diff?.dispose();
    diff = undefined;
    solutionBox.hidden = true;
    solutionBtn.focus();
  });

  // Escape leaves the editor (its Tab key indents), unless a widget of the editor wants Escape.
  editor.addCommand(
    monaco.KeyCode.Escape,
    () => tabs.focusSelected(),
    '!suggestWidgetVisible && !findWidgetVisible && !markersNavigationVisible && !parameterHintsVisible && !editorHoverVisible && !renameInputVisible',
  );
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, runCheck);

  // Test hook: the markers monaco-yaml sets from the JSON Schema, so e2e can see the YAML worker runs.
  monaco.editor.onDidChangeMarkers((uris) => {
    if (!uris.some((u) => u.toString() === uri.toString())) return;
    const yaml = monaco.editor.getModelMarkers({ resource: uri, owner: 'yaml' });
    mount.dataset.yamlMarkers = JSON.stringify(yaml.map((m) => ({ line: m.startLineNumber, message: m.message })));
  });

  // Test hook: the editor's whole text (the DOM only renders the visible lines).
  const hooks = mount as HTMLElement & { __text?: () => string; __cursorLine?: () => number };
  hooks.__text = () => model.getValue();
  hooks.__cursorLine = () => editor.getPosition()?.lineNumber ?? 0;

  update();
}
