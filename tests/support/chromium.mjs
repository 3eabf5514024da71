// The one place that knows how to find and launch Chromium for the end-to-end tests.
// Test tools cannot download browsers here, so we use an installed one.
import { existsSync } from 'node:fs';

/** Flags for a headless Chromium running as root in a container with no network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--metrics-recording-only',
];

/** For tools that launch Chromium themselves (Lighthouse); Playwright adds its own headless flag. */
export const HEADLESS_ARG = '--headless=new';

export const INSTALL_HINT =
  'No Chromium found for the end-to-end tests: install one with `sudo apt-get install -y chromium` (Debian/Ubuntu), set CHROMIUM_PATH to a Chromium or Chrome binary, or run `npx playwright install chromium`.';

/** CHROMIUM_PATH, then Debian's /usr/bin/chromium, then Playwright's own download if the user made one. */
export async function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const path of candidates) if (path && existsSync(path)) return path;
  try {
    const { chromium } = await import('@playwright/test');
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // Playwright not installed or no browser of its own: fall through.
  }
  return undefined;
}
