// The simulated clock. Kubernetes serialises metav1.Time with second precision (RFC 3339, UTC, "Z"),
// so every timestamp the simulator writes is whole seconds; the clock itself keeps milliseconds.

export const DEFAULT_START_TIME = '2024-01-01T00:00:00Z';

/** Parse an RFC 3339 timestamp to epoch milliseconds (throws on garbage: a clock must never drift silently). */
export function parseTime(value: string): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new Error(`invalid RFC 3339 time "${value}"`);
  return ms;
}

/** Format epoch milliseconds as metav1.Time does: "2024-01-01T00:00:00Z" (fraction dropped). */
export function formatTime(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export class SimClock {
  private ms: number;
  private text: string;

  constructor(start: string = DEFAULT_START_TIME) {
    this.ms = parseTime(start);
    this.text = formatTime(this.ms);
  }

  nowMs(): number {
    return this.ms;
  }

  now(): string {
    return this.text;
  }

  /** Time `seconds` from now, formatted (used for deletionTimestamp = now + grace). */
  after(seconds: number): string {
    return formatTime(this.ms + seconds * 1000);
  }

  advance(seconds: number): void {
    if (!Number.isFinite(seconds) || seconds < 0) throw new Error(`cannot advance the clock by ${seconds}s`);
    this.ms += seconds * 1000;
    this.text = formatTime(this.ms);
  }
}
