import { describe, expect, it } from 'vitest';
import { copyState } from './fork';

class Part {
  items = new Map<string, { n: number }>();
  constructor(readonly onChange: () => string) {}
}

class Whole {
  readonly part: Part;
  readonly deps: { part: Part; now: () => string; limit: number };
  log: { n: number }[] = [];
  constructor(readonly name: string) {
    this.part = new Part(() => this.name);
    this.deps = { part: this.part, now: () => `${this.name} now`, limit: 3 };
  }
}

describe('copyState', () => {
  it('copies data, keeps the fork’s own functions and parts, and keeps shared references shared', () => {
    const a = new Whole('a');
    const shared = { n: 1 };
    a.part.items.set('x', shared);
    a.log.push(shared);
    const b = new Whole('b');
    const bPart = b.part;
    copyState(a, b);
    expect(b.part).toBe(bPart); // the fork's own instance, filled in
    expect(b.deps.part).toBe(bPart);
    expect(b.part.onChange()).toBe('a'); // name copied; the closure is the fork's, reading the fork's field
    expect(b.deps.now()).toBe('a now');
    expect(b.part.items.get('x')).toBe(b.log[0]); // one object reached twice is copied once
    expect(b.log[0]).not.toBe(shared);
    b.log[0].n = 2;
    expect(shared.n).toBe(1);
  });

  it('keeps lazy getters and shares frozen values', () => {
    const frozen = Object.freeze({ n: 1 });
    let calls = 0;
    const a = { frozen, lazy: 0 };
    Object.defineProperty(a, 'lazy', { enumerable: true, get: () => ++calls });
    const b = { frozen: { n: 0 }, lazy: 0 };
    copyState(a, b);
    expect(b.frozen).toBe(frozen);
    expect(calls).toBe(0); // not computed by the copy
    expect(b.lazy).toBe(1);
  });

  it('refuses state it cannot copy: a function only the original has', () => {
    const a = { f: () => 1 };
    expect(() => copyState(a, {})).toThrow('fork: Object.f is a function the fork does not have');
  });
});
