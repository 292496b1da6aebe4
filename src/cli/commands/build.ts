import { parseArgs } from 'node:util';
import { ForgeError } from '../../lib/errors.ts';
import { type Command, EXIT } from '../command.ts';

function formatSize(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}

/**
 * `k6-forge build <files...> [--outdir dist] [--target es2022] [--thresholds thresholds.json]`: bundles k6 scripts
 * with {@link buildBundles} and prints each bundle and its size.
 */
export const buildCommand: Command = {
  usage: `build <files...> [--outdir dist] [--target es2022] [--thresholds thresholds.json]
    Bundle k6 scripts into single-file ESM that k6 runs as it is. A project's thresholds file is merged over
    k6-forge's own, key by key; the build prints the limits and gates it embedded.`,
  async run(args, { print }) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { outdir: { type: 'string', default: 'dist' }, target: { type: 'string' }, thresholds: { type: 'string' } },
    });
    if (positionals.length === 0)
      throw new ForgeError('invalid_option', { field: 'build', given: 'no files', accepted: 'one or more entry scripts' });
    // The build engine (esbuild, TypeScript) loads only when this command runs.
    const { buildBundles } = await import('../bundle/build-bundles.ts');
    const bundles = await buildBundles({
      entries: positionals,
      outdir: values.outdir,
      ...(values.target !== undefined && { target: values.target }),
      ...(values.thresholds !== undefined && { thresholds: values.thresholds }),
      log: print,
    });
    for (const bundle of bundles) print(`${bundle.file.padEnd(32)} ${formatSize(bundle.bytes).padStart(9)}`);
    return EXIT.ok;
  },
};
