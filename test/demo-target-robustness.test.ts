// The demo target under malformed input: bad HTTP, bad WebSocket frames and listen errors are handled, logged and
// answered; none ends the process, and /health answers afterwards.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { startTarget } from '../src/demo-target/index.ts';
import { ForgeError } from '../src/lib/errors.ts';
import { cli } from './support/cli.ts';
import { fakeK6 } from './support/fake-k6.ts';

const root = new URL('..', import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), 'k6-forge-target-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A port some other server listens on, for as long as the returned close is not called. */
async function busyPort(): Promise<{ port: number; close: () => void }> {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  return { port: (blocker.address() as { port: number }).port, close: () => blocker.close() };
}

/** A seeded stream of numbers from 0 to 1 (mulberry32), so a failing fuzz run can be replayed. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const UPGRADE =
  'GET /ws/echo HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n';

/** A client WebSocket frame: `mask` false sends it unmasked, which a server must refuse. */
function frame(first: number, payload: Buffer, mask = true): Buffer {
  const key = Buffer.from([1, 2, 3, 4]);
  const length =
    payload.length < 126
      ? Buffer.from([(mask ? 0x80 : 0) | payload.length])
      : Buffer.from([(mask ? 0x80 : 0) | 126, payload.length >> 8, payload.length & 0xff]);
  const body = mask ? Buffer.from(payload.map((byte, i) => byte ^ key[i % 4]!)) : payload;
  return Buffer.concat([Buffer.from([first]), length, ...(mask ? [key] : []), body]);
}

/** The malformed frames that each killed the target before: after a valid upgrade, each must close only its socket. */
const BAD_FRAMES: Readonly<Record<string, Buffer>> = {
  unmasked: frame(0x81, Buffer.from('hello'), false),
  'invalid UTF-8': frame(0x81, Buffer.from([0xc3, 0x28, 0xa0, 0xa1])),
  'reserved opcode 0x3': frame(0x83, Buffer.from('x')),
  'reserved bits set': frame(0xf1, Buffer.from('x')),
  'fragmented ping': frame(0x09, Buffer.from('x')),
  'close with code 999': frame(0x88, Buffer.from([0x03, 0xe7])),
  'a 2^63-byte length': Buffer.from([0x82, 0xff, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 1, 2, 3, 4]),
};

/** Malformed HTTP requests. */
const BAD_REQUESTS = [
  'GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n',
  'BREW /coffee HTCPCP/1.0\r\n\r\n',
  'GET /\u0000 HTTP/1.1\r\n\r\n',
  `GET / HTTP/1.1\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
  'POST /order HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nnot hex\r\n',
  'GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello',
  'POST /auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 9\r\n\r\n{"user":',
];

/** Writes bytes to a fresh connection and waits until the server closes it or 300 ms pass. */
function poke(port: number, ...chunks: Buffer[]): Promise<void> {
  return new Promise((resolve) => {
    const socket: Socket = connect(port, '127.0.0.1');
    const done = () => {
      socket.destroy();
      resolve();
    };
    socket.on('error', done).on('close', done);
    socket.setTimeout(300, done);
    socket.on('connect', () => {
      for (const chunk of chunks) socket.write(chunk);
    });
    socket.resume();
  });
}

/** Starts `k6-forge demo-target --port 0` as a child and returns it with its URL and everything it printed. */
async function targetProcess(): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [join(root, 'bin/k6-forge.mjs'), 'demo-target', '--port', '0'], { cwd: root });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.on('exit', () => reject(new Error(`target exited: ${output}`)));
    const wait = setInterval(() => {
      const found = /listening at (http:\/\/\S+)/.exec(output)?.[1];
      if (found) {
        clearInterval(wait);
        resolve(found);
      }
    }, 20);
  });
  return { child, url, output: () => output };
}

describe('the demo target under malformed input', () => {
  test('each malformed WebSocket frame closes its own socket, is logged as handled, and the target answers /health', {
    timeout: 30_000,
  }, async () => {
    const lines: string[] = [];
    const target = await startTarget({ log: (line) => lines.push(line) });
    const port = target.port;
    for (const [name, bad] of Object.entries(BAD_FRAMES)) {
      await poke(port, Buffer.from(UPGRADE), bad);
      expect((await fetch(`${target.url}/health`)).status, name).toBe(200);
    }
    expect(lines.length).toBeGreaterThanOrEqual(Object.keys(BAD_FRAMES).length);
    expect(lines.every((line) => line.startsWith('k6-forge demo-target: WebSocket frame: ') && line.endsWith(' (handled)'))).toBe(true);
    await target.close();
  });

  test('HEAD is answered like GET, without a body', async () => {
    const target = await startTarget({ log: () => undefined });
    const res = await fetch(`${target.url}/health`, { method: 'HEAD' });
    expect([res.status, await res.text()]).toStrictEqual([200, '']);
    await target.close();
  });

  test('3 s of seeded random bytes, malformed requests and frames leave `k6-forge demo-target` running and /health answering', {
    timeout: 60_000,
  }, async () => {
    const { child, url, output } = await targetProcess();
    const port = Number(new URL(url).port);
    const random = seeded(20261202);
    const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => Math.floor(random() * 256)));
    const frames = Object.values(BAD_FRAMES);
    let pokes = 0;
    const until = Date.now() + 3000;
    while (Date.now() < until) {
      const pick = random();
      const batch =
        pick < 0.3
          ? poke(port, bytes(1 + Math.floor(random() * 2000)))
          : pick < 0.6
            ? poke(port, Buffer.from(BAD_REQUESTS[Math.floor(random() * BAD_REQUESTS.length)]!))
            : pick < 0.9
              ? poke(port, Buffer.from(UPGRADE), frames[Math.floor(random() * frames.length)]!)
              : poke(port, Buffer.from(UPGRADE), frame(0x81, Buffer.from('ok')), bytes(1 + Math.floor(random() * 64)));
      await Promise.all([batch, poke(port, bytes(16)), poke(port, Buffer.from(UPGRADE), bytes(8))]);
      pokes += 3;
    }
    expect(pokes).toBeGreaterThan(30);
    expect(child.exitCode, output()).toBe(null);
    const health = await fetch(`${url}/health`);
    expect(health.status).toBe(200);
    expect(output()).not.toMatch(/\n\s+at /);
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
  });

  test('`k6-forge target --port <a port in use>` is one line and exit 2, and startTarget rejects with the same message', async () => {
    const busy = await busyPort();
    const run = await cli('target', '--port', String(busy.port));
    expect(run).toStrictEqual({
      code: 2,
      report: '',
      messages: `k6-forge target: port: ${busy.port}, which another process listens on is not accepted; expected a free port, or 0 to pick one`,
    });
    await expect(startTarget({ port: busy.port, log: () => undefined })).rejects.toBeInstanceOf(ForgeError);
    busy.close();
  });

  test('a malformed frame during `run --embedded-target` leaves the CLI running and k6’s exit code passed through', {
    timeout: 30_000,
  }, async () => {
    const { bin } = fakeK6(mkdtempSync(join(scratch, 'fake-')));
    const child = spawn(
      process.execPath,
      [join(root, 'bin/k6-forge.mjs'), 'run', 'smoke', '--embedded-target', '--results', join(scratch, 'results')],
      {
        cwd: root,
        env: { ...process.env, K6_BIN: bin, FAKE_K6_BAD_FRAME: '1', FAKE_K6_EXIT: '99' },
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code, output).toBe(99);
    expect(output).toContain('k6-forge demo-target: WebSocket frame: ');
    expect(output).toContain('(handled)');
    expect(output).not.toMatch(/\n\s+at /);
  });
});
