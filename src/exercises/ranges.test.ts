import { describe, expect, it } from 'vitest';
import { validateManifests } from '../validate';
import { rangeForPointer } from './ranges';

const text = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: Web
    tier: front
  ports:
    - port: 80
`;

describe('rangeForPointer', () => {
  const [obj] = validateManifests(text).objects;
  it('points at a scalar value itself', () => {
    expect(rangeForPointer(obj, '/spec/selector/app')).toEqual({ start: { line: 7, col: 10 }, end: { line: 7, col: 13 } });
  });
  it('points at the key of a block value, one line, instead of the whole block', () => {
    expect(rangeForPointer(obj, '/spec/selector').start).toEqual({ line: 6, col: 3 });
    expect(rangeForPointer(obj, '/spec/selector').end.line).toBe(6);
  });
  it('lands a missing field on its nearest existing ancestor', () => {
    expect(rangeForPointer(obj, '/spec/ports/0/targetPort').start.line).toBe(10);
    expect(rangeForPointer(obj, '/metadata/labels/app').start).toEqual({ line: 3, col: 1 });
  });
});
