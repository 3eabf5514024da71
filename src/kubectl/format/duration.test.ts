// Expected values follow k8s.io/apimachinery/pkg/util/duration/duration.go HumanDuration:
// <2m → seconds; <10m → MmSs; <3h → minutes; <8h → HhMm; <48h → hours; <8d → DdHh; <2y → days;
// <8y → YyDd; else years; up to 1s in the future reads 0s, more is <invalid>.
import { describe, expect, it } from 'vitest';
import { formatRFC1123Z, humanDuration, parseDurationSeconds, translateTimestampSince } from './duration';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;

describe('humanDuration', () => {
  it.each([
    [-2 * s, '<invalid>'],
    [-1 * s, '0s'],
    [0, '0s'],
    [59 * s, '59s'],
    [119 * s, '119s'],
    [120 * s, '2m'],
    [150 * s, '2m30s'],
    [9 * m + 59 * s, '9m59s'],
    [10 * m, '10m'],
    [10 * m + 30 * s, '10m'],
    [3 * h - 1 * s, '179m'],
    [3 * h, '3h'],
    [3 * h + 1 * m, '3h1m'],
    [7 * h + 59 * m, '7h59m'],
    [8 * h, '8h'],
    [47 * h + 59 * m, '47h'],
    [48 * h, '2d'],
    [49 * h, '2d1h'],
    [8 * d, '8d'],
    [364 * d, '364d'],
    [2 * 365 * d, '2y'],
    [2 * 365 * d + 1 * d, '2y1d'],
    [8 * 365 * d, '8y'],
  ])('%d ms → %s', (ms, want) => {
    expect(humanDuration(ms)).toBe(want);
  });

  it('translateTimestampSince: <unknown> without a timestamp, age otherwise', () => {
    expect(translateTimestampSince(undefined, '2024-01-01T00:00:00Z')).toBe('<unknown>');
    expect(translateTimestampSince('2024-01-01T00:00:00Z', '2024-01-01T00:05:00Z')).toBe('5m');
  });

  it('formats RFC1123Z like Go time.RFC1123Z in UTC', () => {
    expect(formatRFC1123Z('2024-01-01T00:05:09Z')).toBe('Mon, 01 Jan 2024 00:05:09 +0000');
    expect(formatRFC1123Z(undefined)).toBe('Mon, 01 Jan 0001 00:00:00 +0000');
  });

  it('parses sim durations', () => {
    expect(parseDurationSeconds('30s')).toBe(30);
    expect(parseDurationSeconds('2m')).toBe(120);
    expect(parseDurationSeconds('1h30m')).toBe(5400);
    expect(parseDurationSeconds('45')).toBe(45);
    expect(parseDurationSeconds('soon')).toBeUndefined();
  });
});
