// The meaning of each check type in exercise.yaml, over the simulated state, the diagnostics and
// kubectl. A check answers passed or not, plus what was actually found, in the learner's words.
import type { Diagnostic } from '../diagnose';
import type { EndpointSlice, SimulationResult } from '../sim/types';
import type { Check } from './schema';
import { LABEL_MANAGED_BY, LABEL_SERVICE_NAME as SERVICE_NAME_LABEL } from '../sim';

export interface KubectlOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface CheckInput {
  state: SimulationResult;
  diagnostics: Diagnostic[];
  /** Validation errors of the learner's text (the API server would reject it). */
  validationErrors: string[];
  /** Runs one kubectl command line against the simulated cluster. */
  kubectl: (line: string) => KubectlOutput;
}

export interface CheckResult {
  says: string;
  passed: boolean;
  /** What the simulator shows, when the check failed (e.g. "found 0 ready endpoints"). */
  found?: string;
}


/** The slices a Service uses: found by the service-name label alone, in the Service's namespace. */
export function slicesOfService(state: SimulationResult, service: string, namespace = 'default'): EndpointSlice[] {
  return state.endpointSlices.filter(
    (s) => (s.metadata.namespace ?? 'default') === namespace && s.metadata.labels?.[SERVICE_NAME_LABEL] === service,
  );
}

/** Ready as kube-proxy reads it: an unset ready condition counts as ready. */
function isReady(ep: { conditions?: { ready?: boolean } }): boolean {
  return ep.conditions?.ready !== false;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : word.endsWith('s') ? 'es' : 's'}`;
const portText = (p: { port?: number; protocol?: string; name?: string }) =>
  `${p.name ? `${p.name}:` : ''}${p.port ?? '*'}/${p.protocol ?? 'TCP'}`;

function evaluate(check: Check, input: CheckInput): { passed: boolean; found?: string } {
  const { state } = input;
  switch (check.type) {
    case 'readyEndpoints': {
      const n = slicesOfService(state, check.service, check.namespace)
        .flatMap((s) => s.endpoints ?? [])
        .filter(isReady).length;
      return { passed: n === check.count, found: `found ${plural(n, 'ready endpoint')}` };
    }
    case 'sliceCount': {
      const n = slicesOfService(state, check.service, check.namespace).length;
      return { passed: n === check.count, found: `found ${plural(n, 'EndpointSlice')}` };
    }
    case 'endpointPorts': {
      const slices = slicesOfService(state, check.service, check.namespace);
      if (slices.length === 0) return { passed: false, found: 'found no EndpointSlice for it' };
      const want = check.ports.map((p) => portText({ ...p, name: p.name ?? '' })).sort().join(', ');
      const wrong = slices.find(
        (s) => (s.ports ?? []).map((p) => portText({ ...p, name: p.name ?? '' })).sort().join(', ') !== want,
      );
      return wrong
        ? { passed: false, found: `${wrong.metadata.name} has ports ${(wrong.ports ?? []).map(portText).join(', ') || '<unset>'}` }
        : { passed: true };
    }
    case 'addressType': {
      const slices = slicesOfService(state, check.service, check.namespace);
      if (slices.length === 0) return { passed: false, found: 'found no EndpointSlice for it' };
      const wrong = slices.find((s) => s.addressType !== check.addressType);
      return wrong ? { passed: false, found: `${wrong.metadata.name} has addressType ${wrong.addressType}` } : { passed: true };
    }
    case 'podEndpoint': {
      const ep = slicesOfService(state, check.service, check.namespace)
        .flatMap((s) => s.endpoints ?? [])
        .find((e) => e.targetRef?.kind === 'Pod' && e.targetRef.name === check.pod);
      if (!ep) return { passed: false, found: `no endpoint points at Pod ${check.pod}` };
      const got = ep.conditions ?? {};
      const bad = (Object.keys(check.conditions) as (keyof typeof got)[]).filter((k) => got[k] !== check.conditions[k]);
      return bad.length
        ? { passed: false, found: bad.map((k) => `${k} is ${got[k] ?? 'unset'}`).join(', ') }
        : { passed: true };
    }
    case 'endpointsAddresses': {
      const ns = check.namespace ?? 'default';
      const obj = state.endpoints.find((e) => e.metadata.name === check.service && (e.metadata.namespace ?? 'default') === ns);
      if (!obj) return { passed: false, found: `there is no Endpoints object named ${check.service}` };
      const ready = (obj.subsets ?? []).reduce((n, s) => n + (s.addresses?.length ?? 0), 0);
      const notReady = (obj.subsets ?? []).reduce((n, s) => n + (s.notReadyAddresses?.length ?? 0), 0);
      const passed = ready === check.ready && (check.notReady === undefined || notReady === check.notReady);
      return { passed, found: `found ${plural(ready, 'ready address')} and ${notReady} not ready` };
    }
    case 'servicePort': {
      const svc = serviceOf(state, check.service, check.namespace);
      if (!svc) return { passed: false, found: `there is no Service named ${check.service}` };
      const ports = svc.spec?.ports ?? [];
      const seen = ports.map((p) => `port ${p.port} → targetPort ${p.targetPort ?? p.port}`).join(', ') || 'no ports';
      const match = ports.find((p) => p.port === check.port);
      if (!match) return { passed: false, found: `the Service has ${seen}, none is port ${check.port}` };
      // The API server copies `port` into an omitted targetPort.
      const target = match.targetPort ?? match.port;
      return target === check.targetPort ? { passed: true } : { passed: false, found: `the Service has ${seen}` };
    }
    case 'serviceSelector': {
      const svc = serviceOf(state, check.service, check.namespace);
      if (!svc) return { passed: false, found: `there is no Service named ${check.service}` };
      return Object.keys(svc.spec?.selector ?? {}).length
        ? { passed: true }
        : { passed: false, found: 'the Service has no selector: nothing ties its endpoints to Pods' };
    }
    case 'endpointPods':
      return endpointPods(check, state);
    case 'sliceManagedBy': {
      const slices = slicesOfService(state, check.service, check.namespace);
      if (slices.length === 0) return { passed: false, found: 'found no EndpointSlice for it' };
      const wrong = slices.find((s) => s.metadata.labels?.[LABEL_MANAGED_BY] !== check.managedBy);
      return wrong
        ? {
            passed: false,
            found: `${wrong.metadata.name} is managed by ${wrong.metadata.labels?.[LABEL_MANAGED_BY] ?? '(no managed-by label)'}`,
          }
        : { passed: true };
    }
    case 'prediction':
      return prediction(check, input);
    case 'noErrorDiagnostics': {
      const errors = [...input.validationErrors, ...input.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)];
      return errors.length ? { passed: false, found: errors.join(' ') } : { passed: true };
    }
    case 'kubectl': {
      const out = input.kubectl(check.command);
      const text = check.stream === 'stderr' ? out.stderr : out.stdout;
      return text.includes(check.contains)
        ? { passed: true }
        : { passed: false, found: `\`${check.command}\` printed:\n${(out.stdout + out.stderr).trimEnd() || '(nothing)'}` };
    }
  }
}

