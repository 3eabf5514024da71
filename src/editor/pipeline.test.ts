// One simulation per keystroke: an edit evaluated by the exercise session, then shown by every panel
// (EndpointSlices, Endpoints, Diagram, Hints), checked, and the terminal's first command, makes one
// cluster and reconciles each Service once; the island reads them exactly as done here.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rankHints } from '../exercises/hints';
import { loadExercise } from '../exercises/load';
import { ExerciseSession } from '../exercises/session';
import { simCounters, simulate, type SimCounters } from '../sim';
import { diagramSvg } from './panels/diagram';
import { diagramModel } from './panels/diagram-model';
import { writesView } from './panels/writes-model';
import { objectsViews } from './panels/objects';

const root = 'exercises';
const ids = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();
const exerciseOf = (id: string) =>
  loadExercise(`${root}/${id}`, (f) => (existsSync(join(root, id, f)) ? readFileSync(join(root, id, f), 'utf8') : undefined));

/** The counters' change while `work` runs. */
function measure(work: () => void): SimCounters {
  const before = simCounters();
  work();
  const after = simCounters();
  return { clusters: after.clusters - before.clusters, serviceSyncs: after.serviceSyncs - before.serviceSyncs };
}

/** What the island does after one edit, and when the learner presses Check and runs a command. */
function editAndShowEverything(session: ExerciseSession, text: string, command: string) {
  const ev = session.evaluate(text);
  const views = objectsViews(ev.cluster!);
  const diagram = diagramSvg(ev.state!);
  const diagramView = diagramModel(ev.state!);
  const writes = writesView(ev.cluster!.writes(), ev.cluster!.list('Node').length, 'your last edit');
  const hints = rankHints(session.exercise.hints, ev.diagnostics);
  const checks = session.check(text);
  const terminal = session.kubectl(session.clusterFor(text), text, command);
  return { ev, views, diagram, diagramView, writes, hints, checks, terminal };
}

describe('one simulation per keystroke', () => {
  expect(ids.length).toBeGreaterThanOrEqual(6);

  for (const id of ids) {
    it(`${id}: an edit, every panel, the checks and the terminal's first command simulate once`, () => {
      const exercise = exerciseOf(id);
      const session = new ExerciseSession(exercise);
      session.evaluate(exercise.starterText); // the text before the keystroke
      const command = exercise.commands[0] ?? 'kubectl get endpointslices';

      let shown!: ReturnType<typeof editAndShowEverything>;
      const pipeline = measure(() => (shown = editAndShowEverything(session, exercise.solutionText, command)));
      const oneSimulation = measure(() => simulate(structuredClone(shown.ev.objects)));

      // A prediction check runs its steps (a scale-down, the clock) on a fork, as the learner would in the
      // terminal: that work, measured on its own, is all the checks may add to the one simulation.
      const steps = exercise.checks.flatMap((c) => (c.type === 'prediction' ? c.steps : []));
      const stepsCost = measure(() => {
        const fork = session.clusterFor(exercise.solutionText);
        for (const line of steps) session.kubectl(fork, exercise.solutionText, line);
      });
      if (steps.length === 0) expect(stepsCost).toEqual({ clusters: 0, serviceSyncs: 0 });

      expect(oneSimulation.clusters).toBe(1);
      expect(oneSimulation.serviceSyncs).toBeGreaterThan(0); // the counter counts something
      expect(pipeline).toEqual({
        clusters: oneSimulation.clusters + stepsCost.clusters,
        serviceSyncs: oneSimulation.serviceSyncs + stepsCost.serviceSyncs,
      });

      // ...and what was shown is real output, not an empty shortcut.
      expect(shown.views.endpointSlices.table).toMatch(/^NAME\s+ADDRESSTYPE\s+PORTS\s+ENDPOINTS\s+AGE\n/);
      expect(shown.views.endpoints.table).toContain('Warning: v1 Endpoints is deprecated in v1.33+');
      expect(shown.views.endpointSlices.objects.length).toBe(shown.ev.state!.endpointSlices.length);
      expect(shown.diagram).toContain('<svg');
      expect(shown.diagramView.length).toBe(shown.ev.state!.services.length);
      expect(shown.writes.rows.length).toBe(shown.ev.cluster!.writes().length);
      expect(shown.checks.filter((c) => !c.passed)).toEqual([]);
      expect(shown.terminal.output).not.toBe('');

      // The same text again (Check pressed twice, another panel opened) costs nothing.
      expect(measure(() => editAndShowEverything(session, exercise.solutionText, command))).toEqual({ clusters: 0, serviceSyncs: 0 });
    });
  }

  it('a terminal command that changes the cluster changes a fork: the panels keep what the text gives', () => {
    const exercise = exerciseOf('create-example-service');
    const session = new ExerciseSession(exercise);
    const text = exercise.solutionText;
    const ev = session.evaluate(text);
    const before = objectsViews(ev.cluster!);
    const terminal = session.clusterFor(text);
    const pod = ev.state!.pods[0].metadata.name!;
    const used = measure(() => {
      expect(session.kubectl(terminal, text, `kubectl delete pod ${pod}`).output).toBe(`pod "${pod}" deleted from default namespace\n`);
      session.kubectl(terminal, text, 'sim advance 31s');
    });
    expect(used.clusters).toBe(0); // a fork, not a new simulation
    expect(session.kubectl(terminal, text, 'kubectl get pods').output).not.toContain(`${pod} `);
    expect(objectsViews(session.evaluate(text).cluster!)).toEqual(before);
    expect(session.kubectl(session.clusterFor(text), text, 'kubectl get pods').output).toContain(`${pod} `);
  });

  it('while the text does not validate, the exercise’s own cluster is simulated once for the whole session', () => {
    const exercise = exerciseOf('create-example-service');
    const session = new ExerciseSession(exercise);
    const broken = (n: number) => `${exercise.starterText}\nbroken${n}: [`;
    const first = measure(() => {
      expect(session.evaluate(broken(1)).state).toBeUndefined();
      session.check(broken(1));
      session.kubectl(session.clusterFor(broken(1)), broken(1), 'kubectl get pods');
    });
    expect(first.clusters).toBe(1);
    const later = measure(() => {
      session.evaluate(broken(2));
      session.check(broken(2));
      session.kubectl(session.clusterFor(broken(2)), broken(2), 'kubectl get pods');
    });
    expect(later).toEqual({ clusters: 0, serviceSyncs: 0 });
  });
});
