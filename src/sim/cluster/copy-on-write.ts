// A cluster that reads another until its first change, then forks it and changes the fork: the
// cluster behind stays as it was (the exercise's terminal and checks run kubectl this way on the
// cluster the editor simulated), and a session that only reads copies nothing.
import type { ApplyResult, Cluster, ClusterReader, Kind, KObject, ObjectRef } from '../types';

export class CopyOnWriteCluster implements Cluster {
  private own?: Cluster;

  constructor(private readonly base: ClusterReader) {}

  /** True once a change made this view fork the cluster behind it. */
  get forked(): boolean {
    return this.own !== undefined;
  }

  get options(): Cluster['options'] {
    return this.base.options;
  }

  private reader(): ClusterReader {
    return this.own ?? this.base;
  }

  private writer(): Cluster {
    return (this.own ??= this.base.fork());
  }

  get<T extends KObject = KObject>(kind: Kind, namespace: string | undefined, name: string): T | undefined {
    return this.reader().get<T>(kind, namespace, name);
  }
  list<T extends KObject = KObject>(kind: Kind, namespace?: string): T[] {
    return this.reader().list<T>(kind, namespace);
  }
  writes() {
    return this.reader().writes();
  }
  events() {
    return this.reader().events();
  }
  now(): string {
    return this.reader().now();
  }
  fork(): Cluster {
    return this.reader().fork();
  }

  apply(objects: KObject[]): ApplyResult[] {
    return this.writer().apply(objects);
  }
  delete(ref: ObjectRef, opts?: { gracePeriodSeconds?: number }): boolean {
    return this.writer().delete(ref, opts);
  }
  advance(seconds: number): void {
    this.writer().advance(seconds);
  }
  setPodReady(namespace: string, name: string, ready: boolean): void {
    this.writer().setPodReady(namespace, name, ready);
  }
  setNodeReady(name: string, ready: boolean): void {
    this.writer().setNodeReady(name, ready);
  }
  scale(kind: 'Deployment' | 'ReplicaSet', namespace: string, name: string, replicas: number): void {
    this.writer().scale(kind, namespace, name, replicas);
  }
  rolloutRestart(namespace: string, name: string): void {
    this.writer().rolloutRestart(namespace, name);
  }
}

/** A copy-on-write view of `base` (see CopyOnWriteCluster). */
export function copyOnWrite(base: ClusterReader): CopyOnWriteCluster {
  return new CopyOnWriteCluster(base);
}
