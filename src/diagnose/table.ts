// The one table of diagnostic codes: how likely each is to be the root cause (first = most likely,
// shown first) and the course page that explains it. Ordering: this rank, then severity, then the
// order of the objects in the manifest.

import type { DiagnosticCode } from './types';

export interface CodeInfo {
  lesson: string;
}

/** Lesson pages the diagnostics link to (site paths). */
export const LESSONS = {
  services: '/lessons/services/',
  endpoints: '/lessons/endpoints/',
  endpointslices: '/lessons/endpointslices/',
  selectorless: '/lessons/selectorless-services/',
  troubleshooting: '/lessons/troubleshooting/',
} as const;

// Root causes a learner typed come first (wrong kind of Service, wrong namespace, label typo), then
// hand-made slice mistakes, then port mistakes, then pod states, then informational notes.
// Key order is the rank; the Record type makes the compiler insist on every code.
const TABLE: Record<DiagnosticCode, CodeInfo> = {
  'empty-selector': { lesson: LESSONS.services },
  'externalname-no-endpoints': { lesson: LESSONS.services },
  'pods-in-other-namespace': { lesson: LESSONS.troubleshooting },
  'deployment-template-labels-mismatch': { lesson: LESSONS.troubleshooting },
  'selector-near-miss': { lesson: LESSONS.troubleshooting },
  'selector-matches-no-pods': { lesson: LESSONS.troubleshooting },
  'slice-missing-service-name-label': { lesson: LESSONS.selectorless },
  'slice-service-not-found': { lesson: LESSONS.selectorless },
  'slice-managed-by-controller': { lesson: LESSONS.selectorless },
  'slice-port-name-mismatch': { lesson: LESSONS.selectorless },
  'slice-port-without-number': { lesson: LESSONS.selectorless },
  'slice-address-family-mismatch': { lesson: LESSONS.selectorless },
  'slice-for-selector-service': { lesson: LESSONS.selectorless },
  'selectorless-service-without-endpoints': { lesson: LESSONS.selectorless },
  'endpoints-overwritten-by-controller': { lesson: LESSONS.endpoints },
  'endpoints-service-not-found': { lesson: LESSONS.selectorless },
  'named-port-not-found': { lesson: LESSONS.troubleshooting },
  'target-port-not-declared': { lesson: LESSONS.troubleshooting },
  'target-port-declared-by-some': { lesson: LESSONS.troubleshooting },
  'pod-terminal-phase': { lesson: LESSONS.troubleshooting },
  'pod-without-ip': { lesson: LESSONS.troubleshooting },
  'pod-node-not-found': { lesson: LESSONS.troubleshooting },
  'no-ready-endpoints': { lesson: LESSONS.endpointslices },
  'only-terminating-endpoints': { lesson: LESSONS.endpointslices },
  'some-endpoints-not-ready': { lesson: LESSONS.endpointslices },
  'endpoints-over-capacity': { lesson: LESSONS.endpoints },
  'endpoints-api-deprecated': { lesson: LESSONS.endpoints },
};

/** Every code, most likely root cause first, with its lesson. */
export const CODE_TABLE: ReadonlyArray<readonly [DiagnosticCode, CodeInfo]> = Object.entries(TABLE) as Array<[DiagnosticCode, CodeInfo]>;

export const CODE_RANK: ReadonlyMap<DiagnosticCode, number> = new Map(
  CODE_TABLE.map(([code], i) => [code, i] as const),
);

export const CODE_LESSON: ReadonlyMap<DiagnosticCode, string> = new Map(
  CODE_TABLE.map(([code, info]) => [code, info.lesson] as const),
);
