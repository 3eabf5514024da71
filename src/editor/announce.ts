// What screen readers hear as the learner types: one short sentence, once typing pauses, when the
// manifest became invalid, valid again, or when the results changed since the last sentence.
// Never one per keystroke.
const PAUSE_MS = 900;

export interface AnnouncerHost {
  /** What changed in the results since the last call (describeChanges), '' for nothing. */
  changesSinceLast(): string;
  /** Called at every update, before the pause: lets the host keep the first results as its baseline. */
  observe?(): void;
}

export function createAnnouncer(region: HTMLElement, host: AnnouncerHost) {
  let saidValid = true;
  let valid = true;
  let line: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const say = (words: string) => {
    // The same words twice would not be read again: clear first, then set.
    region.textContent = '';
    requestAnimationFrame(() => (region.textContent = words));
  };

  const flush = () => {
    if (!valid) {
      if (saidValid) say(`The manifest does not validate${line ? ` (line ${line})` : ''}: the results show your last valid text.`);
      saidValid = false;
      return;
    }
    const changes = host.changesSinceLast();
    const updated = changes ? `Results updated: ${changes}.` : '';
    if (!saidValid) say(`The manifest validates again.${updated ? ` ${updated}` : ''}`);
    else if (updated) say(updated);
    saidValid = true;
  };

  return {
    /** After each evaluation; the sentence waits until the learner pauses. */
    update(isValid: boolean, firstErrorLine?: number) {
      valid = isValid;
      line = firstErrorLine;
      host.observe?.();
      clearTimeout(timer);
      timer = setTimeout(flush, PAUSE_MS);
    },
  };
}
