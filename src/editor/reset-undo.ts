// Reset, asked first and undoable across a reload: the text it replaced is kept in storage, and
// "Bring my text back" (with "Discard my old text") stays until the learner uses or discards it,
// however much they type in between.
import { clearBeforeReset, loadBeforeReset, saveBeforeReset } from './exercise-store';
import type { Layout } from './layout';

export interface ResetHost {
  id: string;
  starter: string;
  text(): string;
  /** Replaces the editor's text as one undoable edit. */
  replace(text: string): void;
  say(message: string): void;
  focusEditor(): void;
}

export function wireReset(ui: Layout, host: ResetHost): void {
  const show = (on: boolean) => {
    ui.undoReset.hidden = !on;
    ui.discardReset.hidden = !on;
  };
  show(loadBeforeReset(host.id) !== undefined);

  ui.reset.addEventListener('click', () => {
    if (host.text() === host.starter) {
      host.say('Your text is already the starter.');
      return;
    }
    ui.confirmReset.box.hidden = false;
    ui.confirmReset.no.focus();
  });
  ui.confirmReset.no.addEventListener('click', () => {
    ui.confirmReset.box.hidden = true;
    ui.reset.focus();
  });
  ui.confirmReset.yes.addEventListener('click', () => {
    ui.confirmReset.box.hidden = true;
    const status = saveBeforeReset(host.id, host.text());
    host.replace(host.starter);
    show(true);
    ui.undoReset.focus();
    host.say(
      status === 'ok'
        ? 'Back to the starter. “Bring my text back” undoes the reset, also after a reload.'
        : 'Back to the starter. “Bring my text back” (or Ctrl+Z in the editor) undoes the reset; this browser cannot keep it across a reload.',
    );
  });
  ui.undoReset.addEventListener('click', () => {
    const before = loadBeforeReset(host.id);
    if (before !== undefined) host.replace(before.text);
    clearBeforeReset(host.id);
    show(false);
    host.say(before !== undefined ? 'Your text is back.' : 'Your earlier text is no longer stored.');
    host.focusEditor();
  });
  ui.discardReset.addEventListener('click', () => {
    clearBeforeReset(host.id);
    show(false);
    host.say('Your text from before the reset is discarded.');
    ui.reset.focus();
  });
}
