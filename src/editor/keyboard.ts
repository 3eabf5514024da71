// The editor's keyboard contract: Tab and Shift+Tab move focus past the editor, and never edit the
// text, until the learner enters the editor on purpose (Enter on it, or a click in it); then Tab
// indents, and Escape stops editing and leaves. Ctrl/Cmd+Enter runs Check. Actions, not addCommand:
// an action is bound to its own editor (addCommand binds the last editor created on the page).
import type { editor as MonacoEditor } from 'monaco-editor/editor/editor.api.js';
import { focusBeside } from './focus-order';
import type { Monaco } from './monaco';

export interface KeyboardHost {
  /** Where the editor lives: Tab moves to what comes before or after it. */
  host: HTMLElement;
  /** Shown while the editor has keyboard focus but is not being edited. */
  hint: HTMLElement;
  /** Escape: focus goes somewhere useful outside the editor (the result tabs). */
  leave(): void;
  check(): void;
}

const NO_WIDGET =
  '!suggestWidgetVisible && !findWidgetVisible && !markersNavigationVisible && !parameterHintsVisible && !editorHoverVisible && !renameInputVisible';

export function wireEditorKeyboard(monaco: Monaco, editor: MonacoEditor.IStandaloneCodeEditor, k: KeyboardHost) {
  const editing = editor.createContextKey<boolean>('slicelabEditing', false);
  let pointer = false;
  const setEditing = (on: boolean) => {
    editing.set(on);
    k.hint.hidden = on || !editor.hasTextFocus();
    k.host.dataset.editing = String(on);
  };
  // A click (or touch) in the editor is entering it on purpose; keyboard focus is not.
  k.host.addEventListener('pointerdown', () => (pointer = true), true);
  editor.onDidFocusEditorText(() => {
    setEditing(pointer);
    pointer = false;
  });
  editor.onDidBlurEditorText(() => {
    pointer = false;
    setEditing(false);
  });
  editor.onMouseDown(() => setEditing(true));

  editor.addAction({
    id: 'slicelab.startEditing',
    label: 'Edit the manifest',
    keybindings: [monaco.KeyCode.Enter],
    precondition: `!slicelabEditing && ${NO_WIDGET}`,
    run: () => setEditing(true),
  });
  editor.addAction({
    id: 'slicelab.focusNext',
    label: 'Move focus past the editor',
    keybindings: [monaco.KeyCode.Tab],
    precondition: `!slicelabEditing && ${NO_WIDGET}`,
    run: () => focusBeside(k.host, 1),
  });
  editor.addAction({
    id: 'slicelab.focusPrevious',
    label: 'Move focus before the editor',
    keybindings: [monaco.KeyMod.Shift | monaco.KeyCode.Tab],
    precondition: `!slicelabEditing && ${NO_WIDGET}`,
    run: () => focusBeside(k.host, -1),
  });
  // Escape leaves the editor, unless one of the editor's widgets wants Escape.
  editor.addAction({
    id: 'slicelab.leave',
    label: 'Leave the editor',
    keybindings: [monaco.KeyCode.Escape],
    precondition: NO_WIDGET,
    run: () => {
      setEditing(false);
      k.leave();
      if (k.host.contains(document.activeElement)) focusBeside(k.host, 1);
    },
  });
  editor.addAction({
    id: 'slicelab.check',
    label: 'Check',
    keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
    run: () => k.check(),
  });

  return {
    /** Focus the editor for the keyboard: Tab still moves on until Enter. */
    focus() {
      editor.focus();
      setEditing(false);
    },
    /** Focus the editor to type in it at once (Show me, Bring my text back). */
    edit() {
      pointer = true;
      editor.focus();
      setEditing(true);
    },
  };
}
