// Public API of the simulated kubectl.
export { runKubectl, KUBECTL_VERSION, type KubectlResult } from './run';
export type { KubectlOptions, Chunk } from './context';
export type { WatchHandle } from './commands/get';
export { runSim, type SimResult } from './sim';
export { runSession, runCommandLine, runTerminalLine, COMMAND_INTERVAL_SECONDS, type SessionResult, type SessionStep } from './session';
export { parseCommandLine, CommandLineError } from './commandLine';
export { humanDuration } from './format/duration';
export { toYaml } from './format/yaml';
export { toKubectlJson } from './format/json';
export { printList, printYaml, type ListPrintOptions } from './print';
