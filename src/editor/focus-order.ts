// Moving focus as Tab / Shift+Tab would, from code: the editor takes over Tab until the learner
// enters it on purpose, and then has to hand focus on to whatever comes before or after it.
const TABBABLE =
  'a[href], area[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), ' +
  'textarea:not([disabled]), summary, iframe, [contenteditable="true"], [tabindex]';

function tabbable(e: HTMLElement): boolean {
  if (e.tabIndex < 0 || e.closest('[inert], [hidden]')) return false;
  if (e.tagName === 'SUMMARY' && e.parentElement?.tagName === 'DETAILS' && e !== e.parentElement.querySelector('summary')) return false;
  // inside a closed <details>, only its summary is reachable
  const closed = e.parentElement?.closest('details:not([open])');
  if (closed && !(e.tagName === 'SUMMARY' && e.parentElement === closed)) return false;
  return e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
}

/** Focuses the first tabbable element after (or before) `skip` in document order, outside `skip`. */
export function focusBeside(skip: HTMLElement, direction: 1 | -1): void {
  const all = [...document.querySelectorAll<HTMLElement>(TABBABLE)];
  const candidates = direction === 1 ? all : all.reverse();
  const beyond = (e: HTMLElement) => {
    const pos = skip.compareDocumentPosition(e);
    return direction === 1 ? !!(pos & Node.DOCUMENT_POSITION_FOLLOWING) && !skip.contains(e) : !!(pos & Node.DOCUMENT_POSITION_PRECEDING) && !skip.contains(e);
  };
  const target = candidates.find((e) => beyond(e) && tabbable(e));
  if (target) target.focus();
  else (document.activeElement as HTMLElement | null)?.blur();
}
