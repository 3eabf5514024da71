// The playground page: the exercise workspace on a free cluster. The text comes from the link's
// fragment (a shared link), else the last text typed here, else the first sample; every change is
// written back to the fragment (replaceState: no request, no history entry), so the address is always
// a link to what is on screen. Samples, download and upload are in the bar above the editor.
import { decodeFragment, encodeFragment } from '../editor/playground-link';
import type { Exercise } from '../exercises/schema';
import { DEFAULT_SAMPLE, type Sample } from './samples';

const FILE = 'playground.yaml';

function playgroundExercise(sample: Sample): Exercise {
  return {
    id: 'playground',
    title: 'Playground',
    lesson: 'playground',
    goal: 'Play freely.',
    cluster: '',
    file: FILE,
    starter: 'starter.yaml',
    solution: 'solution.yaml',
    starterText: sample.text,
    solutionText: '',
    checks: [],
    starterFails: [],
    hints: [],
    commands: ['kubectl get endpointslices', 'kubectl get pods -o wide', 'kubectl describe service', `kubectl apply -f ${FILE}`],
  };
}

async function start() {
  const mount = document.querySelector<HTMLElement>('.exercise-mount[data-exercise-id="playground"]')!;
  const status = document.getElementById('pg-status')!;
  const select = document.getElementById('pg-sample') as HTMLSelectElement;
  const samples = JSON.parse(document.getElementById('playground-data')!.textContent!) as Sample[];
  const byId = (id: string | undefined) => samples.find((s) => s.id === id);

  const fromLink = decodeFragment(location.hash);
  let sampleId = DEFAULT_SAMPLE;
  let initialText: string | undefined;
  if (fromLink && 'error' in fromLink) status.textContent = `${fromLink.error} Here is the last text you typed here, or a sample.`;
  else if (fromLink) {
    initialText = fromLink.text;
    if (byId(fromLink.sample)) sampleId = fromLink.sample!;
    status.textContent = 'Opened the text from the link.';
  }
  select.value = sampleId;

  const loadStatus = mount.querySelector<HTMLElement>('.exercise-load-status');
  mount.dataset.state = 'loading';
  let island;
  try {
    const { mountExercise } = await import('../editor/island');
    island = await mountExercise(mount, playgroundExercise(byId(sampleId)!), {
      playground: true,
      initialText,
      onText: (text) => history.replaceState(null, '', `#${encodeFragment({ sample: select.value, text })}`),
    });
    mount.dataset.state = 'ready';
  } catch (error) {
    mount.dataset.state = 'failed';
    if (loadStatus) loadStatus.textContent = `The editor could not start (${(error as Error).message}). Reload the page to try again.`;
    throw error;
  }
  const handle = island;

  document.getElementById('pg-load')!.addEventListener('click', () => {
    const s = byId(select.value);
    if (!s) return;
    handle.setText(s.text);
    status.textContent = `Loaded the sample “${s.title}”. Ctrl+Z in the editor brings your text back.`;
  });
  document.getElementById('pg-copy')!.addEventListener('click', async () => {
    const link = `${location.origin}${location.pathname}#${encodeFragment({ sample: select.value, text: handle.text() })}`;
    try {
      await navigator.clipboard.writeText(link);
      status.textContent = 'Link copied. It holds the whole text; opening it needs no server and sends the text nowhere.';
    } catch {
      status.textContent = 'The browser did not allow copying: the address bar holds the same link.';
    }
  });
  document.getElementById('pg-download')!.addEventListener('click', () => {
    const url = URL.createObjectURL(new Blob([handle.text()], { type: 'application/yaml' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = FILE;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    status.textContent = `Downloaded ${FILE}.`;
  });
  const upload = document.getElementById('pg-upload') as HTMLInputElement;
  upload.addEventListener('change', async () => {
    const file = upload.files?.[0];
    if (!file) return;
    if (file.size > 2_000_000) {
      status.textContent = `${file.name} is larger than 2 MB: not loaded.`;
    } else {
      handle.setText(await file.text());
      status.textContent = `Loaded ${file.name}. Ctrl+Z in the editor brings your previous text back.`;
    }
    upload.value = '';
  });
}

void start();
