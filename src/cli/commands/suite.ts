import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { invalidOption, shown } from '../../lib/errors.ts';
import { type Command, EXIT } from '../command.ts';
import { writeAllWhole } from '../io/write-whole.ts';
import { compareJson, compareMarkdown } from '../report/compare-report.ts';
import { gateText } from '../report/gate-text.ts';
import { suiteJson, suiteJunit, suiteMarkdown, suiteText } from '../report/suite-report.ts';
import { findK6, K6_INSTALL_HINT } from '../runner/k6-binary.ts';
import { runSuite } from '../suites/run-suite.ts';
import { DEFAULT_SUITES_FILE, readSuitesFile, suiteNamed } from '../suites/suite-config.ts';
import type { SuiteVerdict } from '../suites/suite-verdict.ts';

/** The files a suite's verdict is written to, in its results folder. */
function verdictFiles(verdict: SuiteVerdict): { path: string; contents: string }[] {
  const files = [
    { path: join(verdict.folder, 'suite-verdict.json'), contents: suiteJson(verdict) },
    { path: join(verdict.folder, 'suite-verdict.md'), contents: `${suiteMarkdown(verdict)}\n` },
    { path: join(verdict.folder, 'suite-junit.xml'), contents: suiteJunit(verdict) },
  ];
  for (const step of verdict.steps) {
    if (step.gate?.outcome)
      files.push({ path: join(verdict.folder, `${step.name}-gate.txt`), contents: `${gateText(step.gate.outcome)}\n` });
    const comparison = step.compare?.comparison;
    if (comparison) {
      files.push(
        { path: join(verdict.folder, `${step.name}-compare.json`), contents: `${compareJson(comparison)}\n` },
        { path: join(verdict.folder, `${step.name}-compare.md`), contents: `${compareMarkdown(comparison)}\n` },
      );
    }
  }
  return files;
}

/**
 * `k6-forge suite <name> [environment] [--config FILE] [--keep-going] [--output-dir DIR] [--results DIR]
 * [--demo-target] [--ci] [--thresholds F] [--prometheus URL]`: runs a suite of the suites file with {@link runSuite}, writes its verdict
 * (`suite-verdict.json`, `.md`, `suite-junit.xml`, each gate's text and each comparison) into its results folder, and
 * exits 0 when every step passed, 1 when a step, gate or comparison failed, 2 for bad input, 127 without k6.
 */
export const suiteCommand: Command = {
  usage: `suite <name> [environment] [--config ${DEFAULT_SUITES_FILE}] [--keep-going] [--output-dir DIR] [--results results]
      [--demo-target] [--ci] [--thresholds F] [--prometheus URL]
    Run a suite of the suites file (a JSON file, schema k6-forge/schemas/suites.schema.json): its steps in
    order with k6, each as k6-forge run would, all into one fresh <results>/<UTC timestamp>/ folder (or the
    --output-dir folder); stop at the first step whose k6 run fails unless --keep-going; then judge each step's
    gate (the thresholds file's gates, as k6-forge gate) and comparison (against a saved baseline, as k6-forge
    compare). Writes suite-verdict.json, suite-verdict.md and suite-junit.xml there, prints the verdict, and
    exits 0 (pass), 1 (a step, gate or comparison failed) or 2 (bad input, before any step runs).
    The environment (ENVIRONMENT) applies to every step, over the steps' and the suite's own.
    --demo-target starts the demo target once for every step. --ci: k6's --no-color and --quiet on every
    step, and suite-verdict.md appended to $GITHUB_STEP_SUMMARY when it is set. --prometheus URL streams every
    step's metrics to a Prometheus remote-write URL, as run --prometheus does (all steps share the suite's testid;
    the scenario label tells them apart).`,
  async run(args, { print, report }) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        config: { type: 'string', default: DEFAULT_SUITES_FILE },
        'keep-going': { type: 'boolean', default: false },
        'output-dir': { type: 'string' },
        results: { type: 'string' },
        'demo-target': { type: 'boolean', default: false },
        ci: { type: 'boolean', default: false },
        thresholds: { type: 'string' },
        prometheus: { type: 'string' },
      },
    });
    if (positionals.length < 1 || positionals.length > 2) {
      invalidOption('suite', positionals.join(' ') || undefined, 'one suite name, then at most an environment');
    }
    const [name, environment] = positionals as [string, string | undefined];
    if (environment !== undefined && !/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(environment)) {
      invalidOption('environment', environment, 'an environment name of letters, digits, - and _, such as staging');
    }
    const suite = suiteNamed(await readSuitesFile(values.config), name, values.config);
    const k6 = findK6();
    if (!k6) {
      print(K6_INSTALL_HINT);
      return EXIT.k6NotFound;
    }
    const verdict = await runSuite({
      name,
      suite,
      k6,
      environment,
      keepGoing: values['keep-going'],
      outputDir: values['output-dir'],
      resultsRoot: values.results,
      demoTarget: values['demo-target'],
      ci: values.ci,
      thresholds: values.thresholds,
      prometheus: values.prometheus,
      log: print,
    });
    await writeAllWhole(verdictFiles(verdict));
    report(suiteText(verdict));
    print(`k6-forge: suite ${name} results in ${verdict.folder}`);
    const stepSummary = process.env['GITHUB_STEP_SUMMARY'];
    if (values.ci && stepSummary) {
      try {
        await appendFile(stepSummary, `${suiteMarkdown(verdict)}\n\n`);
      } catch (error) {
        print(
          `k6-forge: warning: GITHUB_STEP_SUMMARY ${shown(stepSummary)} could not be appended to (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
        );
      }
    }
    return verdict.result === 'pass' ? EXIT.ok : EXIT.failed;
  },
};
