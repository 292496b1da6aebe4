import { basename, join } from 'node:path';
import { ForgeError } from '../../lib/errors.ts';

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
 * Type-checks a TypeScript script as `k6-forge build` does (`./tsconfig.json`, else the built-in strict config),
 * then builds it into a run's results folder, as `k6-forge build <script> --outdir <folder>` does (the project's
 * `thresholds.json` embedded when present), and returns the bundle k6 runs. The type check and the build engine are
 * imported only here, so a run of a built bundle never loads TypeScript or esbuild.
 * @param script - The TypeScript script.
 * @param folder - The run's results folder, which receives `<name>.js`.
 * @param log - Where the build says what it embedded, and the type errors go (`file:line:col message`, one a line).
 * @param typeCheck - Whether to type-check first. @default true
 * @returns The bundle's path, in the folder as given.
 * @throws {ForgeError} `invalid_script` when the script has type errors; when the build refuses it (see `buildBundles`).
 */
export async function buildForRun(script: string, folder: string, log: (line: string) => void, typeCheck = true): Promise<string> {
  if (typeCheck) {
    const { typeCheck: check } = await import('../bundle/type-check.ts');
    const { config, errors } = await check([script]);
    for (const error of errors) log(error);
    if (errors.length > 0) {
      throw new ForgeError('invalid_script', {
        field: script,
        given: `${errors.length} type error${errors.length === 1 ? '' : 's'} (above)`,
        accepted: `a script that type-checks with ${config} (or --no-typecheck to run it unchecked)`,
      });
    }
  }
  log(`k6-forge: building ${script} into ${folder}`);
  const { buildBundles } = await import('../bundle/build-bundles.ts');
  const [bundle] = await buildBundles({ entries: [script], outdir: folder, log });
  return join(folder, basename(bundle!.file));
}
