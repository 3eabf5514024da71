// Finds the kubectl output a lesson would show typed by hand: fenced code blocks that hold a command's
// output (a `$ kubectl` or `$ sim` line followed by output, a kubectl table header such as
// `NAME   ADDRESSTYPE`, describe fields such as `Name:` or `TargetPort:`, the Endpoints deprecation warning,
// YAML holding fields only the controllers write such as a targetRef to a Pod). Lessons show such
// output with <Transcript session="..."/> instead, generated from content/transcripts. A block that
// must stay hand-typed (for example the output of a real cluster the simulator does not model) carries
// the marker `{/* hand-typed-output: <reason> */}` on the line right before its fence.

export interface OutputBlock {
  line: number; // 1-based line of the opening fence
  firstLine: string;
  reason: string;
}

const OPT_OUT = /\{\/\*\s*hand-typed-output:\s*(\S.*?)\s*\*\/\}/;

// Fields only a controller writes: an object holding one was read from a cluster, not written by the learner.
const CONTROLLER_WRITTEN = [
  /^\s*targetRef:.*\bkind: Pod\b/,
  /^\s*kind: Pod\s*$/, // inside a multi-line targetRef
  /endpointslice\.kubernetes\.io\/managed-by: endpointslice(mirroring)?-controller\.k8s\.io/,
  /endpoints\.kubernetes\.io\/managed-by: endpoint-controller/,
  /^\s*forZones:/,
  /^\s*notReadyAddresses:/,
];

/** Why a block's lines look like kubectl output, or undefined when they do not. */
export function outputReason(lines: string[]): string | undefined {
  const written = lines.find((l) => CONTROLLER_WRITTEN.some((re) => re.test(l)));
  if (written) return `an object the controllers wrote ("${written.trim()}")`;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (/^(Port|TargetPort|Endpoints|Selector|Subsets|AddressType|IP Family Policy):\s{2,}\S/.test(l)) return `a kubectl describe field "${l.trim()}"`;
    if (/^NAME {2,}\S/.test(l) && /^NAME( {2,}[A-Z][A-Z -]*)+$/.test(l.trimEnd())) return `a kubectl table header "${l.trim()}"`;
    if (/^Name:\s+\S/.test(l)) return `a kubectl describe header "${l.trim()}"`;
    if (/^Warning: v1 Endpoints is deprecated/.test(l)) return 'the Endpoints deprecation warning kubectl prints';
    if (/^\$ (kubectl|k|sim)\s/.test(l)) {
      const next = lines[i + 1];
      if (next !== undefined && next.trim() !== '' && !next.startsWith('$ ')) return `the output of "${l.trim()}"`;
    }
  }
  return undefined;
}

/** Every fenced block in an MDX source that looks like hand-typed kubectl output and is not opted out. */
export function handTypedOutputBlocks(source: string): OutputBlock[] {
  const lines = source.split('\n');
  const found: OutputBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})(.*)$/.exec(lines[i]);
    if (!open) continue;
    const fence = open[2];
    let end = i + 1;
    while (end < lines.length && !lines[end].trimStart().startsWith(fence)) end++;
    const body = lines.slice(i + 1, end).map((l) => l.slice(Math.min(open[1].length, l.length - l.trimStart().length)));
    const reason = outputReason(body);
    let before = i - 1;
    while (before >= 0 && lines[before].trim() === '') before--;
    const optedOut = before >= 0 && OPT_OUT.test(lines[before]);
    if (reason && !optedOut) found.push({ line: i + 1, firstLine: body[0] ?? '', reason });
    i = end;
  }
  return found;
}

/** The <Transcript session="..." steps="..."/> elements of a lesson (one element per line). */
export function transcriptSessions(source: string): { name: string; steps?: string; line: number }[] {
  const out: { name: string; steps?: string; line: number }[] = [];
  source.split('\n').forEach((l, idx) => {
    for (const tag of l.match(/<Transcript\b[^>]*>/g) ?? []) {
      const attr = (a: string) => new RegExp(`\\b${a}="([^"]*)"`).exec(tag)?.[1];
      const name = attr('session');
      if (name !== undefined) out.push({ name, steps: attr('steps'), line: idx + 1 });
    }
  });
  return out;
}
