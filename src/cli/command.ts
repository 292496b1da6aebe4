/** Exit codes of the CLI besides k6's own, which `run` passes through (99: thresholds failed). */
export const EXIT = { ok: 0, failed: 1, badInput: 2, k6NotFound: 127 } as const;

/** Writes one line (or several joined by newlines). */
export type Print = (line: string) => void;

/** Where a command writes: its result to `report` (stdout), progress and problems to `print` (stderr). */
export interface CommandOutput {
  /** Progress, notes and errors. */
  readonly print: Print;
  /** The command's result: a table, JSON or Markdown that a pipe or CI step may capture. */
  readonly report: Print;
}

/** One subcommand: its usage and its handler, which parses its arguments, calls an engine, prints and returns the exit code. */
export interface Command {
  /**
   * Its usage: the synopsis (from the command's name on), then what it does, each line indented four spaces.
   * `k6-forge <command> --help` prints it, and `k6-forge --help` lists every command's.
   */
  readonly usage: string;
  /** Runs the command on the arguments after its name and returns the exit code. */
  readonly run: (args: string[], out: CommandOutput) => Promise<number>;
}
