// The island's static structure: toolbar (Check, Reset, Show solution), the live region, the storage
// notice, the solution confirmation and diff, the editor region and the results column, and the
// keyboard shortcuts. Behaviour is wired in island.ts.
import { button, el } from './dom';

export interface Layout {
  check: HTMLButtonElement;
  reset: HTMLButtonElement;
  undoReset: HTMLButtonElement;
  showSolution: HTMLButtonElement;
  live: HTMLElement;
  notice: HTMLElement;
  confirm: { box: HTMLElement; yes: HTMLButtonElement; no: HTMLButtonElement };
  solution: { box: HTMLElement; close: HTMLButtonElement; host: HTMLElement };
  editorHost: HTMLElement;
  results: HTMLElement;
  stale: HTMLElement;
}

const SHORTCUTS =
  '<summary>Keyboard shortcuts</summary><ul>' +
  '<li><kbd>Tab</kbd> indents inside the editor; press <kbd>Esc</kbd> to leave the editor, then <kbd>Tab</kbd> moves on ' +
  '(<kbd>Ctrl</kbd>+<kbd>M</kbd> makes <kbd>Tab</kbd> move focus instead of indenting).</li>' +
  '<li><kbd>Ctrl</kbd>+<kbd>Enter</kbd> (<kbd>⌘</kbd>+<kbd>Enter</kbd>) runs Check.</li>' +
  '<li><kbd>Ctrl</kbd>+<kbd>Space</kbd> completes field names; <kbd>F8</kbd> jumps to the next problem; <kbd>Ctrl</kbd>+<kbd>Z</kbd> undoes.</li>' +
  '<li>In the result tabs, <kbd>←</kbd> and <kbd>→</kbd> switch tabs. In the Terminal, <kbd>↑</kbd> and <kbd>↓</kbd> recall commands.</li></ul>';

export function buildLayout(mount: HTMLElement, title: string): Layout {
  const toolbar = el('div', 'ex-toolbar');
  toolbar.setAttribute('role', 'toolbar');
  toolbar.setAttribute('aria-label', `Exercise ${title}`);
  const check = button('Check', 'ex-btn ex-check-btn');
  const reset = button('Reset');
  const undoReset = button('Bring my text back');
  undoReset.hidden = true;
  const showSolution = button('Show solution');
  toolbar.append(check, reset, undoReset, showSolution);

  const live = el('p', 'ex-live');
  live.setAttribute('role', 'status');
  live.setAttribute('aria-live', 'polite');
  const notice = el('p', 'ex-notice');
  notice.setAttribute('role', 'alert');
  notice.hidden = true;

  const confirmBox = el('div', 'ex-confirm');
  confirmBox.hidden = true;
  const yes = button('Yes, show the solution');
  const no = button('Cancel');
  confirmBox.append(el('p', undefined, 'Show the solution next to your text? Your own text stays as it is.'), yes, no);

  const solutionBox = el('div', 'ex-solution');
  solutionBox.hidden = true;
  const close = button('Hide solution');
  const host = el('div', 'ex-diff');
  host.setAttribute('role', 'region');
  host.setAttribute('aria-label', 'Solution diff');
  solutionBox.append(el('p', 'ex-solution-title', 'Your text (left) and the solution (right):'), close, host);

  const workspace = el('div', 'ex-workspace');
  const editorHost = el('div', 'ex-editor');
  editorHost.setAttribute('role', 'region');
  editorHost.setAttribute('aria-label', 'YAML editor');
  const results = el('div', 'ex-results');
  const stale = el('p', 'ex-stale');
  stale.hidden = true;
  results.append(stale);
  workspace.append(editorHost, results);

  const keys = el('details', 'ex-keys');
  keys.innerHTML = SHORTCUTS;

  const ui = el('div', 'ex-ui');
  ui.append(toolbar, live, notice, confirmBox, solutionBox, workspace, keys);
  mount.append(ui);
  return {
    check, reset, undoReset, showSolution, live, notice,
    confirm: { box: confirmBox, yes, no },
    solution: { box: solutionBox, close, host },
    editorHost, results, stale,
  };
}
