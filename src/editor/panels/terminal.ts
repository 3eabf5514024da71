// The Terminal tab: the simulated kubectl against a cluster holding the exercise's objects and the
// learner's manifest (the one the editor simulated, behind a copy-on-write view: the learner's
// commands change a fork of it). History on ArrowUp/ArrowDown; the exercise's suggested commands one
// click away. When the manifest changed since the last command, the terminal moves to its cluster;
// while it does not validate, the terminal stays on the last valid text and says so. Pipes after the
// command (`| grep`, `| head`, ...: pipes.ts) filter its standard output; "Copy output" (or
// Ctrl+Shift+C in the terminal) copies the last output.
import type { Cluster } from '../../sim/types';
import { applyPipes, parsePipeline } from './pipes';

export interface TerminalHost {
  /** The text the terminal runs against: the editor's, or its last valid one while it does not validate. */
  text(): string;
  /** Set while the editor's text does not validate (the terminal then runs against `text()`). */
  staleNote?(): string | undefined;
  /** The cluster for that text, for this terminal to change as it likes. */
  cluster(text: string): Cluster;
  run(cluster: Cluster, text: string, line: string): { output: string; stdout: string; stderr: string; exitCode: number };
}

export function createTerminal(panel: HTMLElement, prefix: string, suggested: readonly string[], host: TerminalHost) {
  const history: string[] = [];
  let cursor = 0;
  let cluster: Cluster | undefined;
  let builtFor: string | undefined;
  let lastOutput = '';
  let noted: string | undefined;

  const log = document.createElement('pre');
  log.className = 'ex-terminal-log';
  log.setAttribute('role', 'log');
  log.setAttribute('aria-label', 'Terminal output');
  log.tabIndex = 0;

  const form = document.createElement('form');
  form.className = 'ex-terminal-form';
  const label = document.createElement('label');
  label.htmlFor = `${prefix}-cmd`;
  label.textContent = '$';
  label.title = 'Command line';
  const input = document.createElement('input');
  input.id = `${prefix}-cmd`;
  input.type = 'text';
  input.autocomplete = 'off';
  input.spellcheck = false;
  input.setAttribute('aria-label', 'kubectl command');
  input.placeholder = 'kubectl get endpointslices';
  const runButton = document.createElement('button');
  runButton.type = 'submit';
  runButton.textContent = 'Run';
  const copyButton = document.createElement('button');
  copyButton.type = 'button';
  copyButton.textContent = 'Copy output';
  copyButton.setAttribute('aria-keyshortcuts', 'Control+Shift+C');
  form.append(label, input, runButton, copyButton);
  const copied = document.createElement('p');
  copied.className = 'ex-terminal-copied';
  copied.setAttribute('role', 'status');

  const suggestions = document.createElement('div');
  suggestions.className = 'ex-terminal-suggested';
  if (suggested.length) {
    const title = document.createElement('p');
    title.textContent = 'Try:';
    suggestions.append(title);
    for (const cmd of suggested) {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'ex-suggested';
      b.textContent = cmd;
      b.addEventListener('click', () => run(cmd));
      suggestions.append(b);
    }
  }
  const help = document.createElement('p');
  help.className = 'ex-terminal-help';
  help.textContent =
    'Commands: kubectl get, describe, apply -f, delete, label, scale, rollout restart; sim … moves the cluster; clear empties the screen. ' +
    'After a pipe: grep [-v] [-i], head [-n N], tail [-n N], wc -l, sort [-r]. Up and Down arrows recall earlier commands; Ctrl+Shift+C copies the last output.';
  panel.append(suggestions, log, form, copied, help);

  function print(text: string, cls?: string) {
    const span = document.createElement('span');
    if (cls) span.className = cls;
    span.textContent = text;
    log.append(span);
    log.scrollTop = log.scrollHeight;
  }

  function run(line: string) {
    line = line.trim();
    if (!line) return;
    if (history[history.length - 1] !== line) history.push(line);
    cursor = history.length;
    if (line === 'clear') {
      log.replaceChildren();
      return;
    }
    const text = host.text();
    const stale = host.staleNote?.();
    if (!cluster || builtFor !== text) {
      if (cluster) print('(the manifest changed: this is now the cluster it gives; changes made here before are gone)\n', 'ex-term-note');
      cluster = host.cluster(text);
      builtFor = text;
    }
    if (stale && stale !== noted) print(`(${stale})\n`, 'ex-term-note');
    noted = stale;
    print(`$ ${line}\n`, 'ex-term-cmd');
    const pipeline = parsePipeline(line);
    if ('error' in pipeline) {
      lastOutput = `${pipeline.error}\n`;
      print(lastOutput, 'ex-term-error');
      return;
    }
    const result = host.run(cluster, text, pipeline.command);
    const output = pipeline.stages.length ? result.stderr + applyPipes(result.stdout, pipeline.stages) : result.output;
    lastOutput = output.endsWith('\n') || output === '' ? output : `${output}\n`;
    print(lastOutput);
  }

  async function copyLast() {
    if (!lastOutput) {
      copied.textContent = 'Nothing to copy yet: run a command first.';
      return;
    }
    try {
      await navigator.clipboard.writeText(lastOutput);
      copied.textContent = 'The last output is copied.';
    } catch {
      copied.textContent = 'This browser did not allow copying: select the output and copy it by hand.';
    }
  }
  copyButton.addEventListener('click', () => void copyLast());
  panel.addEventListener('keydown', (e) => {
    if (e.ctrlKey && e.shiftKey && !e.altKey && e.key.toLowerCase() === 'c') {
      e.preventDefault();
      void copyLast();
    }
  });

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    run(input.value);
    input.value = '';
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowUp' && cursor > 0) {
      e.preventDefault();
      input.value = history[--cursor];
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      cursor = Math.min(history.length, cursor + 1);
      input.value = history[cursor] ?? '';
    }
  });
  return { run };
}
