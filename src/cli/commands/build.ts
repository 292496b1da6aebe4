import { parseArgs } from 'node:util';
import { ForgeError } from '../../lib/errors.ts';
import { type Command, EXIT } from '../command.ts';

function formatSize(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}

/**
 * `k6-forge build <files...> [--outdir dist] [--target es2022] [--thresholds thresholds.json] [--sourcemap none]
 * [--no-typecheck]`: type-checks k6 scripts (`typeCheck`), then bundles them with `buildBundles` and prints each
 * bundle and its size. Type errors print as `file:line:col message`, one per line, and exit 2 with no bundle written.
 */
export const buildCommand: Command = {
  usage: `build <files...> [--outdir dist] [--target es2022] [--thresholds thresholds.json] [--sourcemap none|inline|linked] [--no-typecheck]
    Type-check k6 scripts (with ./tsconfig.json, else a strict config over @types/k6), then bundle them into
    single-file ESM that k6 runs as it is. Type errors print as file:line:col message and exit 2, writing nothing.
    A project's thresholds file is merged over k6-forge's own, key by key; the build prints the limits and gates it
    embedded. Source maps: none by default, inline in the bundle, or linked (<name>.js.map beside it).`,
  async run(args, { print }) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        outdir: { type: 'string', default: 'dist' },
        target: { type: 'string' },
        thresholds: { type: 'string' },
        sourcemap: { type: 'string' },
        'no-typecheck': { type: 'boolean', default: false },
      },
    });
    if (positionals.length === 0)
      throw new ForgeError('invalid_option', { field: 'build', given: 'no files', accepted: 'one or more entry scripts' });
    // The build engine (esbuild) and the type check (TypeScript) load only when this command runs.
    const { buildBundles, checkBuildOptions } = await import('../bundle/build-bundles.ts');
    const options = {
      entries: positionals,
      outdir: values.outdir,
      ...(values.target !== undefined && { target: values.target }),
      ...(values.thresholds !== undefined && { thresholds: values.thresholds }),
      ...(values.sourcemap !== undefined && { sourcemap: values.sourcemap }),
      log: print,
    };
    checkBuildOptions(options);
    if (!values['no-typecheck']) {
      const { typeCheck } = await import('../bundle/type-check.ts');
      const { config, errors } = await typeCheck(positionals);
      if (errors.length > 0) {
        for (const error of errors) print(error);
        print(
          `k6-forge build: ${errors.length} type error${errors.length === 1 ? '' : 's'} (checked with ${config}); no bundle written (--no-typecheck bundles without checking)`,
        );
        return EXIT.badInput;
      }
      print(`type-checked ${positionals.length === 1 ? positionals[0] : `${positionals.length} scripts`} with ${config}`);
    }
    const bundles = await buildBundles(options);
    for (const bundle of bundles) print(`${bundle.file.padEnd(32)} ${formatSize(bundle.bytes).padStart(9)}`);
    return EXIT.ok;
  },
};
