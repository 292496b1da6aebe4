import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { invalidOption } from '../../lib/errors.ts';
import { type Command, EXIT } from '../command.ts';
import { DASHBOARDS_DIR, dashboardFiles } from '../dashboards/grafana-dashboards.ts';
import { writeAllWhole } from '../io/write-whole.ts';
import { readThresholdsFile } from '../limits/thresholds-source.ts';

/**
 * `k6-forge dashboards [--thresholds F] [--out DIR]`: writes the Grafana dashboards of a run streamed with
 * `run --prometheus` (`k6-forge-overview.json`, `k6-forge-comparison.json`), generated from the thresholds in force
 * (a project's merged over k6-forge's), into `DIR` (default `dashboards/grafana`), replacing earlier ones.
 */
export const dashboardsCommand: Command = {
  usage: `dashboards [--thresholds F] [--out ${DASHBOARDS_DIR}]
    Write the Grafana dashboards for runs streamed with run --prometheus: k6-forge-overview.json (requests/s,
    error rate, p95 and p99 per endpoint and service, VUs, checks, the script's Counters, Rates and Trends, each
    endpoint of the thresholds file with its limits as threshold lines) and k6-forge-comparison.json (a run against
    a baseline run, side by side). Generated from the thresholds in force (./thresholds.json merged over
    k6-forge's, or F); a second run replaces the files. Import them in Grafana with a Prometheus datasource.`,
  async run(args, { print }) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { thresholds: { type: 'string' }, out: { type: 'string', default: DASHBOARDS_DIR } },
    });
    if (positionals.length > 0) invalidOption('dashboards', positionals.join(' '), 'no arguments besides --thresholds and --out');
    if (values.out === '') invalidOption('--out', values.out, 'a folder path');
    const source = await readThresholdsFile(values.thresholds);
    const files = dashboardFiles(source.file).map(({ name, contents }) => ({ path: join(values.out, name), contents }));
    await writeAllWhole(files);
    print(`k6-forge: dashboards from ${source.path}${source.merged ? ' (merged over k6-forge’s thresholds.json)' : ''}:`);
    for (const { path } of files) print(`  ${path}`);
    return EXIT.ok;
  },
};
