import { describe, expect, it } from 'vitest';
import { loadExercise } from './load';
import { rankHints } from './hints';
import { miniMarkdown } from './markdown';
import type { Diagnostic } from '../diagnose';

const exerciseYaml = (extra = '') => `id: demo
title: A demo
lesson: services
goal: Make the demo work.
checks:
  - type: noErrorDiagnostics
    id: clean
    says: No error is left.
starterFails: [clean]
hints:
  - text: Look at the selector first.
${extra}`;

const files = (map: Record<string, string>) => (f: string) => map[f];

describe('loadExercise', () => {
  it('reads exercise.yaml with defaults and the starter and solution files', () => {
    const ex = loadExercise('exercises/demo', files({ 'exercise.yaml': exerciseYaml(), 'starter.yaml': 'a: 1\n', 'solution.yaml': 'a: 2\n' }));
    expect(ex).toMatchObject({ id: 'demo', file: 'manifest.yaml', cluster: '', commands: [], starterText: 'a: 1\n', solutionText: 'a: 2\n' });
  });
  it('names the file and the field when the schema rejects it', () => {
    const bad = exerciseYaml().replace('type: noErrorDiagnostics', 'type: fancyCheck');
    expect(() => loadExercise('exercises/demo', files({ 'exercise.yaml': bad }))).toThrow(/exercises\/demo\/exercise\.yaml does not match the exercise schema:\n {2}- checks\.0/);
  });
  it('refuses a hint tied to a diagnostic without a mistake that shows it', () => {
    const y = exerciseYaml('  - text: The selector has a typo.\n    diagnostic: selector-near-miss\n');
    expect(() => loadExercise('exercises/demo', files({ 'exercise.yaml': y, 'starter.yaml': 'a', 'solution.yaml': 'b' }))).toThrow(/hints\.1.*mistake/s);
  });
  it('refuses an unknown diagnostic code', () => {
    const y = exerciseYaml('  - text: Not a real code here.\n    diagnostic: made-up\n    mistake: x\n');
    expect(() => loadExercise('exercises/demo', files({ 'exercise.yaml': y }))).toThrow(/hints\.1\.diagnostic/);
  });
  it('refuses starterFails without an entry, naming a check id that does not exist, and duplicate check ids', () => {
    const load = (y: string) => () => loadExercise('exercises/demo', files({ 'exercise.yaml': y, 'starter.yaml': 'a', 'solution.yaml': 'b' }));
    expect(load(exerciseYaml().replace('starterFails: [clean]\n', ''))).toThrow(/\n {2}- starterFails: Invalid input: expected array, received undefined/);
    expect(load(exerciseYaml().replace('starterFails: [clean]', 'starterFails: []'))).toThrow(/- starterFails: Too small/);
    expect(load(exerciseYaml().replace('starterFails: [clean]', 'starterFails: [clean, tidy]'))).toThrow(
      /\n {2}- starterFails\.1: no check has the id "tidy" \(ids: clean\)/,
    );
    const twice = exerciseYaml().replace('starterFails:', '  - type: noErrorDiagnostics\n    id: clean\n    says: Still no error.\nstarterFails:');
    expect(load(twice)).toThrow(/\n {2}- checks\.1\.id: duplicate check id "clean"/);
  });
  it('refuses an id that differs from the folder, a missing file, and a solution equal to the starter', () => {
    expect(() => loadExercise('exercises/other', files({ 'exercise.yaml': exerciseYaml() }))).toThrow(/must equal the folder name "other"/);
    expect(() => loadExercise('exercises/demo', files({ 'exercise.yaml': exerciseYaml(), 'starter.yaml': 'a' }))).toThrow(/exercises\/demo\/solution\.yaml: file not found/);
    expect(() => loadExercise('exercises/demo', files({ 'exercise.yaml': exerciseYaml(), 'starter.yaml': 'a: 1\n', 'solution.yaml': 'a: 1' }))).toThrow(/same text as the starter/);
  });
});

describe('rankHints', () => {
  const d = (code: Diagnostic['code']): Diagnostic => ({ code, severity: 'error', message: '', object: { kind: 'Service', namespace: 'default', name: 'x' }, fix: '', lesson: '' });
  it('puts hints for firing diagnostics first, in the diagnostics order, and keeps general hints apart', () => {
    const hints = [
      { text: 'general one' },
      { text: 'about ports', diagnostic: 'target-port-not-declared' as const, mistake: 'x' },
      { text: 'about labels', diagnostic: 'selector-matches-no-pods' as const, mistake: 'x' },
      { text: 'not firing', diagnostic: 'empty-selector' as const, mistake: 'x' },
    ];
    const r = rankHints(hints, [d('selector-matches-no-pods'), d('target-port-not-declared')]);
    expect(r.matched.map((h) => h.text)).toEqual(['about labels', 'about ports']);
    expect(r.general.map((h) => h.text)).toEqual(['general one']);
  });
});

describe('miniMarkdown', () => {
  it('renders paragraphs, code and bold, and escapes everything else', () => {
    expect(miniMarkdown('Use `app: <x>` and **all**\nlabels.\n\n<script>x</script>')).toBe(
      '<p>Use <code>app: &lt;x&gt;</code> and <strong>all</strong> labels.</p><p>&lt;script&gt;x&lt;/script&gt;</p>',
    );
  });
});
