// How much simulating this process has done, so tests can prove that work is not repeated (one
// simulation per keystroke in the exercise pipeline). Counting changes no output: the simulator
// stays pure and deterministic in everything it returns.

export interface SimCounters {
  /** Clusters made by createCluster() (simulate() makes one; fork() makes none). */
  clusters: number;
  /** Services synced by the EndpointSlice + Endpoints controllers (one syncService each). */
  serviceSyncs: number;
}

const counters: SimCounters = { clusters: 0, serviceSyncs: 0 };

export function countSim(what: keyof SimCounters): void {
  counters[what]++;
}

/** A copy of the counters; subtract two readings to measure one piece of work. */
export function simCounters(): SimCounters {
  return { ...counters };
}
