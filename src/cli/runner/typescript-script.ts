import { basename, join } from 'node:path';

/** Script names `run` builds before k6 runs them: k6 strips TypeScript's types but resolves no `node_modules`. */
const TYPESCRIPT = /\.(ts|mts|cts)$/;

/**
 * Whether `run` has to build a script first: a TypeScript one (`examples/smoke.ts`).
 * @param script - The script's path.
 * @returns Whether its name ends in `.ts`, `.mts` or `.cts`.
 */
export function isTypeScript(script: string): boolean {
  return TYPESCRIPT.test(script);
}

/**
 * Builds a TypeScript script into a run's results folder, as `k6-forge build <script> --outdir <folder>` does (the
 * project's `thresholds.json` embedded when present), and returns the bundle k6 runs. The build engine is imported
 * only here, so a run of a built bundle never loads esbuild.
 * @param script - The TypeScript script.
 * @param folder - The run's results folder, which receives `<name>.js` and its source map.
 * @param log - Where the build says what it embedded.
 * @returns The bundle's path, in the folder as given.
 * @throws {ForgeError} When the build refuses the script (see `buildBundles`).
 */
export async function buildForRun(script: string, folder: string, log: (line: string) => void): Promise<string> {
  log(`k6-forge: building ${script} into ${folder}`);
  const { buildBundles } = await import('../bundle/build-bundles.ts');
  const [bundle] = await buildBundles({ entries: [script], outdir: folder, log });
  return join(folder, basename(bundle!.file));
}
