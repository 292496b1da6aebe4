// The benchmarks' system under test: nginx answering every route the pairs use with a canned JSON body, so the
// figures measure k6 and the scripts, not a server's logic.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { onCpu } from './taskset.ts';

/** One canned answer: what nginx returns for a method on a path. */
export interface CannedRoute {
  readonly method: 'GET' | 'POST';
  /** The path; with `prefix`, every path below it (`/products/` answers `/products/{id}`). */
  readonly path: string;
  readonly prefix?: boolean;
  readonly status: number;
  readonly body: string;
}

const TOKENS = '{"accessToken":"t","refreshToken":"r","expiresIn":3600}';

/** Every route the benchmark pairs send to, with the answer their checks and teardowns expect. */
export const CANNED_ROUTES: readonly CannedRoute[] = [
  { method: 'GET', path: '/health', status: 200, body: '{"status":"ok"}' },
  { method: 'POST', path: '/init', status: 200, body: '{"productId":"iphone-15","stock":100}' },
  // The flash-sale teardown checks orders <= stocked and stock == stocked - orders; the smoke journey that stock exists.
  { method: 'GET', path: '/products/', prefix: true, status: 200, body: '{"productId":"iphone-15","stock":0,"stocked":100,"orders":100}' },
  { method: 'POST', path: '/order', status: 200, body: '{"orderId":"o-1"}' },
  { method: 'POST', path: '/auth/login', status: 200, body: TOKENS },
  { method: 'POST', path: '/auth/refresh', status: 200, body: TOKENS },
  { method: 'POST', path: '/customers', status: 201, body: '{"id":"c-1"}' },
  { method: 'GET', path: '/customers', status: 200, body: '{"results":[{"id":"c-1"}]}' },
  { method: 'POST', path: '/deals', status: 201, body: '{"id":"d-1"}' },
  { method: 'GET', path: '/deals/', prefix: true, status: 200, body: '{"id":"d-1"}' },
  { method: 'POST', path: '/tax/calculate', status: 200, body: '{"totalTax":100}' },
];

/** A running nginx target. */
export interface NginxTarget {
  /** The base URL, such as `http://127.0.0.1:40123`. */
  readonly url: string;
  /** One line saying what serves the benchmark, such as `nginx/1.22.1, 1 worker, canned JSON at http://...`. */
  readonly description: string;
  /** Stops nginx and removes its folder. */
  stop(): Promise<void>;
}

/**
 * Finds nginx: `nginx` on PATH, else Debian's `/usr/sbin/nginx` (often off a normal user's PATH).
 * @returns Its path, or undefined when there is none.
 */
export function findNginx(): string | undefined {
  const folders = [...(process.env['PATH'] ?? '').split(delimiter).filter(Boolean), '/usr/sbin'];
  return folders.map((folder) => join(folder, 'nginx')).find((path) => existsSync(path));
}

function quoted(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/**
 * The nginx configuration of the target: one worker, no access log, every temporary path inside `folder`, keep-alive
 * connections that last the whole run, and one `location` per canned path (405 for other methods, 404 elsewhere).
 * @param folder - nginx's prefix folder, where its pid, error log and temporary files go.
 * @param port - The loopback port to listen on.
 * @returns The configuration text.
 */
export function nginxConfig(folder: string, port: number): string {
  const locations = new Map<string, CannedRoute[]>();
  for (const route of CANNED_ROUTES) {
    const key = `${route.prefix ? '^~' : '='} ${route.path}`;
    locations.set(key, [...(locations.get(key) ?? []), route]);
  }
  const blocks = [...locations].map(([key, routes]) =>
    [
      `    location ${key} {`,
      ...routes.map((r) => `      if ($request_method = ${r.method}) { return ${r.status} ${quoted(r.body)}; }`),
      `      return 405 '{"error":"method not allowed"}';`,
      '    }',
    ].join('\n'),
  );
  return `${[
    'daemon off;',
    'worker_processes 1;',
    ...(process.getuid?.() === 0 ? ['user root;'] : []),
    `pid ${join(folder, 'nginx.pid')};`,
    `error_log ${join(folder, 'error.log')} warn;`,
    'events { worker_connections 4096; }',
    'http {',
    '  access_log off;',
    '  default_type application/json;',
    '  keepalive_requests 10000000;',
    '  keepalive_timeout 300s;',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `  ${kind}_temp_path ${join(folder, kind)};`),
    '  server {',
    `    listen 127.0.0.1:${port};`,
    ...blocks,
    `    location / { return 404 '{"error":"not found"}'; }`,
    '  }',
    '}',
  ].join('\n')}\n`;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Waits until the target answers `/health`, failing with nginx's error log when it exits or takes over 5 s. */
async function ready(child: ChildProcess, url: string, folder: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      if ((await fetch(`${url}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const log = join(folder, 'error.log');
  child.kill('SIGTERM');
  throw new Error(`nginx did not start at ${url}: ${existsSync(log) ? readFileSync(log, 'utf8').trim() : `exit code ${child.exitCode}`}`);
}

/**
 * Starts nginx as a child process on a free loopback port with the canned routes, in a fresh temporary folder.
 * @param nginx - The nginx binary, from {@link findNginx}.
 * @param cpu - The CPU to pin nginx to (see taskset.ts); undefined leaves it to the scheduler.
 * @returns The running target; call `stop()` when done.
 * @throws {Error} When nginx does not answer within 5 s, with its error log.
 */
export async function startNginxTarget(nginx: string, cpu?: number): Promise<NginxTarget> {
  const folder = mkdtempSync(join(tmpdir(), 'k6-forge-nginx-'));
  const port = await freePort();
  const config = join(folder, 'nginx.conf');
  writeFileSync(config, nginxConfig(folder, port));
  const child = spawn(...onCpu(cpu, nginx, ['-p', folder, '-c', config, '-e', join(folder, 'error.log')]), { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  try {
    await ready(child, url, folder);
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  const version = /nginx\/[\w.]+/.exec((await fetch(`${url}/health`)).headers.get('server') ?? '')?.[0] ?? 'nginx';
  return {
    url,
    description: `${version}, 1 worker${cpu === undefined ? '' : ` on CPU ${cpu}`}, canned JSON at ${url}`,
    async stop() {
      child.kill('SIGTERM');
      await exited(child);
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
