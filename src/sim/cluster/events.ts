// The cluster's records: Events (correlated like client-go's recorder) and controller writes.

import type { SimEvent, Write } from '../types';
import { withLazyBytes } from './json';

export type NewEvent = Omit<SimEvent, 'time' | 'count' | 'firstTime'>;

export class EventRecorder {
  private readonly log: SimEvent[] = [];
  constructor(private readonly now: () => string) {}

  /**
   * Record an event. An identical one (same object, source, type, reason and message) is merged into
   * the earlier record, counting it and moving its time, as client-go's EventCorrelator
   * (tools/record/events_cache.go, eventLogger.eventObserve) patches the existing Event.
   */
  record(e: NewEvent): void {
    const now = this.now();
    const same = this.log.findIndex(
      (x) =>
        x.type === e.type && x.reason === e.reason && x.message === e.message && x.source === e.source &&
        x.involved.kind === e.involved.kind && x.involved.namespace === e.involved.namespace && x.involved.name === e.involved.name,
    );
    if (same < 0) {
      this.log.push({ ...e, time: now });
      return;
    }
    const earlier = this.log[same];
    // The merged Event moves to the end: it is the most recently updated one.
    this.log.splice(same, 1);
    this.log.push({ ...earlier, time: now, count: (earlier.count ?? 1) + 1, firstTime: earlier.firstTime ?? earlier.time });
  }

  /** Copies, oldest first. */
  list(): SimEvent[] {
    return this.log.map((e) => ({ ...e, involved: { ...e.involved } }));
  }
}

/** Every controller write, numbered, with its time and (lazily measured) size. */
export class WriteLog {
  private readonly log: Write[] = [];
  constructor(private readonly now: () => string) {}

  /** `stored` is the object as written (absent for a delete); its size is taken from it. */
  record(w: Omit<Write, 'seq' | 'time' | 'bytes'>, stored?: object): void {
    this.log.push(withLazyBytes({ seq: this.log.length + 1, time: this.now(), ...w }, stored));
  }

  /** Copies whose `bytes` stays lazy (a spread would encode every written object to read it). */
  list(): Write[] {
    return this.log.map((w) => Object.defineProperties({}, Object.getOwnPropertyDescriptors(w)) as Write);
  }
}
