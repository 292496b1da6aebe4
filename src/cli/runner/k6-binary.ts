import { spawnSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { join, posix, win32 } from 'node:path';
import { ForgeError, shown } from '../../lib/errors.ts';

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
 * Finds the k6 binary: `K6_BIN` first, then `k6` on `PATH` (`k6.exe` on `Path` or `PATH`, split at `;`, on Windows).
 * @param env - The environment to read. @default process.env
 * @param platform - The operating system, which names the binary and splits `PATH`. @default process.platform
 * @returns The binary's path, or undefined when there is none.
 * @throws {ForgeError} `invalid_env` when `K6_BIN` is set but is not an executable file.
 */
export function findK6(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  if (env['K6_BIN'] !== undefined) {
    if (isExecutable(env['K6_BIN'])) return env['K6_BIN'];
    throw new ForgeError('invalid_env', { field: 'K6_BIN', given: shown(env['K6_BIN']), accepted: 'the path of an executable k6 binary' });
  }
  const windows = platform === 'win32';
  const path = (windows ? (env['Path'] ?? env['PATH']) : env['PATH']) ?? '';
  const name = windows ? 'k6.exe' : 'k6';
  for (const folder of path.split(windows ? win32.delimiter : posix.delimiter)) {
    if (folder && isExecutable(join(folder, name))) return join(folder, name);
  }
  return undefined;
}

/** k6 modules that k6-forge bundles may import and the first k6 version that has each. */
export const K6_MODULE_SINCE: Readonly<Record<string, string>> = {
  'k6/websockets': '1.6.0',
  'k6/timers': '0.50.0',
};

function versionParts(version: string): number[] {
  return version.split('.').map(Number);
}

function older(version: string, than: string): boolean {
  const [a, b] = [versionParts(version), versionParts(than)];
  for (let i = 0; i < 3; i += 1) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0);
  return false;
}

/**
 * Reads a k6 binary's version from `k6 version` (`k6 v2.2.0 (commit/..., go1.25, linux/amd64)`).
 * @param k6 - The binary.
 * @returns The version, such as `2.2.0`, or undefined when k6 does not say.
 */
export function k6Version(k6: string): string | undefined {
  const out = spawnSync(k6, ['version'], { encoding: 'utf8', timeout: 10_000 });
  return /\bv(\d+\.\d+\.\d+)\b/.exec(out.stdout ?? '')?.[1];
}

/**
 * Refuses a bundle that imports a k6 module the given k6 lacks, before k6 starts: k6 itself stops such a script with
 * only `GoError: unknown module: k6/websockets`, naming neither the script nor the version it needs.
 * @param script - The bundle's path.
 * @param code - The bundle's text.
 * @param version - The k6 version, such as `1.3.0`.
 * @throws {ForgeError} `invalid_script` naming the script, the module, this k6 and the version the module needs.
 */
export function assertK6Supports(script: string, code: string, version: string): void {
  for (const [, module] of code.matchAll(/^import\b[^;]*?["'](k6\/[^"']+)["'];?$/gm)) {
    const since = K6_MODULE_SINCE[module!];
    if (since !== undefined && older(version, since)) {
      throw new ForgeError('invalid_script', {
        field: script,
        given: `an import of ${shown(module)}, which k6 v${version} does not have`,
        accepted: `k6 v${since} or newer for this script (set K6_BIN to a newer k6)`,
      });
    }
  }
}
