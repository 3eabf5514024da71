import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { decodeFragment, encodeFragment, exerciseAsPlaygroundText, playgroundHref } from './playground-link';

describe('playground links', () => {
  const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: "web & co = 1+1"\n# ünïcödé ✓\n';

  it('round-trips the whole text and the sample through the fragment', () => {
    const fragment = encodeFragment({ sample: 'dual-stack', text });
    expect(fragment).toMatch(/^sample=dual-stack&text=[A-Za-z0-9+$-]+$/);
    expect(decodeFragment(`#${fragment}`)).toEqual({ sample: 'dual-stack', text });
    expect(decodeFragment(encodeFragment({ text: '' }))).toEqual({ sample: undefined, text: '' });
    expect(playgroundHref({ text: 'a' })).toBe(`/playground/#text=${compressToEncodedURIComponent('a')}`);
  });

  it('compresses: a 1,000-line manifest fits in a link', () => {
    const big = Array.from({ length: 1000 }, (_, i) => `  - name: port-${i}\n    port: ${1000 + i}`).join('\n');
    expect(encodeFragment({ text: big }).length).toBeLessThan(big.length / 3);
  });

  it('no fragment, or one without text, is no state; a damaged one says so', () => {
    expect(decodeFragment('')).toBeUndefined();
    expect(decodeFragment('#sample=basic')).toBeUndefined();
    const cut = encodeFragment({ text: text.repeat(20) }).slice(0, 40);
    expect(decodeFragment(cut)).toEqual({ error: 'The link is damaged (cut short or edited): its text cannot be read back.' });
  });

  it("puts an exercise's cluster before the learner's text", () => {
    expect(exerciseAsPlaygroundText('T', 'kind: A\n', 'kind: B\n')).toBe('# From the exercise "T": its cluster, then your text.\nkind: A\n---\nkind: B\n');
    expect(exerciseAsPlaygroundText('T', '', 'kind: B\n')).toBe('# From the exercise "T": its cluster, then your text.\nkind: B\n');
  });
});
