// The cluster's records: Events (correlated like client-go's recorder) and controller writes.

import type { SimEvent, Write } from '../types';
import { withLazyBytes } from './json';

export type NewEvent = Omit<SimEvent, 'time' | 'count' | 'firstTime'>;

export class EventRecorder {
  /**
   * Events by their identity, oldest first (a Map keeps insertion order; a merged Event is re-inserted
   * at the end). One lookup per record: a Deployment of 10,000 replicas records 10,000 events.
   */
  private readonly log = new Map<string, SimEvent>();
  constructor(private readonly now: () => string) {}

  /**
   * Record an event. An identical one (same object, source, type, reason and message) is merged into
   * the earlier record, counting it and moving its time, as client-go's EventCorrelator
   * (tools/record/events_cache.go, eventLogger.eventObserve) patches the existing Event.
   */
  record(e: NewEvent): void {
    const now = this.now();
    // JSON keeps the fields apart whatever they hold, and an absent namespace apart from "".
    const key = JSON.stringify([e.type, e.reason, e.message, e.source, e.involved.kind, e.involved.namespace, e.involved.name]);
    const earlier = this.log.get(key);
    if (!earlier) {
      this.log.set(key, { ...e, time: now });
      return;
    }
    // The merged Event moves to the end: it is the most recently updated one.
    this.log.delete(key);
    this.log.set(key, { ...earlier, time: now, count: (earlier.count ?? 1) + 1, firstTime: earlier.firstTime ?? earlier.time });
  }

  /** Copies, oldest first. */
  list(): SimEvent[] {
    return Array.from(this.log.values(), (e) => ({ ...e, involved: { ...e.involved } }));
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
