// Which commands of a session a <Transcript steps="..."/> shows: one session can feed several blocks
// of a lesson (same cluster, same names and ages) while each block shows the commands its section is
// about. The hidden commands still run; the session file shows them in full.

/** The part of a session step (src/kubectl/session.ts SessionStep) a transcript prints. */
export interface ShownStep {
  command: string;
  output: string;
}

/** Parses "2", "2-4" or "1,3-5" (1-based, inclusive) into sorted indexes; throws on anything else. */
export function parseSteps(spec: string, count: number): number[] {
  const picked = new Set<number>();
  for (const part of spec.split(',').map((p) => p.trim())) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!m) throw new Error(`steps="${spec}": "${part}" is not a number or a range such as 2-4`);
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (from < 1 || to < from || to > count) throw new Error(`steps="${spec}": the session has commands 1-${count}`);
    for (let i = from; i <= to; i++) picked.add(i - 1);
  }
  return [...picked].sort((a, b) => a - b);
}

/** The transcript of the chosen steps, printed as runSession prints a whole session. */
export function transcriptOf(steps: ShownStep[]): string {
  return steps.map((s) => `$ ${s.command}\n${s.output}${s.output && !s.output.endsWith('\n') ? '\n' : ''}`).join('');
}

export function selectSteps(all: ShownStep[], spec: string | undefined): string {
  return transcriptOf(spec === undefined ? all : parseSteps(spec, all.length).map((i) => all[i]));
}
