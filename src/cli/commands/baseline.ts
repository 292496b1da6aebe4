import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { ForgeError, invalidOption } from '../../lib/errors.ts';
import { type Command, EXIT } from '../command.ts';
import { readJsonFile } from '../io/json-file.ts';
import { writeWhole } from '../io/write-whole.ts';
import { baselineFile, checkedBaseline } from '../summaries/baseline-file.ts';
import { SUMMARY_ACCEPTED, summaryFromJson } from '../summaries/summary-file.ts';

/**
 * `k6-forge baseline save <summary> [--out baselines/<scenario>.json] [--force]`: records a run as the baseline
 * that later runs are compared with. The file is written whole, and an existing one is kept unless `--force`.
 * Exits 0 once saved; throws {@link ForgeError} for bad input (an unknown subcommand, a malformed summary, no
 * scenario to name the file, an existing file).
 */
export const baselineCommand: Command = {
  usage: `baseline save <summary> [--out baselines/<scenario>.json] [--force]
    Record a run as the baseline for compare; an existing file is kept unless --force.`,
  async run(args, out) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { out: { type: 'string' }, force: { type: 'boolean', default: false } },
    });
    const [action, file, ...rest] = positionals;
    if (action !== 'save') invalidOption('baseline', action, 'save <summary>');
    if (file === undefined || rest.length > 0) {
      invalidOption('baseline save', positionals.slice(1).join(' ') || undefined, 'exactly one summary file');
    }
    const summary = summaryFromJson(await readJsonFile(file, SUMMARY_ACCEPTED), file);
    const scenario = summary.scenario;
    if (scenario === undefined && values.out === undefined) {
      throw new ForgeError('invalid_file', {
        field: file,
        given: 'a summary that names no scenario (no meta, no <scenario>-summary.json name)',
        accepted: 'a file to write given with --out',
      });
    }
    const target = values.out ?? join('baselines', `${scenario}.json`);
    const content = baselineFile(summary, scenario ?? basename(target, '.json'), new Date());
    const text = `${JSON.stringify(content, null, 2)}\n`;
    // What is written is read back as compare reads it first, so --force never replaces a good baseline with one refused.
    checkedBaseline(JSON.parse(text) as Record<string, unknown>, target);
    await writeWhole(target, text, { replace: values.force });
    out.print(`k6-forge: saved the baseline of ${content.scenario} to ${target}`);
    return EXIT.ok;
  },
};
