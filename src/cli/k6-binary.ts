import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { ForgeError, shown } from '../lib/errors.ts';

/** What to tell a person who has no k6. */
export const K6_INSTALL_HINT = [
  'k6 was not found: set K6_BIN to its path, or put `k6` on PATH.',
  'Install it from https://grafana.com/docs/k6/latest/set-up/install-k6/ (brew install k6, apt, winget, or a release binary),',
  'or run a bundle in Docker: docker run --rm -i -e BASE_URL=... grafana/k6 run - < dist/smoke.js',
].join('\n');

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Finds the k6 binary: `K6_BIN` first, then `k6` on `PATH`.
 * @param env - The environment to read. @default process.env
 * @returns The binary's path, or undefined when there is none.
 * @throws {ForgeError} `invalid_env` when `K6_BIN` is set but is not an executable file.
 */
export function findK6(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env['K6_BIN'] !== undefined) {
    if (isExecutable(env['K6_BIN'])) return env['K6_BIN'];
    throw new ForgeError('invalid_env', { field: 'K6_BIN', given: shown(env['K6_BIN']), accepted: 'the path of an executable k6 binary' });
  }
  for (const folder of (env['PATH'] ?? '').split(delimiter)) {
    if (folder && isExecutable(join(folder, 'k6'))) return join(folder, 'k6');
  }
  return undefined;
}
