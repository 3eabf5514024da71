// The EndpointSlices and Endpoints tabs, rendered with what changed since they were last rendered
// marked for a while (changes.ts finds it, panels/objects.ts draws it); and the announcer's view of
// the same changes, counted from the last sentence screen readers heard.
import type { ClusterReader, EndpointSlice } from '../sim/types';
import { createAnnouncer } from './announce';
import { clusterChanges, describeChanges, hasChanges, type Changes, type ClusterObjects } from './changes';
import { clearMarks, renderObjects } from './panels/objects';

/** How long the panels mark what an edit changed. */
const MARKS_MS = 6000;

const objectsOf = (c: ClusterReader): ClusterObjects => ({ slices: c.list('EndpointSlice') as EndpointSlice[], endpoints: c.list('Endpoints') });

export function createMarkedObjects(slicesPanel: HTMLElement, endpointsPanel: HTMLElement) {
  let rendered: ClusterObjects | undefined;
  let marks: { changes: Changes; until: number } | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    render(cluster: ClusterReader) {
      const now = objectsOf(cluster);
      const changes = rendered && clusterChanges(rendered, now);
      rendered = now;
      // An edit that changed nothing keeps the marks of the one before, while they are fresh.
      if (changes && hasChanges(changes)) marks = { changes, until: performance.now() + MARKS_MS };
      const fresh = marks && marks.until > performance.now() ? marks : undefined;
      renderObjects(slicesPanel, endpointsPanel, cluster, fresh?.changes);
      clearTimeout(timer);
      if (fresh) timer = setTimeout(() => clearMarks(slicesPanel, endpointsPanel), fresh.until - performance.now());
    },
  };
}

/** Announces validity and result changes of `cluster()` (the last valid evaluation's) in `region`. */
export function createResultAnnouncer(region: HTMLElement, cluster: () => ClusterReader | undefined) {
  let announced: ClusterObjects | undefined;
  return createAnnouncer(region, {
    // The first results are the baseline, even when the learner edits before the first pause (a paste
    // right after the editor mounts): the sentence then tells what the edit changed.
    observe() {
      if (announced) return;
      const c = cluster();
      announced = c && objectsOf(c);
    },
    changesSinceLast() {
      const c = cluster();
      const now = c && objectsOf(c);
      const words = announced && now ? describeChanges(clusterChanges(announced, now)) : '';
      announced = now;
      return words;
    },
  });
}
