// The only exercise code a lesson page loads up front: it waits until an exercise scrolls near the
// viewport (or its "Open the editor" button is pressed) and then imports the editor island, so
// pages without exercises ship no editor code and pages with them load it on demand.
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

async function start(mount: HTMLElement): Promise<void> {
  if (mount.dataset.state) return;
  mount.dataset.state = 'loading';
  const exercise = readExercise(mount);
  if (!exercise) return;
  const status = mount.querySelector<HTMLElement>('.exercise-load-status');
  if (status) status.textContent = 'Loading the editor…';
  try {
    const { mountExercise } = await import('./island');
    await mountExercise(mount, exercise);
    mount.dataset.state = 'ready';
  } catch (error) {
    mount.dataset.state = 'failed';
    if (status) status.textContent = `The editor could not start (${(error as Error).message}). The starter and the cluster stay readable above.`;
    throw error;
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
      button.addEventListener('click', () => void start(mount));
    }
    if (observer) observer.observe(mount);
  }
}
