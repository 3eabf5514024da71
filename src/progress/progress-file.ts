// Export and import of progress as a JSON file: building the file, reading one back with a clear
// message for anything that is not a SliceLab progress file, and merging it into what is stored.
import { exerciseKey, loadSaved } from '../editor/exercise-store';
import { keysWithPrefix, removeKey, writeJSON, type StorageStatus } from '../course/storage';
import { loadProgress, saveProgress } from '../course/progress';
import { PROGRESS_FILE_FORMAT, PROGRESS_VERSION, progressFile, type Progress, type ProgressFile } from '../course/progress-schema';

const WORK_PREFIX = exerciseKey('');

export function buildProgressFile(now = new Date()): ProgressFile {
  const work: ProgressFile['work'] = {};
  for (const key of keysWithPrefix(WORK_PREFIX)) {
    const id = key.slice(WORK_PREFIX.length);
    const saved = loadSaved(id);
    if (saved) work[id] = saved;
  }
  return { format: PROGRESS_FILE_FORMAT, version: PROGRESS_VERSION, exportedAt: now.toISOString(), progress: loadProgress(), work };
}

export type ParsedFile = { ok: true; file: ProgressFile } | { ok: false; message: string };

/** Reads an uploaded file's text; the message says what is wrong in words a learner can act on. */
export function parseProgressFile(text: string): ParsedFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `This file is not a SliceLab progress file: it is not valid JSON (${(e as Error).message}).` };
  }
  const v = value as Record<string, unknown> | null;
  if (!v || typeof v !== 'object' || v.format !== PROGRESS_FILE_FORMAT)
    return { ok: false, message: 'This file is not a SliceLab progress file. Choose the file that "Export progress" downloaded (slicelab-progress-….json).' };
  if (typeof v.version === 'number' && v.version > PROGRESS_VERSION)
    return { ok: false, message: `This progress file comes from a newer SliceLab (file version ${v.version}, this site reads up to ${PROGRESS_VERSION}). Update the site, then import it again.` };
  const parsed = progressFile.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length ? ` at "${issue.path.join('.')}"` : '';
    return { ok: false, message: `This SliceLab progress file is damaged${where}: ${issue.message}. Nothing was imported.` };
  }
  return { ok: true, file: parsed.data };
}

const later = (a: string, b: string) => (a >= b ? a : b);

/** Both sides' completions; for the same lesson, exercise or quiz, the later record wins. */
export function mergeProgress(mine: Progress, theirs: Progress): Progress {
  const merged: Progress = structuredClone(mine);
  for (const area of ['lessons', 'exercises'] as const)
    for (const [id, entry] of Object.entries(theirs[area])) {
      const own = merged[area][id];
      merged[area][id] = own ? { done: true, at: later(own.at, entry.at) } : entry;
    }
  for (const [id, result] of Object.entries(theirs.quizzes)) {
    const own = merged.quizzes[id];
    if (!own || result.at > own.at) merged.quizzes[id] = result;
  }
  return merged;
}

export type ImportMode = 'merge' | 'replace';

/** Writes an imported file: merged (the newer text of each exercise wins) or replacing everything. */
export function applyProgressFile(file: ProgressFile, mode: ImportMode): StorageStatus {
  if (mode === 'replace') for (const key of keysWithPrefix(WORK_PREFIX)) removeKey(key);
  let status: StorageStatus = 'ok';
  for (const [id, work] of Object.entries(file.work)) {
    const own = mode === 'merge' ? loadSaved(id) : undefined;
    if (own && own.savedAt > work.savedAt) continue;
    const written = writeJSON(exerciseKey(id), work);
    if (written !== 'ok') status = written;
  }
  const progress = mode === 'merge' ? mergeProgress(loadProgress(), file.progress) : file.progress;
  const saved = saveProgress(progress);
  return saved === 'ok' ? status : saved;
}

/** "3 lessons read, 2 exercises passed, 1 quiz, 4 exercise texts", for asking before importing. */
export function describeProgress(progress: Progress, work: Record<string, unknown>): string {
  const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  return [
    n(Object.keys(progress.lessons).length, 'lesson read', 'lessons read'),
    n(Object.keys(progress.exercises).length, 'exercise passed', 'exercises passed'),
    n(Object.keys(progress.quizzes).length, 'quiz result', 'quiz results'),
    n(Object.keys(work).length, 'exercise text', 'exercise texts'),
  ].join(', ');
}
