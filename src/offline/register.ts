// Registers the service worker (dist/sw.js, written by src/integrations/service-worker.mjs) and
// manages updates so a page never runs two versions: a new worker waits until the learner presses
// Reload, and every open tab reloads once when the new version takes over.
import { Workbox } from 'workbox-window';
import { showUpdateNotice } from './update-notice';

export function registerServiceWorker(): void {
  // The dev server has no sw.js; a worker there would serve stale modules.
  if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
  const wb = new Workbox('/sw.js');

  // Fires for a worker that finished installing while this page has an older one, also when it was
  // already waiting before this page loaded or another tab installed it.
  wb.addEventListener('waiting', () => showUpdateNotice(() => wb.messageSkipWaiting()));

  // The first install also changes the controller (clientsClaim): only a replacement is an update.
  const hadController = navigator.serviceWorker.controller !== null;
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (!hadController || reloading) return;
    reloading = true;
    location.reload();
  });

  wb.register().catch(() => {
    // No service worker (private mode, a file:// copy): the site still works online.
  });
}
