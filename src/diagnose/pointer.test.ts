import { describe, expect, it } from 'vitest';
import { resolvePointer, toPointer } from './pointer';

describe('JSON pointers', () => {
  it('escapes ~ and / in keys (RFC 6901)', () => {
    expect(toPointer(['metadata', 'labels', 'kubernetes.io/service-name'])).toBe('/metadata/labels/kubernetes.io~1service-name');
    expect(toPointer(['a~b'])).toBe('/a~0b');
  });
  it('stops at the deepest node that exists', () => {
    const doc = { spec: { ports: [{ port: 80 }] } };
    expect(resolvePointer(doc, ['spec', 'ports', 0, 'targetPort'])).toBe('/spec/ports/0');
    expect(resolvePointer(doc, ['spec', 'ports', 3])).toBe('/spec/ports');
    expect(resolvePointer(doc, ['spec', 'selector', 'app'])).toBe('/spec');
    expect(resolvePointer(doc, ['spec', 'ports', 0, 'port'])).toBe('/spec/ports/0/port');
  });
});
