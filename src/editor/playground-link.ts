// Links to the playground: the whole editor text (and the sample it started from) in the URL
// fragment, compressed with lz-string. A fragment never leaves the browser (it is not sent with
// the request), so a shared link opens the same cluster offline and the text goes nowhere.
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';

export const PLAYGROUND_PATH = '/playground/';

export interface PlaygroundState {
  /** The sample the text started from (an id from the playground's list), when known. */
  sample?: string;
  text: string;
}

/** `sample=<id>&text=<lz-string>`: lz-string's URI alphabet has no & or =, so plain splitting reads it back. */
export function encodeFragment(state: PlaygroundState): string {
  const parts = [];
  if (state.sample) parts.push(`sample=${encodeURIComponent(state.sample)}`);
  parts.push(`text=${compressToEncodedURIComponent(state.text)}`);
  return parts.join('&');
}

/** The state in a fragment (with or without its #); undefined when it holds none; an error when it is damaged. */
export function decodeFragment(hash: string): PlaygroundState | { error: string } | undefined {
  const fields = new Map(
    hash.replace(/^#/, '').split('&').filter(Boolean).map((kv) => {
      const i = kv.indexOf('=');
      return i < 0 ? [kv, ''] : [kv.slice(0, i), kv.slice(i + 1)];
    }),
  );
  const packed = fields.get('text');
  if (packed === undefined) return undefined;
  const text = decompressFromEncodedURIComponent(packed);
  // lz-string answers null or '' for a cut or edited link rather than throwing.
  if (text === null || (text === '' && packed !== compressToEncodedURIComponent(''))) return { error: 'The link is damaged (cut short or edited): its text cannot be read back.' };
  let sample: string | undefined;
  try {
    sample = fields.has('sample') ? decodeURIComponent(fields.get('sample')!) : undefined;
  } catch {
    sample = undefined;
  }
  return { sample, text };
}

export function playgroundHref(state: PlaygroundState): string {
  return `${PLAYGROUND_PATH}#${encodeFragment(state)}`;
}

/** An exercise's whole cluster as one playground text: its read-only objects, then the learner's. */
export function exerciseAsPlaygroundText(title: string, cluster: string, text: string): string {
  const head = `# From the exercise "${title}": its cluster, then your text.\n`;
  return cluster.trim() ? `${head}${cluster.trimEnd()}\n---\n${text}` : `${head}${text}`;
}