function serviceOf(state: SimulationResult, name: string, namespace = 'default') {
  return state.services.find((s) => s.metadata.name === name && (s.metadata.namespace ?? 'default') === namespace);
}

/** The Pods a Deployment owns: their controller is one of its ReplicaSets, named <deployment>-<pod-template-hash>. */
function podsOfDeployment(state: SimulationResult, deployment: string, namespace: string): string[] {
  return state.pods
    .filter((p) => (p.metadata.namespace ?? 'default') === namespace)
    .filter((p) =>
      (p.metadata.ownerReferences ?? []).some(
        (o) => o.controller && o.kind === 'ReplicaSet' && o.name === `${deployment}-${p.metadata.labels?.['pod-template-hash']}`,
      ),
    )
    .map((p) => p.metadata.name!);
}

function endpointPods(check: Extract<Check, { type: 'endpointPods' }>, state: SimulationResult) {
  const ns = check.namespace ?? 'default';
  const endpoints = slicesOfService(state, check.service, check.namespace).flatMap((s) => s.endpoints ?? []);
  if (endpoints.length === 0) return { passed: false, found: 'found no endpoint for it' };
  const notPod = endpoints.find((e) => e.targetRef?.kind !== 'Pod');
  if (notPod)
    return {
      passed: false,
      found: `endpoint ${notPod.addresses.join(', ')} points at no Pod (no targetRef of kind Pod): it was written by hand, not by the controller`,
    };
  const want = new Set([...(check.deployment ? podsOfDeployment(state, check.deployment, ns) : []), ...(check.pods ?? [])]);
  const got = new Set(endpoints.map((e) => e.targetRef!.name!));
  const extra = [...got].filter((n) => !want.has(n)).sort();
  const missing = [...want].filter((n) => !got.has(n)).sort();
  const whose = check.deployment ? `the ${check.deployment} Deployment's Pods` : 'the expected Pods';
  const parts = [
    extra.length ? `${extra.join(', ')} ${extra.length === 1 ? 'is' : 'are'} not one of ${whose}` : '',
    missing.length ? `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing` : '',
  ].filter(Boolean);
  return parts.length ? { passed: false, found: parts.join('; ') } : { passed: true };
}

const MEASURED = { sliceCount: 'EndpointSlice', readyEndpoints: 'ready endpoint' } as const;

/** The learner's annotation against the cluster after the steps, measured through kubectl like a learner would. */
function prediction(check: Extract<Check, { type: 'prediction' }>, input: CheckInput) {
  const svc = serviceOf(input.state, check.service, check.namespace);
  if (!svc) return { passed: false, found: `there is no Service named ${check.service}` };
  const raw = svc.metadata.annotations?.[check.annotation];
  if (raw === undefined || !/^\d+$/.test(raw.trim()))
    return { passed: false, found: `write your prediction as a number in the annotation ${check.annotation} of the Service` };
  for (const step of check.steps) {
    const out = input.kubectl(step);
    if (out.exitCode !== 0) return { passed: false, found: `\`${step}\` failed: ${(out.stderr || out.stdout).trim()}` };
  }
  const ns = check.namespace ?? 'default';
  const out = input.kubectl(`kubectl get endpointslices -n ${ns} -l ${SERVICE_NAME_LABEL}=${check.service} -o json`);
  let items: EndpointSlice[];
  try {
    items = (JSON.parse(out.stdout) as { items: EndpointSlice[] }).items;
  } catch {
    return { passed: false, found: `could not read the slices: ${out.stderr.trim() || out.stdout.trim()}` };
  }
  const actual =
    check.measure === 'sliceCount' ? items.length : items.flatMap((s) => s.endpoints ?? []).filter(isReady).length;
  const predicted = Number(raw.trim());
  const after = check.steps.length ? `after ${check.steps.map((s) => `\`${s}\``).join(', ')} ` : '';
  return predicted === actual
    ? { passed: true }
    : { passed: false, found: `you predicted ${predicted}; ${after}the Service has ${plural(actual, MEASURED[check.measure])}` };
}

export function runChecks(checks: readonly Check[], input: CheckInput): CheckResult[] {
  return checks.map((check) => {
    const { passed, found } = evaluate(check, input);
    return passed ? { says: check.says, passed } : { says: check.says, passed, found };
  });
}
