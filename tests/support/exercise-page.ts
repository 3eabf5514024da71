// Helpers for the exercise e2e specs: the exercises as data (read from exercises/), opening an
// exercise's lesson until its editor is ready, and putting text into Monaco the way a learner does
// (paste through the clipboard for whole files; key by key for small edits).
import { readdirSync, readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { expect, type Locator, type Page } from '@playwright/test';

export interface ExerciseData {
  id: string;
  lesson: string;
  file: string;
  checks: unknown[];
  starter: string;
  solution: string;
}

export function exercises(): ExerciseData[] {
  return readdirSync('exercises', { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => {
      const spec = load(readFileSync(`exercises/${d.name}/exercise.yaml`, 'utf8')) as Record<string, unknown>;
      return {
        id: String(spec.id),
        lesson: String(spec.lesson),
        file: String(spec.file ?? 'manifest.yaml'),
        checks: spec.checks as unknown[],
        starter: readFileSync(`exercises/${d.name}/${String(spec.starter ?? 'starter.yaml')}`, 'utf8'),
        solution: readFileSync(`exercises/${d.name}/${String(spec.solution ?? 'solution.yaml')}`, 'utf8'),
      };
    });
}

export const exerciseById = (id: string) => exercises().find((e) => e.id === id)!;

/** The exercise's island root, once Monaco and the first evaluation are ready. */
export async function openExercise(page: Page, ex: ExerciseData): Promise<Locator> {
  await page.goto(`/lessons/${ex.lesson}/`);
  const mount = page.locator(`.exercise-mount[data-exercise-id="${ex.id}"]`);
  await mount.scrollIntoViewIfNeeded();
  await expect(mount).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await expect(mount).toHaveAttribute('data-updates', /\d+/);
  return mount;
}

export function editorOf(mount: Locator): Locator {
  return mount.getByRole('region', { name: 'YAML editor' });
}

/** Replaces the editor's whole text through the clipboard (typing multi-line YAML gets re-indented). */
export async function pasteText(page: Page, mount: Locator, text: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await editorOf(mount).locator('.view-lines').click();
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('ControlOrMeta+A');
  const before = Number(await mount.getAttribute('data-updates'));
  await page.keyboard.press('ControlOrMeta+V');
  await expect.poll(async () => Number(await mount.getAttribute('data-updates'))).toBeGreaterThan(before);
}

/** The text Monaco holds, read through its model (the DOM only shows visible lines). */
export async function editorText(mount: Locator): Promise<string> {
  return mount.evaluate((m) => (m as HTMLElement & { __text?: () => string }).__text?.() ?? '');
}
