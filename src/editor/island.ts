// The exercise island: Monaco with the learner's manifest, the result tabs and the Check / Reset /
// Show solution buttons. Every edit re-validates and re-simulates once (debounced): the panels, the
// checks and the terminal all read that one simulated cluster. The last good result stays visible,
// marked stale, while the text does not validate. Work is saved as the learner types.
import { markExercise } from '../course/progress';
import type { CheckResult } from '../exercises/checks';
import { rankHints } from '../exercises/hints';
import type { Exercise } from '../exercises/schema';
import { ExerciseSession, type Evaluation } from '../exercises/session';
import type { Cluster, ClusterReader } from '../sim/types';
import type { Range } from '../validate/types';
import { createMarkedObjects, createResultAnnouncer } from './change-marks';
import { el } from './dom';
import { loadSaved, save } from './exercise-store';
import { wireEditorKeyboard } from './keyboard';
import { buildLayout } from './layout';
import { markersFor } from './markers';
import { setupMonaco } from './monaco';
import { createDiagramPanel } from './panels/diagram-view';
import { renderChecks, renderHints } from './panels/lists';
import { createTerminal } from './panels/terminal';
import { createWritesPanel, type WritesPanel } from './panels/writes';
import { wireReset } from './reset-undo';
import { createSolutionDiff } from './solution-diff';
import { wireTabSync } from './tab-sync';
import { createTabs } from './tabs';
import { createTimeControls } from './time-controls';
import { exerciseAsPlaygroundText, playgroundHref } from './playground-link';
import { stateOf } from '../sim';
import { wireWorkspace } from './workspace';
import './island.css';

export const TAB_NAMES = ['EndpointSlices', 'Endpoints', 'Diagram', 'Writes', 'Terminal', 'Hints', 'Checks'] as const;
const DEBOUNCE_MS = 40;
const STALE_TEXT =
  'Your manifest does not validate: the panels show the result of your last valid text. Errors are marked in the editor and listed under Hints.';

/** How the playground page uses the island (an exercise page passes none). */
export interface IslandOptions {
  /** Open with this text instead of the saved one (a shared link). */
  initialText?: string;
  /** The playground: no Check, no solution, no Checks tab. */
  playground?: boolean;
  /** After each evaluation, with the editor's text. */
  onText?(text: string): void;
}

export interface IslandHandle {
  text(): string;
  /** Replaces the whole text as one undoable edit (Ctrl+Z brings the old text back). */
  setText(text: string): void;
}

