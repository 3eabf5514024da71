// The shape of one `slicelab` sub-command.

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  stdin: NodeJS.ReadableStream;
}

export interface CliCommand {
  /** One line for the usage list. */
  summary: string;
  /** Full usage text (printed on --help and on argument errors). */
  usage: string;
  /** Runs the command; resolves to the process exit code. */
  run(args: string[], io: CliIO): Promise<number>;
}
