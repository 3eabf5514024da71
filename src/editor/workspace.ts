// The exercise as a workspace. Wide screens (>= 1100 px, see island.css): editor and results side
// by side, split by a separator the mouse drags and the arrow keys move; a Full window mode that
// Escape leaves. Narrower screens: editor and results are two views, switched by a pair of buttons.
// The editor is as tall as its text (the --ex-lines custom property; CSS clamps it to the viewport).
// The choices are remembered for every exercise (layout-store.ts).
import { el } from './dom';
import type { Layout } from './layout';
import { clampSplit, loadPrefs, savePrefs, SPLIT_MAX, SPLIT_MIN, type LayoutPrefs } from './layout-store';

export interface Workspace {
  /** The editor's text has this many lines: the editor grows (or shrinks) to fit them. */
  setLines(n: number): void;
  /** Make sure the editor is on screen (the phone's Editor view). */
  showEditor(): void;
  /** Make sure the results are on screen (the phone's Results view). */
  showResults(): void;
}

const STEP = 5;

export function wireWorkspace(root: HTMLElement, id: string, ui: Layout, focusEditor: () => void): Workspace {
  const prefs: LayoutPrefs = loadPrefs();
  const isFull = () => prefs.full === id;
  const apply = () => {
    ui.workspace.style.setProperty('--ex-split', `${prefs.split}%`);
    ui.separator.setAttribute('aria-valuenow', String(prefs.split));
    ui.separator.setAttribute('aria-valuetext', `editor ${prefs.split}%, results ${100 - prefs.split}%`);
    root.dataset.full = String(isFull());
    ui.fullWindow.setAttribute('aria-pressed', String(isFull()));
    // the page under a full-window exercise does not scroll
    if (isFull() || root.dataset.wasFull === 'true') document.documentElement.classList.toggle('ex-full-window', isFull());
    root.dataset.wasFull = String(isFull());
    root.dataset.view = prefs.phoneView;
    ui.views.editor.setAttribute('aria-pressed', String(prefs.phoneView === 'editor'));
    ui.views.results.setAttribute('aria-pressed', String(prefs.phoneView === 'results'));
  };
  const change = (next: Partial<LayoutPrefs>) => {
    Object.assign(prefs, next);
    apply();
    savePrefs(prefs);
  };
  ui.separator.setAttribute('aria-valuemin', String(SPLIT_MIN));
  ui.separator.setAttribute('aria-valuemax', String(SPLIT_MAX));
  apply();

  // ---- the separator: arrows, Home/End, or drag -----------------------------------------------------
  ui.separator.addEventListener('keydown', (e) => {
    const to =
      e.key === 'ArrowLeft' || e.key === 'ArrowDown' ? prefs.split - STEP
      : e.key === 'ArrowRight' || e.key === 'ArrowUp' ? prefs.split + STEP
      : e.key === 'Home' ? SPLIT_MIN
      : e.key === 'End' ? SPLIT_MAX
      : undefined;
    if (to === undefined) return;
    e.preventDefault();
    change({ split: clampSplit(to) });
  });
  ui.separator.addEventListener('pointerdown', (e) => {
    e.preventDefault();
    ui.separator.setPointerCapture(e.pointerId);
    const box = ui.workspace.getBoundingClientRect();
    const move = (m: PointerEvent) => {
      prefs.split = clampSplit(((m.clientX - box.left) / box.width) * 100);
      apply();
    };
    const up = () => {
      ui.separator.removeEventListener('pointermove', move);
      savePrefs(prefs);
    };
    ui.separator.addEventListener('pointermove', move);
    ui.separator.addEventListener('pointerup', up, { once: true });
    ui.separator.addEventListener('lostpointercapture', up, { once: true });
  });

  // ---- full window: the button, or Escape (when nothing inside wanted Escape for itself) ----------------
  ui.fullWindow.addEventListener('click', () => change({ full: isFull() ? null : id }));
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || !isFull() || e.defaultPrevented) return;
    change({ full: null });
    ui.fullWindow.focus();
  });

  // ---- phone views ------------------------------------------------------------------------------------------
  ui.views.editor.addEventListener('click', () => change({ phoneView: 'editor' }));
  ui.views.results.addEventListener('click', () => change({ phoneView: 'results' }));

  // ---- "Skip to the editor", first thing in the exercise --------------------------------------------------
  const skip = el('a', 'ex-skip', 'Skip to the editor');
  skip.href = `#${ui.editorHost.id}`;
  skip.addEventListener('click', (e) => {
    e.preventDefault();
    api.showEditor();
    focusEditor();
  });
  // First in the exercise, before its heading (so the lesson's spacing rules, which go by sibling, do not change).
  root.prepend(skip);

  // Only where the two views exist (the switch is shown): a wide screen shows both anyway.
  const showView = (view: LayoutPrefs['phoneView']) => {
    if (prefs.phoneView !== view && getComputedStyle(ui.views.group).display !== 'none') change({ phoneView: view });
  };
  const api: Workspace = {
    setLines: (n) => root.style.setProperty('--ex-lines', String(n)),
    showEditor: () => showView('editor'),
    showResults: () => showView('results'),
  };
  return api;
}
