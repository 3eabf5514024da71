// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { sidebarFromCourse } from './src/course/modules.mjs';

// Thin on purpose: the course shell is Starlight; the course's own pieces are component overrides.
export default defineConfig({
  site: 'http://localhost:4321',
  // Starlight and Astro use js-yaml 4 (default export), the course uses js-yaml 5 (named exports):
  // bundling js-yaml lets each importer get its own version instead of the hoisted one at run time.
  vite: {
    ssr: { noExternal: ['js-yaml'] },
    environments: { prerender: { resolve: { noExternal: ['js-yaml'] } } },
  },
  integrations: [
    starlight({
      title: 'SliceLab',
      description: 'Learn Kubernetes Services, Endpoints and EndpointSlices with a simulator in your browser.',
      sidebar: sidebarFromCourse(),
      customCss: ['./src/styles/course.css'],
      components: {
        MarkdownContent: './src/components/LessonContent.astro',
        Sidebar: './src/components/CourseSidebar.astro',
        ThemeProvider: './src/components/GuardedThemeProvider.astro',
        ThemeSelect: './src/components/GuardedThemeSelect.astro',
        Search: './src/components/AccessibleSearch.astro',
      },
      lastUpdated: false,
      pagination: true,
    }),
  ],
});
