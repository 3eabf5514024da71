// Collects what a page does that a test must forbid: console errors, uncaught exceptions, and
// requests to any origin other than the site's own.
import type { Page } from '@playwright/test';

export function watchPage(page: Page, siteOrigin: string) {
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.origin !== siteOrigin) foreignRequests.push(request.url());
  });
  return { consoleErrors, foreignRequests };
}
