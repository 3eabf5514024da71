// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { fileURLToPath } from 'node:url';
import { sidebarFromCourse } from './src/course/modules.mjs';
import { lazyCss } from './src/editor/lazy-css-plugin.mjs';
import serviceWorker from './src/integrations/service-worker.mjs';
import { META_POLICY } from './scripts/csp.mjs';

// monaco-worker-manager (used by monaco-yaml) deep-imports this file, which monaco-editor's exports
// map hides since 0.56: point the bare specifier at the file itself.
const monacoEditorWorker = fileURLToPath(new URL('./node_modules/monaco-editor/esm/vs/editor/editor.worker.js', import.meta.url));

// No 'unsafe-eval': Monaco and the ajv standalone validators run without eval (tests/e2e/exercise-*.spec.ts).
// One policy for the meta tag, the server's header and the zip (scripts/csp.mjs).
const CSP = META_POLICY;

// Thin on purpose: the course shell is Starlight; the course's own pieces are component overrides.
export default defineConfig({
  site: 'http://localhost:4321',
  // Starlight and Astro use js-yaml 4 (default export), the course uses js-yaml 5 (named exports):
  // bundling js-yaml lets each importer get its own version instead of the hoisted one at run time.
  vite: {
    ssr: { noExternal: ['js-yaml'] },
    resolve: { alias: [{ find: 'monaco-editor/esm/vs/editor/editor.worker.js', replacement: monacoEditorWorker }] },
    worker: { format: 'es' },
    // The editor's CSS (Monaco's included) arrives with the editor, not on every page.
    plugins: [lazyCss({ include: (importer) => /\/node_modules\/monaco-editor\/|\/src\/editor\//.test(importer) })],
    environments: { prerender: { resolve: { noExternal: ['js-yaml'] } } },
  },
  integrations: [
    starlight({
      title: 'SliceLab',
      description: 'Learn Kubernetes Services, Endpoints and EndpointSlices with a simulator in your browser.',
      sidebar: [
        ...sidebarFromCourse(),
        {
          label: 'Your course',
          items: [
            { label: 'Your progress', link: '/progress/' },
            { label: 'Facilitator notes', link: '/facilitator/' },
          ],
        },
      ],
      customCss: ['./src/styles/course.css', './src/styles/print.css'],
      head: [
        { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP } },
        // Installable: with the service worker (src/integrations/service-worker.mjs) it opens offline.
        { tag: 'link', attrs: { rel: 'manifest', href: '/manifest.webmanifest' } },
      ],
      components: {
        MarkdownContent: './src/components/LessonContent.astro',
        Sidebar: './src/components/CourseSidebar.astro',
        ThemeProvider: './src/components/GuardedThemeProvider.astro',
        Search: './src/components/AccessibleSearch.astro',
        Head: './src/components/CourseHead.astro',
        SocialIcons: './src/components/HeaderLinks.astro',
      },
      lastUpdated: false,
      pagination: true,
    }),
    // After Starlight's Pagefind step, so the search index is in the precache.
    serviceWorker(),
  ],
});
