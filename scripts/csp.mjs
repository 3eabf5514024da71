// The site's Content-Security-Policy, in one place: astro.config.mjs puts it in every page's <meta>,
// scripts/serve.mjs sends it as a header, scripts/bundle.mjs writes it into the pages of the zip.
// No dependencies: the zip's serve.mjs imports this file with nothing installed.
//
// At config time the built pages do not exist yet, so the meta tag cannot name the inline scripts
// Starlight emits and allows 'unsafe-inline' scripts. Once the site is built, `policyForSite(dist)`
// hashes every inline script instead and drops 'unsafe-inline' for scripts: that is the header of
// `npm start` (browsers enforce both policies, so the stricter header wins) and the meta of the zip.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

// Inline styles stay allowed: Starlight and Expressive Code put colours and icon sizes in style=""
// attributes, and Monaco inserts <style> elements at run time. Styles cannot run code.
const BASE = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"], // search (Pagefind) runs WebAssembly; no 'unsafe-eval'
  'style-src': ["'self'", "'unsafe-inline'"],
  'worker-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

/** 'sha256-…' of a script's text exactly as it stands between its tags. */
export const sha256Source = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The policy as a header or meta value; with `scriptHashes` inline scripts need one of them. */
export function policy({ scriptHashes } = {}) {
  const directives = { ...BASE };
  directives['script-src'] = scriptHashes
    ? [...BASE['script-src'], ...[...new Set(scriptHashes)].sort()]
    : [...BASE['script-src'], "'unsafe-inline'"];
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/** What astro.config.mjs puts in the <meta> of every page (no hashes: the pages are not built yet). */
export const META_POLICY = policy();

// Script raw text ends at the first `</script` (HTML tokenizer rule), so a non-greedy match is exact.
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const NOT_EXECUTED = /\btype\s*=\s*["']?(application\/(ld\+)?json|importmap|text\/plain)/i;

/** Hashes of the inline scripts a page runs (data blocks such as application/json are not scripts). */
export function inlineScriptHashes(html) {
  const hashes = [];
  for (const [, attributes, text] of html.matchAll(SCRIPT)) {
    if (/\bsrc\s*=/i.test(attributes) || NOT_EXECUTED.test(attributes) || text === '') continue;
    hashes.push(sha256Source(text));
  }
  return hashes;
}

function htmlFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

/** The strict policy for a built site: every inline script of every page, by hash. */
export function policyForSite(dir) {
  const hashes = htmlFiles(dir).flatMap((file) => inlineScriptHashes(readFileSync(file, 'utf8')));
  return policy({ scriptHashes: hashes });
}

const META = /(<meta\s+http-equiv=["']?content-security-policy["']?\s+content=")([^"]*)(")/i;

/** The page with its CSP meta set to `value` (one is added to <head> when the page has none). */
export function withMetaPolicy(html, value) {
  const escaped = value.replace(/"/g, '&quot;');
  if (META.test(html)) return html.replace(META, (_, open, _old, close) => `${open}${escaped}${close}`);
  return html.replace(/<head([^>]*)>/i, `<head$1><meta http-equiv="Content-Security-Policy" content="${escaped}">`);
}
