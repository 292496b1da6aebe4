import { mkdirSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ForgeError, invalidOption } from '../../lib/errors.ts';
import type { Command, CommandOutput } from '../command.ts';
import { writeWhole } from '../io/write-whole.ts';
import { type MergeRunResult, mergeRun } from '../merge/merge-run.ts';
import { gateText } from '../report/gate-text.ts';
import { mergeText } from '../report/merge-text.ts';
import { createResultsDir } from '../runner/run-script.ts';

/**
 * Prints a merged run and its gate, and writes the gate's text beside the reports as `<scenario>-gate.txt`.
 * @param result - What {@link mergeRun} produced.
 * @param outDir - The folder the reports went to.
 * @param out - Where the summary and gate (`report`) and the notes (`print`) go.
 */
async function reportMerge(result: MergeRunResult, outDir: string, out: CommandOutput): Promise<void> {
  const gate = gateText(result.gate);
  const gatePath = join(outDir, `${result.summary.meta.scenario}-gate.txt`);
  await writeWhole(gatePath, `${gate}\n`);
  out.report(mergeText(result));
  out.report(gate);
  out.print(`k6-forge: merged results in ${outDir}`);
}

/**
 * `k6-forge merge <files or folders...> [--out DIR] [--thresholds F]`: merges the outputs of k6 instances that ran one
 * test over execution segments (here with `run --instances`, or on runners elsewhere): exact figures from their raw
 * `--out json` samples, every threshold of their summaries judged on them, one merged summary and its reports, and
 * the release gate. Exits as k6 would: 0 pass, 99 when a merged threshold failed; 1 when only the gate failed.
 */
export const mergeCommand: Command = {
  usage: `merge <files or folders...> [--out DIR] [--thresholds F]
    Merge the outputs of k6 instances of one test (run --instances, or runners elsewhere: a shared volume, a CI
    artifact per runner): their raw k6 --out json files (plain or .gz) give exact counts and percentiles over
    every sample, and their <scenario>-summary.json files give the threshold expressions (global, scenario,
    endpoint, any sub-metric), which are judged on the merged figures. A folder contributes its and its
    subfolders' raw outputs and summaries. Writes <scenario>-summary.json, -junit.xml, -report.html, -summary.md
    and -gate.txt (the release gate, as gate judges it with --thresholds) into --out (created when missing; no
    file is replaced) or a fresh results/<UTC timestamp>/. Exits 0 pass, 99 a merged threshold failed (as k6
    would), 1 only the gate failed, 2 bad input. Memory does not grow with the files.`,
  async run(args, out) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { out: { type: 'string' }, thresholds: { type: 'string' } },
    });
    if (positionals.length === 0) {
      throw new ForgeError('invalid_option', {
        field: 'merge',
        given: 'no files',
        accepted: 'k6 --out json files (plain or .gz) with their summaries, or folders holding them',
      });
    }
    if (values.out === '') invalidOption('--out', values.out, 'a folder path');
    let outDir: string;
    if (values.out === undefined) outDir = createResultsDir('results');
    else {
      outDir = values.out;
      try {
        mkdirSync(outDir, { recursive: true });
      } catch (error) {
        invalidOption(
          '--out',
          outDir,
          `a folder that exists or can be created (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
        );
      }
    }
    let result: MergeRunResult;
    try {
      result = await mergeRun({ paths: positionals, outDir, thresholds: values.thresholds });
    } catch (error) {
      // A fresh folder that bad input left empty is removed, as run does.
      if (values.out === undefined) rmdirSync(outDir);
      throw error;
    }
    await reportMerge(result, outDir, out);
    return result.code;
  },
};
