import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { basename, dirname, relative, resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { ForgeError, invalidOption, shown } from '../../lib/errors.ts';
import { PACKAGE_VERSION } from '../io/package-version.ts';
import { writeAllWhole } from '../io/write-whole.ts';
import { readThresholdsFile, thresholdsDescription, thresholdsWarnings } from '../limits/thresholds-source.ts';
import { poolImports } from '../pools/pools-import.ts';
import { optionsInFirstInitOnly } from './first-init-options.ts';
import { oneBindingPerK6Export } from './k6-import-bindings.ts';
import { oneLazyDispatcher } from './lazy-dispatcher.ts';
import { lazyImports } from './lazy-imports.ts';
import { BUILD_CONDITIONS } from './package-modules.ts';
import { topLevelLet } from './top-level-let.ts';

/** Options for {@link buildBundles}. */
export interface BuildOptions {
  /** TypeScript or JavaScript entry scripts, one bundle each. */
  readonly entries: readonly string[];
  /** Where `<name>.js` (and `<name>.js.map` with linked source maps) go. */
  readonly outdir: string;
  /** The JavaScript version to emit; lower it (such as `es2017`) for k6 older than 0.53. @default "es2022" */
  readonly target?: string;
  /**
   * The thresholds file to validate, merge over k6-forge's packaged one, and embed.
   * @default `./thresholds.json` when present, else k6-forge's own
   */
  readonly thresholds?: string;
  /**
   * Source maps: none (k6 then never warns that it could not load one, as it does for a linked map when the bundle
   * runs from stdin, a ConfigMap or a copy without its map), inline in the bundle, or linked (`<name>.js.map` beside
   * it, named by a `sourceMappingURL` comment).
   * @default "none"
   */
  readonly sourcemap?: string;
  /** Where the build says what it embedded (the thresholds file, its limits and gates) and warns. @default nowhere */
  readonly log?: ((line: string) => void) | undefined;
}

/** One bundle written by {@link buildBundles}. */
export interface Bundle {
  /** The entry script it came from. */
  readonly entry: string;
  /** The bundle's path. */
  readonly file: string;
  /** The bundle's size in bytes (without its source map). */
  readonly bytes: number;
}

/** The source map kinds `--sourcemap` accepts. */
export const SOURCE_MAPS = ['none', 'inline', 'linked'] as const;

/** The JavaScript versions `--target` accepts. */
export const BUILD_TARGETS = ['es2015', 'es2016', 'es2017', 'es2018', 'es2019', 'es2020', 'es2021', 'es2022'] as const;

const NODE_BUILTINS = new Set(builtinModules);
const K6_IMPORT = /^(k6|k6\/.+|https:\/\/.+)$/;

/** Refuses Node built-ins with a message that says why, instead of esbuild's bundling hint. */
const k6OnlyImports: Plugin = {
  name: 'k6-only-imports',
  setup(bundle) {
    bundle.onResolve({ filter: /.*/ }, ({ path, importer }) => {
      const name = path.replace(/^node:/, '');
      if (!path.startsWith('node:') && !NODE_BUILTINS.has(name)) return undefined;
      return {
        errors: [
          {
            text: `${relative('.', importer)} imports the Node built-in "${path}", which k6 does not have; use k6 and k6/* modules instead`,
          },
        ],
      };
    });
  },
};

/** Loads the entry scripts with their options built in k6's first init only (see first-init-options.ts). */
function firstInitOptions(entries: readonly string[]): Plugin {
  const paths = new Set(entries.map((entry) => resolve(entry)));
  return {
    name: 'first-init-options',
    setup(bundle) {
      bundle.onLoad({ filter: /\.[cm]?[jt]s$/ }, async ({ path }) => {
        if (!paths.has(path)) return undefined;
        const source = await readFile(path, 'utf8');
        const loader = /\.[cm]?ts$/.test(path) ? 'ts' : 'js';
        return { contents: optionsInFirstInitOnly(source, path), loader, resolveDir: dirname(path) };
      });
    },
  };
}

function checkExternalImports(entry: string, imports: readonly { path: string; external?: boolean }[]): void {
  for (const { path, external } of imports) {
    if (external && !K6_IMPORT.test(path)) {
      throw new ForgeError('invalid_script', {
        field: entry,
        given: `an import of ${shown(path)}`,
        accepted: 'imports of k6, k6/* and https:// modules only; everything else must be bundled',
      });
    }
  }
}

/**
 * Checks the options of a build before any work: the target, the source map kind and that every entry exists.
 * @param options - The build's options.
 * @returns The target and source map kind, defaults applied.
 * @throws {ForgeError} `invalid_option` naming the option, the value given and what is accepted.
 */
export function checkBuildOptions(options: BuildOptions): { target: string; sourcemap: (typeof SOURCE_MAPS)[number] } {
  const target = options.target ?? 'es2022';
  if (!(BUILD_TARGETS as readonly string[]).includes(target)) {
    invalidOption('--target', target, `one of ${BUILD_TARGETS.join(', ')}`);
  }
  const sourcemap = options.sourcemap ?? 'none';
  if (!(SOURCE_MAPS as readonly string[]).includes(sourcemap)) {
    invalidOption('--sourcemap', sourcemap, `one of ${SOURCE_MAPS.join(', ')}`);
  }
  for (const entry of options.entries) {
    if (!existsSync(entry)) invalidOption('entry', entry, 'an existing script file');
  }
  return { target, sourcemap: sourcemap as (typeof SOURCE_MAPS)[number] };
}

/**
 * Bundles k6 entry scripts into single-file ESM that k6 runs as it is, with the thresholds in force embedded and
 * `k6-forge/pool?...` imports resolved (pools built now and carried as JSON, or read from a file at init).
 * The bundles and source maps are written all or none (temporary names, then renames), so a failed build leaves
 * the earlier bundles as they were.
 * @param options - Entries, output folder, JavaScript target, source maps and thresholds file.
 * @returns The bundles written, with their sizes.
 * @throws {ForgeError} For a bad target or source map kind, a malformed thresholds file, or a script importing what k6 cannot load.
 */
export async function buildBundles(options: BuildOptions): Promise<Bundle[]> {
  const { target, sourcemap } = checkBuildOptions(options);
  const thresholds = await readThresholdsFile(options.thresholds);
  const { file } = thresholds;
  for (const line of [...thresholdsDescription(thresholds), ...thresholdsWarnings(file).map((warning) => `warning: ${warning}`)])
    options.log?.(line);
  const define = { __K6_FORGE_THRESHOLDS__: JSON.stringify(file), __K6_FORGE_VERSION__: JSON.stringify(PACKAGE_VERSION) };
  const plugins = [k6OnlyImports, poolImports];
  const conditions = [...BUILD_CONDITIONS];
  const result = await build({
    entryPoints: [...options.entries],
    outdir: options.outdir,
    entryNames: '[name]',
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target,
    supported: { 'async-generator': false, 'for-await': false },
    external: ['k6', 'k6/*', 'https://*'],
    define,
    conditions,
    plugins: [firstInitOptions(options.entries), ...plugins, lazyImports({ target, define, plugins, conditions })],
    sourcemap: sourcemap === 'none' ? false : sourcemap,
    sourcesContent: false,
    legalComments: 'none',
    charset: 'utf8',
    metafile: true,
    write: false,
    logLevel: 'silent',
  }).catch((error: { errors?: { text: string; location?: { file: string; line: number } | null }[] }) => {
    const first = error.errors?.[0];
    if (!first) throw error;
    const where = first.location ? `${first.location.file}:${first.location.line}` : 'build';
    throw new ForgeError('invalid_script', { field: where, given: first.text, accepted: 'a script k6 can run once bundled' });
  });
  const files = result.outputFiles.map(({ path, contents, text }) =>
    path.endsWith('.js')
      ? { path, contents: topLevelLet(oneBindingPerK6Export(sourcemap === 'none' ? oneLazyDispatcher(text) : text)) }
      : { path, contents },
  );
  // Each bundle's size as written, after the dispatcher, the bindings and the `let`s have changed esbuild's output.
  const bytes = new Map(files.map(({ path, contents }) => [path, Buffer.byteLength(contents)]));
  const bundles: Bundle[] = [];
  for (const [output, meta] of Object.entries(result.metafile.outputs)) {
    if (!meta.entryPoint) continue;
    checkExternalImports(meta.entryPoint, meta.imports);
    bundles.push({ entry: meta.entryPoint, file: output, bytes: bytes.get(resolve(output))! });
  }
  await writeAllWhole(files);
  return bundles.sort((a, b) => basename(a.file).localeCompare(basename(b.file)));
}
