// Sub-commands of `slicelab`, by name. Add a line per command module.
import type { CliCommand } from './types';
import { simulateCommand } from './simulate';

export const commands: Record<string, CliCommand> = {
  simulate: simulateCommand,
};

export type { CliCommand, CliIO } from './types';
