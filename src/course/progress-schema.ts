// The shapes of stored progress, every version of it, and of an exported progress file. zod/mini keeps
// the bytes every page ships small; jitless because the site's CSP forbids eval (zod's fast path).
import * as z from 'zod/mini';

z.config({ jitless: true });

export const PROGRESS_VERSION = 2;

const done = z.object({ done: z.literal(true), at: z.string() });
const quiz = z.object({ score: z.number().check(z.int(), z.nonnegative()), total: z.number().check(z.int(), z.positive()), at: z.string() });

/** Version 2 (current): a version number, and quiz results beside lessons and exercises. */
export const progressV2 = z.object({
  version: z.literal(2),
  lessons: z.record(z.string(), done),
  exercises: z.record(z.string(), done),
  quizzes: z.record(z.string(), quiz),
});
export type Progress = z.infer<typeof progressV2>;

/**
 * Version 1, as stored under `slicelab:progress:v1` until the site learned versions: no version field,
 * no quizzes, and entries whose `done` could be false (those meant "not done").
 */
export const progressV1 = z.object({
  lessons: z.record(z.string(), z.object({ done: z.boolean(), at: z.string() })),
  exercises: z.record(z.string(), z.object({ done: z.boolean(), at: z.string() })),
});
export type ProgressV1 = z.infer<typeof progressV1>;

/** One exercise's saved text, as src/editor/exercise-store.ts writes it. */
export const savedWork = z.object({
  text: z.string(),
  checks: z.nullable(z.array(z.object({ says: z.string(), passed: z.boolean() }))),
  savedAt: z.string(),
});

export const PROGRESS_FILE_FORMAT = 'slicelab-progress';

/** What "Export" downloads: the progress and the learner's exercise texts. */
export const progressFile = z.object({
  format: z.literal(PROGRESS_FILE_FORMAT),
  version: z.literal(PROGRESS_VERSION),
  exportedAt: z.string(),
  progress: progressV2,
  work: z.record(z.string(), savedWork),
});
export type ProgressFile = z.infer<typeof progressFile>;

export const emptyProgress = (): Progress => ({ version: 2, lessons: {}, exercises: {}, quizzes: {} });
