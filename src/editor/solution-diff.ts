// "Show solution": a read-only side-by-side diff of the learner's text and the solution. Its models
// and the diff editor are created when shown and disposed when hidden.
import type { Monaco } from './monaco';

export function createSolutionDiff(monaco: Monaco, host: HTMLElement, id: string) {
  let diff: ReturnType<Monaco['editor']['createDiffEditor']> | undefined;

  function hide() {
    const models = diff?.getModel();
    diff?.dispose();
    models?.original.dispose();
    models?.modified.dispose();
    diff = undefined;
  }

  function show(yours: string, solution: string) {
    hide();
    const original = monaco.editor.createModel(yours, 'yaml', monaco.Uri.parse(`inmemory://solution/${id}/yours.yaml`));
    const modified = monaco.editor.createModel(solution, 'yaml', monaco.Uri.parse(`inmemory://solution/${id}/solution.yaml`));
    diff = monaco.editor.createDiffEditor(host, {
      readOnly: true,
      originalEditable: false,
      automaticLayout: true,
      renderSideBySide: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      ariaLabel: 'Solution',
    });
    // The inner editors' labels are applied only as changed options, not at construction.
    diff.updateOptions({
      originalAriaLabel: 'Your text (read-only copy)',
      modifiedAriaLabel: 'The solution (read-only)',
    } as Parameters<typeof diff.updateOptions>[0]);
    diff.setModel({ original, modified });
  }

  return { show, hide };
}