export async function mountExercise(mount: HTMLElement, exercise: Exercise, options: IslandOptions = {}): Promise<IslandHandle> {
  const monaco = await setupMonaco();
  const session = new ExerciseSession(exercise);
  const id = exercise.id;
  const ui = buildLayout(mount, id, exercise.title);
  const root = mount.closest<HTMLElement>('.exercise') ?? mount;
  document.querySelector<HTMLElement>(`[data-exercise-static="${id}"]`)?.setAttribute('hidden', '');
  const tabs = createTabs(ui.results, `ex-${id}`, TAB_NAMES, 'Results');
  const diagram = createDiagramPanel(tabs.panel('Diagram'), `ex-${id}`, () => tabs.selected() === 'Diagram');
  const writes = createWritesPanel(tabs.panel('Writes'), `ex-${id}`, () => tabs.selected() === 'Writes');

  // ---- editor: one model per exercise, with a URI of its own --------------------------------------
  const saved = loadSaved(id);
  const uri = monaco.Uri.parse(`file:///exercises/${id}/${exercise.file}`);
  monaco.editor.getModel(uri)?.dispose();
  const model = monaco.editor.createModel(options.initialText ?? saved?.text ?? exercise.starterText, 'yaml', uri);
  const editor = monaco.editor.create(ui.editorHost, {
    model,
    ariaLabel: 'YAML editor: press Enter to edit, Escape to stop editing',
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    tabSize: 2,
    insertSpaces: true,
    fontSize: 14,
    lineHeight: 19, // island.css sizes the editor to its lines with the same height
    fixedOverflowWidgets: true,
    renderFinalNewline: 'on', // 'dimmed' line numbers fail WCAG contrast
    accessibilitySupport: 'auto',
  });

  // ---- state ----------------------------------------------------------------------------------------
  let current: Evaluation | undefined;
  let lastGood: Evaluation | undefined;
  let checks: CheckResult[] | null = saved?.checks ?? null;
  let checkedText: string | undefined = saved?.checks ? saved.text : undefined;
  let revealed = 0;
  let objectsDirty = true;
  /** Set after a time control: the panels show the terminal's cluster until the next edit. */
  let panelCluster: ClusterReader | undefined;
  let terminalCluster: Cluster | undefined;
  // The fixes (Hints tab, editor markers) show once the learner has tried: a Check or a hint asked for.
  let attempted = checks !== null;
  const attempt = () => {
    if (attempted) return;
    attempted = true;
    renderHintsTab();
    monaco.editor.setModelMarkers(model, 'slicelab', markersFor(monaco, current!.validation.errors, current!.validation.warnings, current!.diagnostics, true));
  };

  const keyboard = wireEditorKeyboard(monaco, editor, {
    host: ui.editorHost,
    hint: ui.editorHint,
    leave: () => tabs.focusSelected(),
    check: () => runCheck(),
  });
  const workspace = wireWorkspace(root, id, ui, () => keyboard.focus());
  workspace.setLines(model.getLineCount());
  (mount as HTMLElement & { __focusEditor?: () => void }).__focusEditor = () => keyboard.focus();

  const showMe = (r: Range) => {
    const range = new monaco.Range(r.start.line, r.start.col, r.end.line, r.end.col);
    workspace.showEditor();
    editor.setSelection(range);
    editor.revealRangeInCenter(range);
    keyboard.edit();
  };

  const objectsVisible = () => tabs.selected() === 'EndpointSlices' || tabs.selected() === 'Endpoints';
  // What an edit changed: marked in the panels, told to screen readers.
  const objects = createMarkedObjects(tabs.panel('EndpointSlices'), tabs.panel('Endpoints'));
  const announcer = createResultAnnouncer(ui.announce, () => lastGood?.cluster);
  function refreshObjects() {
    const shown = panelCluster ?? lastGood?.cluster;
    if (!shown || !objectsDirty) return;
    objectsDirty = false;
    objects.render(shown);
  }

  function renderHintsTab() {
    const ev = current!;
    renderHints(
      tabs.panel('Hints'),
      { errors: ev.validation.errors, diagnostics: ev.diagnostics, hints: rankHints(exercise.hints, ev.diagnostics), stale: !ev.state, attempted },
      revealed,
      {
        showMe,
        reveal: () => {
          attempt();
          revealed++;
          renderHintsTab();
          const newest = tabs.panel('Hints').querySelector<HTMLElement>('.ex-hints:last-of-type li:last-child');
          newest?.setAttribute('tabindex', '-1');
          newest?.focus();
        },
      },
    );
  }

  function renderAll() {
    const ev = current!;
    const isStale = !ev.state;
    ui.stale.hidden = !isStale;
    ui.stale.textContent = ev.internalError
      ? `The simulator failed on this text (${ev.internalError}): the panels show your last good result. Please report this.`
      : STALE_TEXT;
    mount.dataset.stale = String(isStale);
    if (!isStale && lastGood !== ev) {
      lastGood = ev;
      objectsDirty = true;
      panelCluster = undefined;
      showEditWrites(writes, ev.cluster);
    }
    if (lastGood?.state) {
      diagram.show(lastGood.state);
      if (objectsVisible()) refreshObjects();
    } else {
      for (const name of ['EndpointSlices', 'Endpoints', 'Diagram'] as const)
        tabs.panel(name).replaceChildren(el('p', 'ex-none', 'Nothing to show until the manifest validates.'));
    }
    timeControls.update(lastGood?.cluster);
    renderHintsTab();
    renderChecks(tabs.panel('Checks'), checks, exercise.checks.map((c) => c.says), checkedText !== undefined && checkedText !== ev.text);
  }

  function persist() {
    const status = save(id, model.getValue(), checkedText === model.getValue() ? checks : null);
    ui.notice.hidden = status === 'ok';
    if (status === 'full')
      ui.notice.textContent = 'Your work cannot be saved: this browser’s storage is full. It stays in the editor until you leave the page.';
    if (status === 'unavailable')
      ui.notice.textContent = 'Your work cannot be saved: storage is turned off in this browser. It stays in the editor until you leave the page.';
  }

  function update() {
    const t0 = performance.now();
    current = session.evaluate(model.getValue());
    monaco.editor.setModelMarkers(model, 'slicelab', markersFor(monaco, current.validation.errors, current.validation.warnings, current.diagnostics, attempted));
    renderAll();
    persist();
    announcer.update(!!current.state, current.validation.errors[0]?.range.start.line);
    mount.dataset.updateMs = (performance.now() - t0).toFixed(1);
    mount.dataset.updatedAt = performance.now().toFixed(1);
    mount.dataset.updates = String(Number(mount.dataset.updates ?? 0) + 1);
    options.onText?.(current.text);
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  model.onDidChangeContent(() => {
    workspace.setLines(model.getLineCount());
    clearTimeout(timer);
    timer = setTimeout(update, DEBOUNCE_MS);
  });
  tabs.onChange(() => {
    if (objectsVisible()) refreshObjects();
    writes.refresh();
    diagram.refresh();
  });

  const terminal = createTerminal(tabs.panel('Terminal'), `ex-${id}`, exercise.commands, {
    // While the text does not validate, the terminal runs against the last valid text, as the panels show.
    text: () => (current && !current.state && lastGood ? lastGood.text : model.getValue()),
    staleNote: () =>
      current && !current.state
        ? lastGood
          ? 'your manifest does not validate: this runs against your last valid text, as the panels show'
          : 'your manifest does not validate yet: this runs against the exercise’s cluster without your objects'
        : undefined,
    cluster: (text) => session.clusterFor(text),
    run: (cluster, text, line) => {
      const result = withCommandWrites(writes, cluster, line, () => session.kubectl(cluster, text, line));
      terminalCluster = cluster;
      if (panelCluster) showTerminalCluster(cluster);
      return result;
    },
  });

  // ---- time controls: a command run by the Terminal; the panels then show the Terminal's cluster ----------
  function showTerminalCluster(cluster: Cluster) {
    panelCluster = cluster;
    objectsDirty = true;
    if (objectsVisible()) refreshObjects();
    diagram.show(stateOf(cluster));
    timeControls.update(cluster);
  }
  // A folded section at the foot of the results column: the page never moves when it appears (the
  // column's height follows the editor), the panels keep their room until the learner opens it, and
  // Tab goes editor → separator → result tabs → panel → controls.
  const timeHost = el('details', 'ex-time-host');
  timeHost.append(el('summary', 'ex-time-summary', 'Time controls: move the clock, flip readiness, scale, take a Node down'));
  ui.results.append(timeHost);
  const timeControls = createTimeControls(timeHost, `ex-${id}`, (line) => {
    panelCluster = panelCluster ?? lastGood?.cluster; // follow the Terminal from now on
    terminal.run(line);
    if (terminalCluster) showTerminalCluster(terminalCluster);
    ui.live.textContent = `Ran ${line} in the Terminal. The panels show its cluster until your next edit.`;
  });

  // ---- Check -----------------------------------------------------------------------------------------
  function runCheck() {
    if (options.playground) return;
    const text = model.getValue();
    try {
      checks = session.check(text);
    } catch (e) {
      ui.live.textContent = `The checks could not run (${(e as Error).message}). Please report this.`;
      return;
    }
    checkedText = text;
    attempt();
    const passed = checks.filter((c) => c.passed).length;
    const all = passed === checks.length;
    if (all) markExercise(id, true);
    ui.live.textContent = all
      ? `All ${checks.length} checks pass. Exercise done!`
      : `${passed} of ${checks.length} checks pass. See the Checks tab for what is missing.`;
    mount.dataset.checked = all ? 'pass' : 'fail';
    renderChecks(tabs.panel('Checks'), checks, [], false);
    tabs.select('Checks');
    persist();
  }
  ui.check.addEventListener('click', () => {
    workspace.showResults(); // on a phone, the Checks are in the Results view
    runCheck();
  });

  // ---- Reset (asked first, undoable across a reload) and another tab's text ---------------------------
  const replaceText = (text: string) => {
    editor.pushUndoStop();
    editor.executeEdits('slicelab', [{ range: model.getFullModelRange(), text }]);
    editor.pushUndoStop();
  };
  const say = (message: string) => (ui.live.textContent = message);
  wireReset(ui, { id, starter: exercise.starterText, text: () => model.getValue(), replace: replaceText, say, focusEditor: () => keyboard.edit() });
  wireTabSync(ui, { id, text: () => model.getValue(), replace: replaceText, save: persist, say, focusEditor: () => keyboard.focus() });

  // ---- Show solution, after a confirmation ------------------------------------------------------------
  const diff = createSolutionDiff(monaco, ui.solution.host, id);
  ui.showSolution.addEventListener('click', () => {
    ui.confirm.box.hidden = false;
    ui.confirm.no.focus();
  });
  ui.confirm.no.addEventListener('click', () => {
    ui.confirm.box.hidden = true;
    ui.showSolution.focus();
  });
  ui.confirm.yes.addEventListener('click', () => {
    ui.confirm.box.hidden = true;
    ui.solution.box.hidden = false;
    diff.show(model.getValue(), exercise.solutionText);
    ui.live.textContent = 'The solution is shown beside your text.';
    ui.solution.close.focus();
  });
  ui.solution.close.addEventListener('click', () => {
    diff.hide();
    ui.solution.box.hidden = true;
    ui.showSolution.focus();
  });

  // ---- test hooks -------------------------------------------------------------------------------------------
  // monaco-yaml's schema markers (owner 'yaml'), so e2e can tell that the YAML worker runs.
  monaco.editor.onDidChangeMarkers((uris) => {
    if (!uris.some((u) => u.toString() === uri.toString())) return;
    const yaml = monaco.editor.getModelMarkers({ resource: uri, owner: 'yaml' });
    mount.dataset.yamlMarkers = JSON.stringify(yaml.map((m) => ({ line: m.startLineNumber, message: m.message })));
  });
  // The whole text and the cursor line (the DOM only renders the visible lines).
  const hooks = mount as HTMLElement & { __text?: () => string; __cursorLine?: () => number };
  hooks.__text = () => model.getValue();
  hooks.__cursorLine = () => editor.getPosition()?.lineNumber ?? 0;

  if (options.playground) hideChecks(ui, tabs);
  else addPlaygroundLink(ui.showSolution, exercise, () => model.getValue());

  update();
  return {
    text: () => model.getValue(),
    setText(text) {
      editor.pushUndoStop();
      editor.executeEdits('playground', [{ range: model.getFullModelRange(), text }]);
      editor.pushUndoStop();
    },
  };
}

// ---- the playground ---------------------------------------------------------------------------------------
/** The playground has nothing to check: no Check or Show solution button, no Checks tab. */
function hideChecks(ui: ReturnType<typeof buildLayout>, tabs: ReturnType<typeof createTabs>) {
  ui.check.hidden = true;
  ui.showSolution.hidden = true;
  const panel = tabs.panel('Checks');
  panel.hidden = true;
  const tab = document.getElementById(panel.getAttribute('aria-labelledby') ?? '');
  if (tab) tab.hidden = true;
  // The arrow keys skip the hidden tab: on to the tab after it, or back to the one before.
  let last = tabs.selected();
  tabs.onChange((name) => {
    if (name === 'Checks') tabs.select(last === 'Hints' ? TAB_NAMES[0] : 'Hints', true);
    else last = name;
  });
}

/** "Open in playground": the exercise's cluster and the learner's current text, in a link (built when followed). */
function addPlaygroundLink(after: HTMLElement, exercise: Exercise, text: () => string) {
  const a = el('a', 'ex-btn ex-playground-link', 'Open in playground');
  const refresh = () => (a.href = playgroundHref({ sample: `exercise:${exercise.id}`, text: exerciseAsPlaygroundText(exercise.title, exercise.cluster, text()) }));
  refresh();
  for (const ev of ['pointerdown', 'focus', 'click', 'auxclick', 'contextmenu']) a.addEventListener(ev, refresh);
  after.after(a);
}

// ---- the Writes tab's two sources ------------------------------------------------------------------------
function nodeCount(cluster: ClusterReader): number {
  return cluster.list('Node').length;
}

/** After an edit: every write the controllers made building the text's cluster. */
function showEditWrites(writes: WritesPanel, cluster: ClusterReader | undefined) {
  if (!cluster) return;
  writes.show(cluster.writes(), nodeCount(cluster), 'Your last edit: what the controllers wrote to build the cluster for your manifest, from an empty cluster.');
}

/** Commands that change nothing keep the last change on show. */
const READ_ONLY = /^\s*(k|kubectl)\s+(get|describe|explain|api-resources|version|config|cluster-info)\b|^\s*sim\s+time\b|^\s*clear\s*$/;

/** A terminal command (typed or from a time control): the writes it caused on the terminal's cluster. */
function withCommandWrites<T>(writes: WritesPanel, cluster: Cluster, line: string, run: () => T): T {
  const before = cluster.writes().length;
  const result = run();
  const made = cluster.writes().slice(before);
  if (made.length || !READ_ONLY.test(line)) writes.show(made, nodeCount(cluster), `After $ ${line.trim()}`);
  return result;
}
