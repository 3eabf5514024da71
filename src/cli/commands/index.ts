// Sub-commands of `slicelab`, by name. Add a line per command module.
import type { CliCommand } from './types';
import { simulateCommand } from './simulate';
import { kubectlCommand } from './kubectl';
import { sessionCommand } from './session';
import { validateCommand } from './validate';

export const commands: Record<string, CliCommand> = {
  simulate: simulateCommand,
  kubectl: kubectlCommand,
  session: sessionCommand,
  validate: validateCommand,
};

export type { CliCommand, CliIO } from './types';
