// The playground's samples: the YAML files beside this one (read at build time), then each
// exercise's cluster with its starter. src/playground/samples.test.ts validates and simulates each.
import { exerciseAsPlaygroundText } from '../editor/playground-link';
import type { Exercise } from '../exercises/schema';

export interface Sample {
  id: string;
  title: string;
  text: string;
}

const files = import.meta.glob('./samples/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const TITLES: Record<string, string> = {
  basic: 'Three Nodes in zones, a Deployment, a Service',
  'dual-stack': 'Dual-stack Service (IPv4 and IPv6 slices)',
  'topology-hints': 'Topology hints (trafficDistribution: PreferSameZone)',
  selectorless: 'Selectorless Service with a hand-made EndpointSlice',
};

export const DEFAULT_SAMPLE = 'basic';

export function fileSamples(): Sample[] {
  return Object.keys(TITLES).map((id) => {
    const text = files[`./samples/${id}.yaml`];
    if (text === undefined) throw new Error(`src/playground/samples/${id}.yaml is missing`);
    return { id, title: TITLES[id], text };
  });
}

export function exerciseSamples(exercises: Iterable<Exercise>): Sample[] {
  return [...exercises].map((e) => ({
    id: `exercise:${e.id}`,
    title: `Exercise: ${e.title}`,
    text: exerciseAsPlaygroundText(e.title, e.cluster, e.starterText),
  }));
}
