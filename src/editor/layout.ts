// The island's static structure: toolbar (Check, Reset, Show solution, Full window), the phone's
// Editor/Results switch, the live regions, the storage notice, the confirmations (reset, solution,
// another tab's text), the solution diff, and the workspace: editor, separator, results. Behaviour
// is wired in island.ts and the files it calls (workspace.ts, keyboard.ts, reset-undo.ts, tab-sync.ts).
import { button, el } from './dom';

export interface Layout {
  check: HTMLButtonElement;
  reset: HTMLButtonElement;
  undoReset: HTMLButtonElement;
  discardReset: HTMLButtonElement;
  showSolution: HTMLButtonElement;
  fullWindow: HTMLButtonElement;
  views: { group: HTMLElement; editor: HTMLButtonElement; results: HTMLButtonElement };
  live: HTMLElement;
  /** Polite, visually hidden: validity and result changes, one short sentence at a time. */
  announce: HTMLElement;
  notice: HTMLElement;
  confirm: { box: HTMLElement; yes: HTMLButtonElement; no: HTMLButtonElement };
  confirmReset: { box: HTMLElement; yes: HTMLButtonElement; no: HTMLButtonElement };
  sync: { box: HTMLElement; text: HTMLElement; theirs: HTMLButtonElement; mine: HTMLButtonElement };
  solution: { box: HTMLElement; close: HTMLButtonElement; host: HTMLElement };
  workspace: HTMLElement;
  editorHost: HTMLElement;
  editorHint: HTMLElement;
  separator: HTMLElement;
  results: HTMLElement;
  stale: HTMLElement;
}

const SHORTCUTS =
  '<summary>Keyboard shortcuts</summary><ul>' +
  '<li><kbd>Tab</kbd> and <kbd>Shift</kbd>+<kbd>Tab</kbd> move past the editor. Press <kbd>Enter</kbd> on it to edit (then <kbd>Tab</kbd> indents); ' +
  '<kbd>Esc</kbd> stops editing. A click in the editor edits too.</li>' +
  '<li><kbd>Ctrl</kbd>+<kbd>Enter</kbd> (<kbd>⌘</kbd>+<kbd>Enter</kbd>) runs Check.</li>' +
  '<li><kbd>Ctrl</kbd>+<kbd>Space</kbd> completes field names; <kbd>F8</kbd> jumps to the next problem; <kbd>Ctrl</kbd>+<kbd>Z</kbd> undoes.</li>' +
  '<li>In the result tabs, <kbd>←</kbd> and <kbd>→</kbd> switch tabs. On the bar between editor and results, <kbd>←</kbd> and <kbd>→</kbd> resize them.</li>' +
  '<li>In the Terminal, <kbd>↑</kbd> and <kbd>↓</kbd> recall commands; <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>C</kbd> copies the last output. ' +
  '<kbd>Esc</kbd> leaves the full window.</li></ul>';

function confirmation(question: string, yesText: string, noText: string) {
  const box = el('div', 'ex-confirm');
  box.hidden = true;
  const yes = button(yesText);
  const no = button(noText);
  box.append(el('p', undefined, question), yes, no);
  return { box, yes, no };
}

export function buildLayout(mount: HTMLElement, id: string, title: string): Layout {
  const toolbar = el('div', 'ex-toolbar');
  toolbar.setAttribute('role', 'toolbar');
  toolbar.setAttribute('aria-label', `Exercise ${title}`);
  const check = button('Check', 'ex-btn ex-check-btn');
  const reset = button('Reset');
  const undoReset = button('Bring my text back');
  undoReset.hidden = true;
  const discardReset = button('Discard my old text');
  discardReset.hidden = true;
  const showSolution = button('Show solution');
  const fullWindow = button('Full window', 'ex-btn ex-full-btn');
  fullWindow.setAttribute('aria-pressed', 'false');
  toolbar.append(check, reset, undoReset, discardReset, showSolution, fullWindow);

  // Phones: editor and results are two views; this pair of buttons switches between them.
  const group = el('div', 'ex-views');
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', 'Show');
  const editorView = button('Editor', 'ex-btn ex-view-btn');
  const resultsView = button('Results', 'ex-btn ex-view-btn');
  group.append(editorView, resultsView);

  const live = el('p', 'ex-live');
  live.setAttribute('role', 'status');
  live.setAttribute('aria-live', 'polite');
  const announce = el('p', 'ex-sr-only ex-announce');
  announce.setAttribute('role', 'status');
  announce.setAttribute('aria-live', 'polite');
  const notice = el('p', 'ex-notice');
  notice.setAttribute('role', 'alert');
  notice.hidden = true;

  const confirm = confirmation('Show the solution next to your text? Your own text stays as it is.', 'Yes, show the solution', 'Cancel');
  const confirmReset = confirmation(
    'Replace your text with the starter? Your text is kept: “Bring my text back” restores it, also after a reload.',
    'Yes, reset',
    'Cancel',
  );
  confirmReset.box.classList.add('ex-confirm-reset');

  const syncBox = el('div', 'ex-confirm ex-sync');
  syncBox.hidden = true;
  syncBox.setAttribute('role', 'alert');
  const syncText = el('p', undefined, 'This exercise was changed in another tab, and its text differs from yours.');
  const theirs = button('Use the other tab’s text');
  const mine = button('Keep mine');
  syncBox.append(syncText, theirs, mine);

  const solutionBox = el('div', 'ex-solution');
  solutionBox.hidden = true;
  const close = button('Hide solution');
  const host = el('div', 'ex-diff');
  host.setAttribute('role', 'region');
  host.setAttribute('aria-label', `Solution diff: ${title}`);
  solutionBox.append(el('p', 'ex-solution-title', 'Your text (left) and the solution (right):'), close, host);

  const workspace = el('div', 'ex-workspace');
  const editorPane = el('div', 'ex-editor-pane');
  const editorHost = el('div', 'ex-editor');
  editorHost.id = `ex-${id}-editor`;
  editorHost.setAttribute('role', 'region');
  // Unique per exercise: two editors on one page are two landmarks that must not share a name.
  editorHost.setAttribute('aria-label', `YAML editor: ${title}`);
  const editorHint = el('p', 'ex-editor-hint', 'Press Enter to edit, Tab to move on.');
  editorHint.hidden = true;
  editorHint.setAttribute('aria-hidden', 'true'); // Monaco's own aria label says it for screen readers
  editorPane.append(editorHost, editorHint);
  const separator = el('div', 'ex-separator');
  separator.setAttribute('role', 'separator');
  separator.setAttribute('aria-orientation', 'vertical');
  separator.setAttribute('aria-label', 'Resize the editor and the results');
  separator.setAttribute('aria-controls', editorHost.id);
  separator.tabIndex = 0;
  const results = el('div', 'ex-results');
  results.id = `ex-${id}-results`;
  const stale = el('p', 'ex-stale');
  stale.hidden = true;
  results.append(stale);
  workspace.append(editorPane, separator, results);

  const keys = el('details', 'ex-keys');
  keys.innerHTML = SHORTCUTS;

  const ui = el('div', 'ex-ui');
  ui.append(toolbar, group, live, announce, notice, confirm.box, confirmReset.box, syncBox, solutionBox, workspace, keys);
  mount.append(ui);
  return {
    check, reset, undoReset, discardReset, showSolution, fullWindow,
    views: { group, editor: editorView, results: resultsView },
    live, announce, notice, confirm, confirmReset,
    sync: { box: syncBox, text: syncText, theirs, mine },
    solution: { box: solutionBox, close, host },
    workspace, editorHost, editorHint, separator, results, stale,
  };
}
