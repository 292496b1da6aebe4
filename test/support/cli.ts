import { main } from '../../src/cli/main.ts';

/** What one command-line run produced. */
export interface CliRun {
  /** The exit code. */
  readonly code: number;
  /** The report (stdout): tables, JSON, Markdown. */
  readonly report: string;
  /** Progress, notes and errors (stderr). */
  readonly messages: string;
}

/**
 * Runs the k6-forge command line in this process and captures its two outputs.
 * @param argv - The arguments after `k6-forge`.
 * @returns The exit code, the report and the messages.
 */
export async function cli(...argv: string[]): Promise<CliRun> {
  const report: string[] = [];
  const messages: string[] = [];
  const code = await main(
    argv,
    (line) => messages.push(line),
    (line) => report.push(line),
  );
  return { code, report: report.join('\n'), messages: messages.join('\n') };
}
