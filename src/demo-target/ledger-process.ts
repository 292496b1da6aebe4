import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { ForgeError, shown } from '../lib/errors.ts';

/** The variable that turns the demo ledger into its broken variant, which acknowledges a transfer before it writes it. */
export const ACK_BEFORE_COMMIT_VARIABLE = 'DEMO_LEDGER_ACK_BEFORE_COMMIT';

/** The variable that names a demo ledger's state file, for `k6-forge demo-target ledger-restart`. */
export const LEDGER_STATE_VARIABLE = 'K6_FORGE_LEDGER_STATE';

/** What a state file records of a demo ledger process, so another process can kill and restart it. */
export interface LedgerProcessState {
  /** The process id of the ledger now running. */
  readonly pid: number;
  /** Its port on 127.0.0.1. */
  readonly port: number;
  /** Its base URL. */
  readonly url: string;
  /** Its SQLite database file. */
  readonly db: string;
  /** The file its output is appended to. */
  readonly log: string;
  /** Whether it runs as the broken variant. */
  readonly ackBeforeCommit: boolean;
}

/** Options of {@link spawnLedger}. */
export interface SpawnLedgerOptions {
  /** The SQLite database file. */
  readonly db: string;
  /** The state file written once the ledger is ready. */
  readonly state: string;
  /** The file its output is appended to. */
  readonly log: string;
  /** The port; 0 picks a free one. @default 0 */
  readonly port?: number;
  /** Run the broken variant. @default whether DEMO_LEDGER_ACK_BEFORE_COMMIT is `true` or `1` */
  readonly ackBeforeCommit?: boolean;
  /** How long to wait for it to answer `GET /ready`. @default 15000 */
  readonly readyWithinMs?: number;
}

const BIN = fileURLToPath(new URL('../../bin/k6-forge.mjs', import.meta.url));

/** A free TCP port on 127.0.0.1, found by listening on port 0 and closing. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Whether a process with this id exists (a zombie counts). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Waits until the ledger at a URL answers `GET /ready` with 200.
 * @param url - Its base URL.
 * @param withinMs - How long to wait.
 * @returns Whether it became ready in time.
 */
async function becomesReady(url: string, withinMs: number, pid: number): Promise<boolean> {
  const until = Date.now() + withinMs;
  while (Date.now() < until && alive(pid)) {
    try {
      if ((await fetch(`${url}/ready`, { signal: AbortSignal.timeout(1000) })).status === 200) return true;
    } catch {
      // Not listening yet.
    }
    await delay(50);
  }
  return false;
}

/**
 * Starts the demo ledger as a process of its own (`k6-forge demo-target ledger`), in a process group of its own so
 * that a signal for its starter does not reach it, waits until it is ready and writes its state file.
 * @param options - Database, state and log files, port, the broken variant.
 * @returns Its state.
 * @throws {Error} When it does not become ready in time; its log file says why.
 */
export async function spawnLedger(options: SpawnLedgerOptions): Promise<LedgerProcessState> {
  const port = options.port || (await freePort());
  const flag = process.env[ACK_BEFORE_COMMIT_VARIABLE];
  const ackBeforeCommit = options.ackBeforeCommit ?? (flag === 'true' || flag === '1');
  const out = openSync(options.log, 'a');
  const child = spawn(
    process.execPath,
    [BIN, 'demo-target', 'ledger', '--port', String(port), '--db', options.db, ...(ackBeforeCommit ? ['--ack-before-commit'] : [])],
    { detached: true, stdio: ['ignore', out, out] },
  );
  closeSync(out);
  child.unref();
  const url = `http://127.0.0.1:${port}`;
  if (child.pid === undefined || !(await becomesReady(url, options.readyWithinMs ?? 15_000, child.pid))) {
    if (child.pid !== undefined && alive(child.pid)) process.kill(child.pid, 'SIGKILL');
    throw new Error(`the demo ledger did not become ready at ${url}; see ${options.log}`);
  }
  const state: LedgerProcessState = { pid: child.pid, port, url, db: options.db, log: options.log, ackBeforeCommit };
  writeFileSync(options.state, `${JSON.stringify(state, null, 2)}\n`);
  return state;
}

/**
 * Reads a demo ledger's state file.
 * @param file - The state file.
 * @returns The state.
 * @throws {ForgeError} `invalid_file` when it is missing or not a ledger's state.
 */
export function readLedgerState(file: string): LedgerProcessState {
  const problem = (given: string) =>
    new ForgeError('invalid_file', {
      field: LEDGER_STATE_VARIABLE,
      given: `${shown(file)}, ${given}`,
      accepted: 'the state file of a demo ledger that k6-forge drill --demo-target (or spawnLedger) started',
    });
  if (!existsSync(file)) throw problem('a missing file');
  let state: unknown;
  try {
    state = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw problem('which is not JSON');
  }
  const s = state as Partial<LedgerProcessState>;
  if (typeof s.pid !== 'number' || typeof s.port !== 'number' || typeof s.db !== 'string' || typeof s.log !== 'string') {
    throw problem('which lacks pid, port, db or log');
  }
  return state as LedgerProcessState;
}

/** What {@link restartLedger} did. */
export interface LedgerRestart {
  /** The process it killed with SIGKILL. */
  readonly killedPid: number;
  /** The process that replaced it. */
  readonly pid: number;
  /** When it sent SIGKILL. */
  readonly killedAt: Date;
  /** When the new process answered `GET /ready`. */
  readonly readyAt: Date;
}

/**
 * Kills the demo ledger with SIGKILL (no chance to write anything more) and starts it again on the same port and
 * database, as a failover drill's command does.
 * @param stateFile - Its state file, rewritten with the new process.
 * @param downForMs - How long to leave it down before starting it again. @default 0
 * @returns The processes and times.
 * @throws {ForgeError} `invalid_file` for a state file that is not a ledger's.
 */
export async function restartLedger(stateFile: string, downForMs = 0): Promise<LedgerRestart> {
  const state = readLedgerState(stateFile);
  const killedAt = new Date();
  if (alive(state.pid)) process.kill(state.pid, 'SIGKILL');
  // The kernel closes its socket as it dies; a zombie left for its parent to reap holds no port.
  for (let waited = 0; waited < 2000 && alive(state.pid); waited += 20) await delay(20);
  if (downForMs > 0) await delay(downForMs);
  const next = await spawnLedger({
    db: state.db,
    state: stateFile,
    log: state.log,
    port: state.port,
    ackBeforeCommit: state.ackBeforeCommit,
  });
  return { killedPid: state.pid, pid: next.pid, killedAt, readyAt: new Date() };
}

/**
 * Stops the demo ledger a state file names, with SIGTERM, so it writes what is pending and closes its database.
 * @param stateFile - Its state file.
 */
export async function stopLedger(stateFile: string): Promise<void> {
  if (!existsSync(stateFile)) return;
  const { pid } = readLedgerState(stateFile);
  if (!alive(pid)) return;
  process.kill(pid, 'SIGTERM');
  for (let waited = 0; waited < 3000 && alive(pid); waited += 20) await delay(20);
  if (alive(pid)) process.kill(pid, 'SIGKILL');
}
