// One exercise's pipeline, the same in the browser and in the unit test: validate the learner's
// text, simulate the exercise's cluster plus the learner's objects ONCE, diagnose, and keep that
// cluster: the panels read it, the checks and the terminal run kubectl on a copy-on-write view of it
// (a command that changes the cluster changes a fork, never what the panels show).
import { copyOnWrite, settledCluster, stateOf } from '../sim';
import { diagnose, type Diagnostic } from '../diagnose';
import { COMMAND_INTERVAL_SECONDS, runTerminalLine } from '../kubectl';
import type { Cluster, ClusterReader, KObject, ObjectRef, SimulationResult } from '../sim/types';
import { validateManifests } from '../validate';
import type { ParsedObject, Range, ValidationResult } from '../validate/types';
import { runChecks, type CheckResult, type KubectlOutput } from './checks';
import { rangeForPointer } from './ranges';
import type { Exercise } from './schema';

export interface LocatedDiagnostic extends Diagnostic {
  /** Where in the learner's text, when the diagnostic is about an object the learner wrote. */
  range?: Range;
}

export interface Evaluation {
  text: string;
  validation: ValidationResult;
  /** Undefined when the text has validation errors (the editor keeps the last good result). */
  state?: SimulationResult;
  /** The cluster `state` was read from, settled: read it, or fork it to change a copy. */
  cluster?: ClusterReader;
  /** The exercise's cluster objects followed by the learner's valid ones (what was simulated). */
  objects: KObject[];
  /** Set when the simulator or the diagnostics threw: a bug to report, shown instead of a crash. */
  internalError?: string;
  diagnostics: LocatedDiagnostic[];
}

const refOf = (o: KObject): ObjectRef => ({
  kind: o.kind as ObjectRef['kind'],
  namespace: o.metadata.namespace ?? 'default',
  name: o.metadata.name ?? '',
});

export class ExerciseSession {
  readonly clusterObjects: KObject[];
  private cache?: { text: string; evaluation: Evaluation };
  /** The exercise's own objects, simulated (once, when first needed): what stands while the text does not validate. */
  private base?: Simulated;
  private checked?: { text: string; results: CheckResult[] };

  constructor(readonly exercise: Exercise) {
    const base = validateManifests(exercise.cluster, { filename: 'cluster.yaml' });
    if (base.errors.length)
      throw new Error(`exercise ${exercise.id}: its cluster manifests are invalid: ${base.errors.map((e) => e.message).join('; ')}`);
    this.clusterObjects = base.objects.map((p) => p.object);
  }

  /** Validates and simulates `text`; the last text's evaluation is kept, so asking again costs nothing. */
  evaluate(text: string): Evaluation {
    if (this.cache?.text === text) return this.cache.evaluation;
    const validation = validateManifests(text, { filename: this.exercise.file });
    let evaluation: Evaluation = { text, validation, diagnostics: [], objects: this.clusterObjects };
    if (validation.errors.length === 0) {
      const learner = validation.objects.map((p) => p.object);
      const objects = [...this.clusterObjects, ...learner];
      try {
        const { cluster, state } = simulateOnce(objects);
        evaluation = { text, validation, state, cluster, diagnostics: [], objects };
        evaluation.diagnostics = diagnose({ objects, state, userRefs: learner.map(refOf) }).map((d) =>
          locate(d, validation.objects),
        );
      } catch (e) {
        evaluation = { ...evaluation, objects, internalError: (e as Error).message || String(e) };
      }
    }
    this.cache = { text, evaluation };
    return evaluation;
  }

  /** The settled cluster for `text`: its evaluation's, or the exercise's own while the text does not validate. */
  private settled(text: string): Simulated {
    const { cluster, state } = this.evaluate(text);
    if (cluster && state) return { cluster, state };
    return (this.base ??= simulateOnce(this.clusterObjects));
  }

  /**
   * A cluster holding the exercise's objects and the learner's valid ones, for kubectl: a
   * copy-on-write view of the one simulated for `text` (reading it copies nothing; the first change
   * forks it, so the panels keep showing what the text gives). The edit is applied at the start
   * time; the first command comes one command interval later (runTerminalLine moves the clock after
   * each command), so a command never shares the edit's timestamp.
   */
  clusterFor(text: string): Cluster {
    const view = copyOnWrite(this.settled(text).cluster);
    view.advance(COMMAND_INTERVAL_SECONDS); // a change: the view forks here, the panels' cluster stays
    return view;
  }

  /**
   * Runs one command line typed at the exercise's terminal (or a check's command); `-f <file>` reads the
   * learner's text under the exercise's file name. The clock then moves on (runTerminalLine).
   */
  kubectl(cluster: Cluster, text: string, line: string): KubectlOutput & { output: string } {
    const step = runTerminalLine(cluster, line.trim(), { files: { [this.exercise.file]: text } });
    return { stdout: step.stdout, stderr: step.stderr, exitCode: step.exitCode, output: step.output };
  }

  /** The same text gives the same results (the checks are deterministic): Check pressed twice costs nothing. */
  check(text: string): CheckResult[] {
    if (this.checked?.text === text) return this.checked.results;
    const results = this.runChecks(text);
    this.checked = { text, results };
    return results;
  }

  private runChecks(text: string): CheckResult[] {
    const evaluation = this.evaluate(text);
    const { state } = this.settled(text);
    let cluster: Cluster | undefined;
    return runChecks(this.exercise.checks, {
      state,
      diagnostics: evaluation.diagnostics,
      validationErrors: evaluation.validation.errors.map((e) => `line ${e.range.start.line}: ${e.message}`),
      kubectl: (line) => this.kubectl((cluster ??= this.clusterFor(text)), text, line),
    });
  }
}

interface Simulated {
  cluster: ClusterReader;
  state: SimulationResult;
}

function simulateOnce(objects: KObject[]): Simulated {
  const cluster = settledCluster(structuredClone(objects));
  return { cluster, state: stateOf(cluster) };
}

function locate(d: Diagnostic, parsed: ParsedObject[]): LocatedDiagnostic {
  if (d.path === undefined) return d;
  const obj = parsed.find(
    (p) =>
      p.object.kind === d.object.kind &&
      p.object.metadata.name === d.object.name &&
      (p.object.metadata.namespace ?? 'default') === d.object.namespace,
  );
  return obj ? { ...d, range: rangeForPointer(obj, d.path) } : d;
}
