// The only exercise code a lesson page loads up front: it waits until an exercise scrolls near the
// viewport (or its "Open the editor" button is pressed) and then imports the editor island, so
// pages without exercises ship no editor code and pages with them load it on demand. When the
// island's chunk cannot be fetched (the server briefly unreachable), "Open the editor" tries again.
import type { Exercise } from '../exercises/schema';

function readExercise(mount: HTMLElement): Exercise | undefined {
  const id = mount.dataset.exerciseId;
  const script = document.querySelector<HTMLScriptElement>(`script[data-exercise-data="${id}"]`);
  try {
    return script?.textContent ? (JSON.parse(script.textContent) as Exercise) : undefined;
  } catch {
    return undefined;
  }
}

type Island = typeof import('./island');
let island: Promise<Island> | undefined;
/** The island chunk's URL, read from the error of a failed import. */
let chunkUrl: string | undefined;

/**
 * The island module, imported once; a failed import is forgotten, so the next try fetches again.
 * A browser may also remember the failed URL itself: the retry then asks for it under a query string.
 */
function importIsland(attempt: number): Promise<Island> {
  island ??= (attempt > 0 && chunkUrl ? import(/* @vite-ignore */ `${chunkUrl}?retry=${attempt}`) as Promise<Island> : import('./island')).catch(
    (error: unknown) => {
      island = undefined;
      chunkUrl = String((error as Error)?.message ?? '').match(/(https?:\/\/\S+?\.js)\b/)?.[1] ?? chunkUrl;
      throw error;
    },
  );
  return island;
}

async function start(mount: HTMLElement, byButton = false): Promise<void> {
  const state = mount.dataset.state;
  if (state === 'loading' || state === 'ready') return;
  const attempt = Number(mount.dataset.attempts ?? 0);
  mount.dataset.attempts = String(attempt + 1);
  mount.dataset.state = 'loading';
  const exercise = readExercise(mount);
  if (!exercise) return;
  const status = mount.querySelector<HTMLElement>('.exercise-load-status');
  const button = mount.querySelector<HTMLButtonElement>('.exercise-load');
  if (status) status.textContent = attempt ? 'Trying again to load the editor…' : 'Loading the editor…';
  try {
    const { mountExercise } = await importIsland(attempt);
    await mountExercise(mount, exercise);
    mount.dataset.state = 'ready';
    // The button that started it disappears: focus goes to the editor it opened, not to the page.
    if (byButton || document.activeElement === button)
      (mount as HTMLElement & { __focusEditor?: () => void }).__focusEditor?.();
  } catch (error) {
    mount.dataset.state = 'failed';
    if (status)
      status.textContent = `The editor could not start (${(error as Error).message}). The starter and the cluster stay readable above; “Open the editor” tries again.`;
    if (button) button.hidden = false;
    console.warn('slicelab: the editor could not start', error);
  }
}

export function watchExercises(): void {
  const mounts = [...document.querySelectorAll<HTMLElement>('.exercise-mount[data-exercise-id]')];
  const observer =
    'IntersectionObserver' in window
      ? new IntersectionObserver(
          (entries) => {
            for (const entry of entries) {
              if (!entry.isIntersecting) continue;
              observer?.unobserve(entry.target);
              void start(entry.target as HTMLElement);
            }
          },
          { rootMargin: '300px 0px' },
        )
      : undefined;
  for (const mount of mounts) {
    const button = mount.querySelector<HTMLButtonElement>('.exercise-load');
    if (button) {
      button.hidden = false;
      button.addEventListener('click', () => void start(mount, true));
    }
    if (observer) observer.observe(mount);
  }
}
