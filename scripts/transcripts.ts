// `npm run transcripts`: renders every content/transcripts/<name>.session with the code the lessons'
// <Transcript> component uses at build time (sessionTranscript) and writes what it printed to
// content/transcripts/<name>.out. The .out files are the expected outputs that
// tests/unit/transcripts.test.ts compares against, so a simulator change that alters a lesson's
// output fails a test until someone runs this script and reads the diff. Never edit a .out by hand.

import { readdir, readFile, writeFile, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sessionTranscript } from '../src/cli/commands/session';

export const TRANSCRIPTS_DIR = 'content/transcripts';
export const LESSONS_DIR = 'content/lessons';

/** Session names (file names without `.session`), sorted. */
export async function sessionNames(): Promise<string[]> {
  const files = await readdir(TRANSCRIPTS_DIR);
  return files.filter((f) => f.endsWith('.session')).map((f) => f.slice(0, -'.session'.length)).sort();
}

export const sessionPath = (name: string) => join(TRANSCRIPTS_DIR, `${name}.session`);
export const expectedPath = (name: string) => join(TRANSCRIPTS_DIR, `${name}.out`);

/** What <Transcript session={name}/> shows (before trimming), or the errors that would fail the build. */
export async function renderSession(name: string): Promise<string> {
  const path = sessionPath(name);
  const result = await sessionTranscript(path, await readFile(path, 'utf8'));
  if ('errors' in result) throw new Error(`${path}: ${result.errors.join('; ')}`);
  return result.transcript;
}

async function main(): Promise<void> {
  const names = await sessionNames();
  for (const name of names) {
    await writeFile(expectedPath(name), await renderSession(name));
    console.log(`wrote ${expectedPath(name)}`);
  }
  // An .out without its .session is left over from a removed transcript.
  for (const f of await readdir(TRANSCRIPTS_DIR)) {
    if (f.endsWith('.out') && !names.includes(f.slice(0, -'.out'.length))) {
      await unlink(join(TRANSCRIPTS_DIR, f));
      console.log(`removed ${join(TRANSCRIPTS_DIR, f)} (no session)`);
    }
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
