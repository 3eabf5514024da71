// The Terminal tab: the simulated kubectl against a cluster holding the exercise's objects and the
// learner's manifest (the one the editor simulated, behind a copy-on-write view: the learner's
// commands change a fork of it). History on ArrowUp/ArrowDown; the exercise's suggested commands one
// click away. When the manifest changed since the last command, the terminal moves to its cluster.
import type { Cluster } from '../../sim/types';

export interface TerminalHost {
  /** The current editor text. */
  text(): string;
  /** The cluster for that text, for this terminal to change as it likes. */
  cluster(text: string): Cluster;
  run(cluster: Cluster, text: string, line: string): { output: string; exitCode: number };
}

export function createTerminal(panel: HTMLElement, prefix: string, suggested: readonly string[], host: TerminalHost) {
  const history: string[] = [];
  let cursor = 0;
  let cluster: Cluster | undefined;
  let builtFor: string | undefined;

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
  form.append(label, input, runButton);

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
  help.textContent = 'Commands: kubectl get, describe, apply -f, delete, label, scale, rollout restart; sim … moves the cluster; clear empties the screen. Up and Down arrows recall earlier commands.';
  panel.append(suggestions, log, form, help);

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
    if (!cluster || builtFor !== text) {
      if (cluster) print('(the manifest changed: this is now the cluster it gives; changes made here before are gone)\n', 'ex-term-note');
      cluster = host.cluster(text);
      builtFor = text;
    }
    print(`$ ${line}\n`, 'ex-term-cmd');
    const { output } = host.run(cluster, text, line);
    print(output.endsWith('\n') || output === '' ? output : `${output}\n`);
  }

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
