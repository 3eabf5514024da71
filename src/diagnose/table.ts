// The one table of diagnostic codes: how likely each is to be the root cause (first = most likely,
// shown first) and the course page that explains it. Ordering: this rank, then severity, then the
// order of the objects in the manifest.

import type { DiagnosticCode } from './types';

export interface CodeInfo {
  lesson: string;
}

/** Lesson pages the diagnostics link to (site paths), and the sections that explain each code. */
export const LESSONS = {
  services: '/lessons/services/',
  endpoints: '/lessons/endpoints/',
  endpointslices: '/lessons/endpointslices/',
  selectorless: '/lessons/selectorless-services/',
  troubleshooting: '/lessons/troubleshooting/',
  // Sections (tests/unit/course-links.test.ts checks that each names the codes linked to it).
  emptySelector: '/lessons/services/#no-selector-or-an-empty-one',
  externalName: '/lessons/services/#externalname-services-have-no-endpoints',
  selectorMatch: '/lessons/troubleshooting/#step-2-does-the-selector-match-the-pods',
  podStates: '/lessons/troubleshooting/#step-3-selected-but-not-usable-endpoints',
  ports: '/lessons/troubleshooting/#step-4-ports',
  conditions: '/lessons/endpointslices/#conditions-instead-of-two-lists',
  selectorlessService: '/lessons/selectorless-services/#a-service-with-nothing-behind-it-yet',
  handMadeSlice: '/lessons/selectorless-services/#a-hand-made-endpointslice-that-works',
  mirroring: '/lessons/selectorless-services/#the-older-way-an-endpoints-object-mirrored',
  ownController: '/lessons/selectorless-services/#writing-your-own-endpointslice-controller',
  overCapacity: '/lessons/endpoints/#truncated-at-1000-addresses',
  deprecated: '/lessons/endpoints/#deprecated-not-removed',
} as const;

// Root causes a learner typed come first (wrong kind of Service, wrong namespace, label typo), then
// hand-made slice mistakes, then port mistakes, then pod states, then informational notes.
// Key order is the rank; the Record type makes the compiler insist on every code.
const TABLE: Record<DiagnosticCode, CodeInfo> = {
  'empty-selector': { lesson: LESSONS.emptySelector },
  'externalname-no-endpoints': { lesson: LESSONS.externalName },
  'pods-in-other-namespace': { lesson: LESSONS.selectorMatch },
  'deployment-template-labels-mismatch': { lesson: LESSONS.selectorMatch },
  'selector-near-miss': { lesson: LESSONS.selectorMatch },
  'selector-matches-no-pods': { lesson: LESSONS.selectorMatch },
  'slice-missing-service-name-label': { lesson: LESSONS.handMadeSlice },
  'slice-service-not-found': { lesson: LESSONS.handMadeSlice },
  'slice-managed-by-controller': { lesson: LESSONS.handMadeSlice },
  'slice-port-name-mismatch': { lesson: LESSONS.handMadeSlice },
  'slice-port-without-number': { lesson: LESSONS.handMadeSlice },
  'slice-address-family-mismatch': { lesson: LESSONS.handMadeSlice },
  'slice-for-selector-service': { lesson: LESSONS.ownController },
  'selectorless-service-without-endpoints': { lesson: LESSONS.selectorlessService },
  'endpoints-overwritten-by-controller': { lesson: LESSONS.mirroring },
  'endpoints-service-not-found': { lesson: LESSONS.mirroring },
  'named-port-not-found': { lesson: LESSONS.ports },
  'target-port-not-declared': { lesson: LESSONS.ports },
  'target-port-declared-by-some': { lesson: LESSONS.ports },
  'pod-terminal-phase': { lesson: LESSONS.podStates },
  'pod-without-ip': { lesson: LESSONS.podStates },
  'pod-node-not-found': { lesson: LESSONS.podStates },
  'no-ready-endpoints': { lesson: LESSONS.conditions },
  'only-terminating-endpoints': { lesson: LESSONS.conditions },
  'some-endpoints-not-ready': { lesson: LESSONS.conditions },
  'endpoints-over-capacity': { lesson: LESSONS.overCapacity },
  'endpoints-api-deprecated': { lesson: LESSONS.deprecated },
};

/** Every code, most likely root cause first, with its lesson. */
export const CODE_TABLE: ReadonlyArray<readonly [DiagnosticCode, CodeInfo]> = Object.entries(TABLE) as Array<[DiagnosticCode, CodeInfo]>;

export const CODE_RANK: ReadonlyMap<DiagnosticCode, number> = new Map(
  CODE_TABLE.map(([code], i) => [code, i] as const),
);

export const CODE_LESSON: ReadonlyMap<DiagnosticCode, string> = new Map(
  CODE_TABLE.map(([code, info]) => [code, info.lesson] as const),
);
