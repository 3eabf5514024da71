// One exercise's pipeline, the same in the browser and in the unit test: validate the learner's
// text, simulate the exercise's cluster plus the learner's objects, diagnose, run the checks, and
// run kubectl against a cluster holding the same objects. Pure apart from the simulator's state.
import { createCluster, simulate } from '../sim';
import { diagnose, type Diagnostic } from '../diagnose';
import { COMMAND_INTERVAL_SECONDS, runCommandLine, runTerminalLine } from '../kubectl';
import type { Cluster, KObject, ObjectRef, SimulationResult } from '../sim/types';
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

  constructor(readonly exercise: Exercise) {
    const base = validateManifests(exercise.cluster, { filename: 'cluster.yaml' });
    if (base.errors.length)
      throw new Error(`exercise ${exercise.id}: its cluster manifests are invalid: ${base.errors.map((e) => e.message).join('; ')}`);
    this.clusterObjects = base.objects.map((p) => p.object);
  }

  evaluate(text: string): Evaluation {
    if (this.cache?.text === text) return this.cache.evaluation;
    const validation = validateManifests(text, { filename: this.exercise.file });
    let evaluation: Evaluation = { text, validation, diagnostics: [], objects: this.clusterObjects };
    if (validation.errors.length === 0) {
      const learner = validation.objects.map((p) => p.object);
      const objects = [...this.clusterObjects, ...learner];
      try {
        const state = simulate(structuredClone(objects));
        evaluation = { text, validation, state, diagnostics: [], objects };
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

  /**
   * A fresh cluster holding the exercise's objects and the learner's valid ones, applied at the start
   * time as one change (an edit rebuilds it); the first command comes one command interval later, so
   * it never shares the edit's timestamp.
   */
  clusterFor(text: string): Cluster {
    const cluster = createCluster();
    cluster.apply(structuredClone(this.evaluate(text).objects));
    cluster.advance(COMMAND_INTERVAL_SECONDS);
    return cluster;
  }

  /**
   * Runs one command line typed at the exercise's terminal (or a check's command); `-f <file>` reads the
   * learner's text under the exercise's file name. The clock then moves on (runTerminalLine).
   */
  kubectl(cluster: Cluster, text: string, line: string): KubectlOutput & { output: string } {
    const step = runTerminalLine(cluster, line.trim(), { files: { [this.exercise.file]: text } });
    return { stdout: step.stdout, stderr: step.stderr, exitCode: step.exitCode, output: step.output };
  }

  check(text: string): CheckResult[] {
    const evaluation = this.evaluate(text);
    const state = evaluation.state ?? simulate(structuredClone(this.clusterObjects));
    let cluster: Cluster | undefined;
    return runChecks(this.exercise.checks, {
      state,
      diagnostics: evaluation.diagnostics,
      validationErrors: evaluation.validation.errors.map((e) => `line ${e.range.start.line}: ${e.message}`),
      kubectl: (line) => this.kubectl((cluster ??= this.clusterFor(text)), text, line),
    });
  }
}

/** One command line (`kubectl ...` or `sim ...`) as the terminal runs it. */
export function kubectlLine(cluster: Cluster, line: string, files: Record<string, string>): KubectlOutput & { output: string } {
  const step = runCommandLine(cluster, line.trim(), { files });
  return { stdout: step.stdout, stderr: step.stderr, exitCode: step.exitCode, output: step.output };
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
