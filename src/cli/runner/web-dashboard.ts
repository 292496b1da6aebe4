import { join, resolve } from 'node:path';

/** The file `run --dashboard` exports k6's web dashboard to, in the run's results folder. */
export const DASHBOARD_FILE = 'dashboard.html';

/**
 * The environment that turns on k6's web dashboard (k6 0.49 and later) and exports it as one HTML file when the test
 * ends. The live dashboard listens on a free loopback port, which k6 prints in its banner (`web dashboard:
 * http://127.0.0.1:<port>`): `K6_WEB_DASHBOARD_PORT=-1` does not stop k6 v2.2.0 from listening, it makes it listen on
 * a random port of every interface without saying which. The period is 1s, as k6 skips the export of a run that
 * took fewer than two periods (its default 10s would drop every run under 20 s); k6 lengthens it for long runs, so
 * the file stays about 1 MB at most. An exported `K6_WEB_DASHBOARD_PORT`, `_HOST` or `_PERIOD` is kept.
 * @param results - The run's results folder.
 * @param env - The environment k6-forge runs in. @default process.env
 * @returns `K6_WEB_DASHBOARD`, `K6_WEB_DASHBOARD_EXPORT` (an absolute path: k6 resolves it from its working
 *   directory), `K6_WEB_DASHBOARD_PORT`, `K6_WEB_DASHBOARD_HOST` and `K6_WEB_DASHBOARD_PERIOD`.
 */
export function webDashboardEnv(results: string, env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return {
    K6_WEB_DASHBOARD: 'true',
    K6_WEB_DASHBOARD_EXPORT: resolve(join(results, DASHBOARD_FILE)),
    K6_WEB_DASHBOARD_PORT: env['K6_WEB_DASHBOARD_PORT'] ?? '0',
    K6_WEB_DASHBOARD_HOST: env['K6_WEB_DASHBOARD_HOST'] ?? '127.0.0.1',
    K6_WEB_DASHBOARD_PERIOD: env['K6_WEB_DASHBOARD_PERIOD'] ?? '1s',
  };
}
