// The shape of exercises/<id>/exercise.yaml. Checks and hints are data: the check runner
// (checks.ts) gives each check type its meaning, so an author never writes code.
import { z } from 'zod';
import { CODE_TABLE } from '../diagnose/table';
import type { DiagnosticCode } from '../diagnose/types';

const DIAGNOSTIC_CODES = CODE_TABLE.map(([code]) => code) as [DiagnosticCode, ...DiagnosticCode[]];

const name = z.string().regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, 'a Kubernetes object name');
/** Every check has the sentence a learner reads beside its result. */
const says = z.string().min(8);
/** A check's name inside its exercise, for `starterFails`. */
const checkId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a check id (lowercase letters, digits and dashes)');
const id = checkId.optional();
const target = { id, service: name, namespace: name.optional(), says };
const count = z.number().int().min(0);

const port = z.strictObject({
  port: z.number().int().min(1).max(65535),
  protocol: z.enum(['TCP', 'UDP', 'SCTP']).optional(),
  name: z.string().optional(),
});

export const checkSchema = z.discriminatedUnion('type', [
  /** Endpoints with ready true (or unset) across the EndpointSlices labelled for the Service. */
  z.strictObject({ type: z.literal('readyEndpoints'), ...target, count }),
  /** EndpointSlices labelled kubernetes.io/service-name=<service>. */
  z.strictObject({ type: z.literal('sliceCount'), ...target, count }),
  /** Every slice of the Service has exactly these ports (order does not matter, name '' = unnamed). */
  z.strictObject({ type: z.literal('endpointPorts'), ...target, ports: z.array(port).min(1) }),
  /** Every slice of the Service has this addressType (and there is at least one). */
  z.strictObject({ type: z.literal('addressType'), ...target, addressType: z.enum(['IPv4', 'IPv6', 'FQDN']) }),
  /** The conditions of the endpoint whose targetRef is the named Pod. */
  z.strictObject({
    type: z.literal('podEndpoint'),
    ...target,
    pod: name,
    conditions: z.strictObject({ ready: z.boolean().optional(), serving: z.boolean().optional(), terminating: z.boolean().optional() }),
  }),
  /** The legacy Endpoints object of the Service: ready (addresses) and not-ready address counts. */
  z.strictObject({ type: z.literal('endpointsAddresses'), ...target, ready: count, notReady: count.optional() }),
  /** The Service's own port: `port` exists and sends traffic to `targetPort` (an omitted targetPort is `port`). */
  z.strictObject({
    type: z.literal('servicePort'),
    ...target,
    port: z.number().int().min(1).max(65535),
    targetPort: z.union([z.number().int().min(1).max(65535), z.string().min(1)]),
  }),
  /** The Service has a non-empty selector (its endpoints come from the controller, not from a hand-made object). */
  z.strictObject({ type: z.literal('serviceSelector'), ...target }),
  /**
   * The Service's endpoints are exactly these Pods: each endpoint's targetRef is a Pod, and the set of Pods
   * is the Deployment's (through its ReplicaSets) plus `pods`, no more, no fewer.
   */
  z
    .strictObject({ type: z.literal('endpointPods'), ...target, deployment: name.optional(), pods: z.array(name).optional() })
    .refine((c) => c.deployment || c.pods?.length, { message: 'endpointPods needs `deployment` or `pods`' }),
  /** Every slice of the Service (at least one) carries endpointslice.kubernetes.io/managed-by=<managedBy>. */
  z.strictObject({ type: z.literal('sliceManagedBy'), ...target, managedBy: z.string().min(1) }),
  /**
   * A prediction the learner writes as an annotation on the Service, compared with what the cluster shows
   * after `steps` (kubectl or `sim` lines, run in order on the check's copy of the cluster). The steps
   * change that copy: later kubectl checks see their effect, so place this check last.
   */
  z.strictObject({
    type: z.literal('prediction'),
    ...target,
    annotation: z.string().min(3),
    steps: z.array(z.string().regex(/^(kubectl|sim)\s/, 'a kubectl or sim command line')).default([]),
    measure: z.enum(['sliceCount', 'readyEndpoints']),
  }),
  /** No diagnostic of severity error for the current text. */
  z.strictObject({ type: z.literal('noErrorDiagnostics'), id, says }),
  /** A kubectl command's output (stdout unless `stream` says otherwise) contains a text. */
  z.strictObject({
    type: z.literal('kubectl'),
    id,
    command: z.string().regex(/^kubectl\s/, 'a command line starting with "kubectl "'),
    contains: z.string().min(1),
    stream: z.enum(['stdout', 'stderr']).default('stdout'),
    says,
  }),
]);

export const hintSchema = z
  .strictObject({
    /** What the learner reads (short Markdown: `code` and **bold** only). */
    text: z.string().min(8),
    /** Show this hint first when the diagnostic fires for the learner's text. */
    diagnostic: z.enum(DIAGNOSTIC_CODES).optional(),
    /** A full learner text making the mistake this hint is about (the unit test checks the code fires). */
    mistake: z.string().optional(),
  })
  .refine((h) => !h.diagnostic || h.mistake, { message: 'a hint tied to a diagnostic needs a `mistake` text that makes it fire' });

export const exerciseSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  title: z.string().min(3),
  /** The lesson file (content/lessons/<lesson>.mdx) that shows the exercise. */
  lesson: z.string().regex(/^[a-z0-9-]+$/),
  /** Short Markdown: what to achieve. */
  goal: z.string().min(10),
  /** Read-only manifests the exercise starts from (multi-document YAML). */
  cluster: z.string().default(''),
  /** The file name the learner edits, as kubectl -f sees it. */
  file: z.string().regex(/^[\w.-]+\.ya?ml$/).default('manifest.yaml'),
  starter: z.string().regex(/^[\w.-]+\.ya?ml$/).default('starter.yaml'),
  solution: z.string().regex(/^[\w.-]+\.ya?ml$/).default('solution.yaml'),
  checks: z.array(checkSchema).min(1),
  /** Ids of exactly the checks the starter fails (exercises/exercises.test.ts runs it): what the learner fixes. */
  starterFails: z.array(checkId).min(1),
  hints: z.array(hintSchema).min(1),
  /** Suggested kubectl commands, one click away in the Terminal tab. */
  commands: z.array(z.string().regex(/^(kubectl|sim)\s/, 'a kubectl or sim command line')).default([]),
}).superRefine((spec, ctx) => {
  const ids = spec.checks.map((c) => c.id);
  ids.forEach((own, i) => {
    if (own !== undefined && ids.indexOf(own) !== i)
      ctx.addIssue({ code: 'custom', path: ['checks', i, 'id'], message: `duplicate check id "${own}"` });
  });
  const known = ids.filter((own) => own !== undefined);
  spec.starterFails.forEach((failing, i) => {
    if (!known.includes(failing))
      ctx.addIssue({
        code: 'custom',
        path: ['starterFails', i],
        message: `no check has the id "${failing}" (${known.length ? `ids: ${known.join(', ')}` : 'no check has an id'})`,
      });
  });
});

export type ExerciseSpec = z.infer<typeof exerciseSchema>;
export type Check = z.infer<typeof checkSchema>;
export type Hint = z.infer<typeof hintSchema>;

/** An exercise with its files read: what the page embeds and the browser runs. */
export interface Exercise extends ExerciseSpec {
  starterText: string;
  solutionText: string;
}
