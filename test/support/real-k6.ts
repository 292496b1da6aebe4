import { execFileSync, spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { buildBundles } from '../../src/cli/bundle/build-bundles.ts';

/** A k6 version as `[major, minor, patch]`. */
export type Version = readonly [major: number, minor: number, patch: number];

/**
 * Reads the version `k6 version` prints: `k6 v2.2.0 (commit/devel, ...)`, or `k6-v1.3.0 v1.3.0 (...)` for a renamed binary.
 * @param binary - The k6 binary.
 * @returns Its version.
 */
export function k6Version(binary: string): Version {
  const text = execFileSync(binary, ['version'], { encoding: 'utf8' });
  const match = /(?:^|\s)v(\d+)\.(\d+)\.(\d+)/.exec(text);
  if (!match) throw new Error(`no version in the output of \`${binary} version\`: ${text}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/**
 * Whether a version is at least a given major and minor.
 * @param version - The version.
 * @param wanted - The oldest major and minor wanted.
 * @returns Whether it is that or newer.
 */
export function atLeast([major, minor]: Version, [wantMajor, wantMinor]: readonly [number, number]): boolean {
  return major > wantMajor || (major === wantMajor && minor >= wantMinor);
}

/**
 * Builds one script for a k6 binary: an es2017 bundle for k6 older than 0.53 (which compiles ES modules with Babel 6,
 * rejecting the default es2022), the default otherwise.
 * @param k6 - The k6 binary.
 * @param entry - The script.
 * @param outdir - Where the bundle goes.
 * @returns The bundle's path.
 */
export async function buildFor(k6: string, entry: string, outdir: string): Promise<string> {
  const legacy = !atLeast(k6Version(k6), [0, 53]);
  const [bundle] = await buildBundles({ entries: [entry], outdir, ...(legacy && { target: 'es2017' }) });
  return bundle!.file;
}

/** What one real k6 run gave. */
export interface K6Outcome {
  /** k6's exit code. */
  readonly code: number | null;
  /** stdout and stderr together. */
  readonly output: string;
  /** Whatever k6 left in its working folder. */
  readonly leftovers: string[];
}

/**
 * Runs real k6 without blocking this process (which may serve the target), in a working folder of its own, so
 * anything it writes outside `RESULTS_DIR` and its `--out` shows in `leftovers` rather than in the repository.
 * @param k6 - The k6 binary.
 * @param args - The arguments after `k6`, such as `['run', script]`.
 * @param options - The working folder and extra environment variables.
 * @returns The exit code, the output and what was left in the working folder.
 */
export function runK6(
  k6: string,
  args: readonly string[],
  options: { cwd: string; env: Readonly<Record<string, string>> },
): Promise<K6Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(k6, args, { cwd: options.cwd, env: { ...process.env, ...options.env } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output, leftovers: readdirSync(options.cwd) }));
  });
}
