// Vite plugin (build only): CSS imported by the editor island and by Monaco becomes a JS module that
// adds a <style> element when the island loads. Astro otherwise links every CSS file a client
// script can reach, even through a dynamic import(), on every page (withastro/astro#9495): Monaco's
// 140 KB of CSS would then block the first paint of pages that never open an editor.
// url(...) references (the codicon font) are imported as assets so their hashed URLs still work.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const PREFIX = '\0slicelab-lazy-css:';

/** @param {{ include: (importer: string) => boolean }} options */
export function lazyCss({ include }) {
  return {
    name: 'slicelab-lazy-css',
    enforce: 'pre',
    apply: 'build',
    /** @this {any} */
    async resolveId(source, importer, options) {
      if (!importer || !/\.css$/.test(source) || importer.startsWith(PREFIX) || !include(importer)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      // The id must not end in .css, or Vite's own CSS pipeline would take it back.
      return resolved && !resolved.external ? `${PREFIX}${resolved.id}.mjs` : null;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const file = id.slice(PREFIX.length, -'.mjs'.length);
      const css = readFileSync(file, 'utf8');
      const imports = [];
      const parts = [];
      let last = 0;
      for (const m of css.matchAll(/url\((['"]?)([^'")]+)\1\)/g)) {
        const url = m[2];
        if (/^(data:|[a-z]+:|#|\/)/i.test(url)) continue;
        const name = `asset${imports.length}`;
        imports.push(`import ${name} from ${JSON.stringify(`${resolve(dirname(file), url.replace(/[?#].*$/, ''))}?url`)};`);
        parts.push(JSON.stringify(css.slice(last, m.index)), `"url(\\"" + ${name} + "\\")"`);
        last = m.index + m[0].length;
      }
      parts.push(JSON.stringify(css.slice(last)));
      return (
        `${imports.join('\n')}\n` +
        `const style = document.createElement('style');\n` +
        `style.dataset.source = ${JSON.stringify(file.split('/node_modules/').pop()?.split('/src/').pop() ?? '')};\n` +
        `style.textContent = ${parts.join(' + ')};\n` +
        `document.head.append(style);\n`
      );
    },
  };
}
