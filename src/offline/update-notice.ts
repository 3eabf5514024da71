// "A new version of SliceLab is available — Reload": a polite status region (present from the start
// so screen readers announce it when it fills) with a real button.
const REGION_ID = 'sl-update-notice';

function region(): HTMLElement {
  let box = document.getElementById(REGION_ID);
  if (!box) {
    box = document.createElement('div');
    box.id = REGION_ID;
    box.className = 'update-notice';
    box.setAttribute('role', 'status');
    box.hidden = true;
    document.body.append(box);
  }
  return box;
}

/** Prepares the empty live region (call early, so its later content is announced). */
export function prepareUpdateNotice(): void {
  region();
}

export function showUpdateNotice(onReload: () => void): void {
  const box = region();
  if (box.querySelector('button')) return;
  const text = document.createElement('p');
  text.textContent = 'A new version of SliceLab is available.';
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.textContent = 'Reload';
  reload.addEventListener('click', () => {
    reload.disabled = true;
    reload.textContent = 'Reloading…';
    onReload();
  });
  const later = document.createElement('button');
  later.type = 'button';
  later.className = 'update-notice__later';
  later.textContent = 'Not now';
  later.addEventListener('click', () => {
    box.hidden = true;
    box.replaceChildren();
  });
  box.replaceChildren(text, reload, later);
  box.hidden = false;
}
