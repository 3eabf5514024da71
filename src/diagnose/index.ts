// diagnose(): from the learner's objects and the simulated cluster, the troubleshooting hints,
// most likely root cause first. Pure and fast enough to run on every keystroke.

import { checkBackends } from './checks/backends';
import { checkHandmadeSlices } from './checks/handmade-slices';
import { checkOverCapacity, checkWrittenEndpoints } from './checks/legacy-endpoints';
import { checkPorts } from './checks/ports';
import { checkSelector } from './checks/selector';
import { checkExternalName, checkSelectorless } from './checks/selectorless';
import { buildContext } from './context';
import { orderDiagnostics } from './order';
import type { DiagnoseInput, Diagnostic } from './types';

export type { DiagnoseInput, Diagnostic, DiagnosticCode, DiagnosticObject, Severity } from './types';
export { CODE_TABLE, LESSONS } from './table';
export { refKey } from './context';

export function diagnose(input: DiagnoseInput): Diagnostic[] {
  const { ctx, out } = buildContext(input);
  for (const svc of input.state.services) {
    checkExternalName(ctx, svc);
    checkSelector(ctx, svc);
    checkSelectorless(ctx, svc);
    checkPorts(ctx, svc);
    checkBackends(ctx, svc);
    checkOverCapacity(ctx, svc);
  }
  checkHandmadeSlices(ctx);
  checkWrittenEndpoints(ctx);
  return orderDiagnostics(out);
}
