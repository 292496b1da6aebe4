// Where the build finds k6-forge's own k6-side modules: the TypeScript in src/ when the CLI runs from source (inside
// the repository, through tsx), the JavaScript in compiled/ when it runs from a packed install.
import { fileURLToPath } from 'node:url';

/** Whether this CLI runs from the TypeScript sources rather than from the compiled package. */
export const FROM_SOURCE = import.meta.url.endsWith('.ts');

/**
 * The esbuild export conditions of a build: `k6-forge-source` from source, so that `k6-forge/*` imports resolve to
 * src/ as package.json's exports say, then esbuild's own defaults for the browser platform.
 */
export const BUILD_CONDITIONS: readonly string[] = [...(FROM_SOURCE ? ['k6-forge-source'] : []), 'browser', 'module'];

/**
 * The absolute path of one of k6-forge's k6-side modules, in src/ or compiled/ as this CLI runs.
 * @param name - The module's path under src/ without its extension, such as `lib/errors`.
 * @returns Its path, ending in `.ts` from source and `.js` from the compiled package.
 */
export function packageModule(name: string): string {
  return fileURLToPath(new URL(`../../${name}${FROM_SOURCE ? '.ts' : '.js'}`, import.meta.url));
}
