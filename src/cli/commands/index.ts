// Sub-commands of `slicelab`, by name. Add a line per command module.
import type { CliCommand } from './types';
import { simulateCommand } from './simulate';
import { kubectlCommand } from './kubectl';
import { sessionCommand } from './session';

export const commands: Record<string, CliCommand> = {
  simulate: simulateCommand,
  kubectl: kubectlCommand,
  session: sessionCommand,
};

export type { CliCommand, CliIO } from './types';
