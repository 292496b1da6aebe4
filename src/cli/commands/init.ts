import { parseArgs } from 'node:util';
import { invalidOption } from '../../lib/errors.ts';
import { type Command, EXIT } from '../command.ts';
import { DEFAULT_INIT_DIR, writeScaffold } from '../scaffold/init-scaffold.ts';

/**
 * `k6-forge init [dir] [--workflows] [--dashboards]`: scaffolds a team's load-test folder (default `tests/load`) with
 * {@link writeScaffold}, with the CI workflows and the Grafana dashboards when asked, and prints each file it writes. Exits 0 once written, or when every file is already there as init writes it; throws
 * {@link ForgeError} (exit 2) when any other file of the scaffold exists, having written nothing.
 */
export const initCommand: Command = {
  usage: `init [dir] [--workflows] [--dashboards]
    Scaffold a load-test folder (default tests/load): a script per profile (smoke, load, stress, spike, soak) on
    the endpoint catalog against the demo target's API, thresholds.json with its schema, tsconfig.json over
    @types/k6, package.json with scripts, .gitignore and README.md. --workflows adds the GitHub Actions workflows
    (PR smoke, nightly load, weekly stress, release gate, post-deploy smoke check, failover drill) to
    .github/workflows/ of the current folder, pointed at dir; --dashboards adds the Grafana dashboards for
    run --prometheus to dir/dashboards/, drawn from the scaffold's thresholds. Never overwrites: when any of these
    files exists it writes nothing and names them (exit 2), unless all exist as init writes them (exit 0).`,
  async run(args, { print }) {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: { workflows: { type: 'boolean', default: false }, dashboards: { type: 'boolean', default: false } },
    });
    if (positionals.length > 1) invalidOption('init [dir]', positionals.join(' '), 'at most one folder');
    const folder = positionals[0] ?? DEFAULT_INIT_DIR;
    if (folder === '') invalidOption('init [dir]', folder, 'a folder path');
    const result = await writeScaffold(folder, (path) => print(`k6-forge: wrote ${path}`), values);
    if (result.outcome === 'unchanged') {
      print(
        `k6-forge: ${folder} already holds all ${result.files.length} files of the scaffold as this version writes them; nothing written`,
      );
      return EXIT.ok;
    }
    print(
      [
        `k6-forge: scaffolded ${folder}; next:`,
        `  cd ${folder} && npm install`,
        '  npm test          # type-check, build, and a short smoke run against the demo target (needs k6)',
        '  BASE_URL=https://your.api npm run smoke',
      ].join('\n'),
    );
    return EXIT.ok;
  },
};
