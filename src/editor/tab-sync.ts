// Two tabs on one exercise: when the other tab saves a different text, this tab asks which to keep
// ("Use the other tab's text" / "Keep mine") instead of either silently overwriting the other. The
// other text is held here until the learner answers; whichever is kept is saved (and the other tab,
// if its text now differs, asks in turn).
import { savedFromEvent } from './exercise-store';
import type { Layout } from './layout';

export interface SyncHost {
  id: string;
  text(): string;
  /** Replaces the editor's text as one undoable edit (and saves it). */
  replace(text: string): void;
  /** Saves this tab's text as it is. */
  save(): void;
  say(message: string): void;
  /** Where focus goes once the question is answered (its buttons disappear). */
  focusEditor(): void;
}

export function wireTabSync(ui: Layout, host: SyncHost): { pending(): boolean } {
  let theirs: string | undefined;
  const close = () => {
    theirs = undefined;
    ui.sync.box.hidden = true;
  };
  window.addEventListener('storage', (e) => {
    const saved = savedFromEvent(host.id, e);
    if (!saved) return;
    if (saved.text === host.text()) {
      close(); // the tabs agree again
      return;
    }
    const wasOpen = theirs !== undefined;
    theirs = saved.text;
    ui.sync.box.hidden = false;
    if (!wasOpen) host.say('This exercise was changed in another tab. Choose which text to keep.');
  });
  ui.sync.theirs.addEventListener('click', () => {
    const text = theirs;
    close();
    if (text !== undefined) host.replace(text);
    host.say('You now have the other tab’s text. Ctrl+Z in the editor brings yours back.');
    host.focusEditor();
  });
  ui.sync.mine.addEventListener('click', () => {
    close();
    host.save();
    host.say('Your text is kept and saved.');
    host.focusEditor();
  });
  return { pending: () => theirs !== undefined };
}
