// Helpers for the offline specs: a browser context on a given origin with service workers allowed,
// and waiting until the service worker controls the page (so its precache is complete).
import type { Browser, BrowserContext, Page } from '@playwright/test';

export async function siteContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({ baseURL, serviceWorkers: 'allow' });
}

/** Resolves once a service worker is active (its install, the whole precache, succeeded) and controls the page. */
export async function waitForServiceWorker(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller)
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    return registration.active!.scriptURL;
  });
}
