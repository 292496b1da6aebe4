import { parseArgs } from 'node:util';
import { parseDuration } from '../../lib/duration.ts';
import { invalidOption } from '../../lib/errors.ts';
import { wholeNumber } from '../args/number-option.ts';
import { type Command, EXIT, type Print } from '../command.ts';

/** Waits for Ctrl-C or SIGTERM. */
const stopped = () => new Promise<void>((resolve) => process.once('SIGINT', resolve).once('SIGTERM', resolve));

/** `demo-target ledger`: the demo ledger as a process of its own, on durable storage. */
async function serveLedger(args: string[], print: Print): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { port: { type: 'string', default: '0' }, db: { type: 'string' }, 'ack-before-commit': { type: 'boolean', default: false } },
  });
  if (values.db === undefined) invalidOption('--db', undefined, 'the SQLite database file the ledger keeps its transfers in');
  // The ledger and its database load only when this subcommand runs.
  const { ACK_BEFORE_COMMIT_VARIABLE } = await import('../../demo-target/ledger-process.ts');
  const { startLedgerServer } = await import('../../demo-target/ledger-server.ts');
  const flag = process.env[ACK_BEFORE_COMMIT_VARIABLE];
  const ackBeforeCommit = values['ack-before-commit'] || flag === 'true' || flag === '1';
  const ledger = await startLedgerServer({ db: values.db, port: wholeNumber('--port', values.port), ackBeforeCommit, log: print });
  print(
    `k6-forge: demo ledger (pid ${process.pid}) listening at ${ledger.url}, database ${values.db}${ackBeforeCommit ? ', BROKEN: acknowledges before it commits' : ''}`,
  );
  await stopped();
  await ledger.close();
  return EXIT.ok;
}

/** `demo-target ledger-restart`: SIGKILL the demo ledger and start it again, as the drill's example command. */
async function restart(args: string[], print: Print): Promise<number> {
  const { values } = parseArgs({ args, options: { state: { type: 'string' }, 'down-for': { type: 'string', default: '0s' } } });
  const { LEDGER_STATE_VARIABLE, restartLedger } = await import('../../demo-target/ledger-process.ts');
  const state = values.state ?? process.env[LEDGER_STATE_VARIABLE];
  if (state === undefined) {
    invalidOption(
      '--state',
      undefined,
      `the demo ledger's state file, given as --state FILE or in ${LEDGER_STATE_VARIABLE} (k6-forge drill --demo-target sets it)`,
    );
  }
  const done = await restartLedger(state, parseDuration(values['down-for'], '--down-for'));
  print(
    `k6-forge: demo ledger pid ${done.killedPid} killed (SIGKILL) at ${done.killedAt.toISOString()}; restarted as pid ${done.pid}, ready at ${done.readyAt.toISOString()} (${done.readyAt.getTime() - done.killedAt.getTime()} ms later)`,
  );
  return EXIT.ok;
}

/**
 * `k6-forge demo-target [--port 3000] [--orders-per-second 5000] [--ledger-url URL]` (alias `target`): serves the
 * demo target, the system under test of the examples, until Ctrl-C; `demo-target ledger` serves the demo ledger as a
 * process of its own, and `demo-target ledger-restart` kills that process with SIGKILL and starts it again.
 */
export const demoTargetCommand: Command = {
  usage: `demo-target [--port 3000] [--orders-per-second 5000] [--ledger-url URL]   (alias: target)
    Serve the demo target, the examples' system under test, until Ctrl-C. With --ledger-url its gateway forwards
    transfers to a ledger process and answers 503 while that is down.
  demo-target ledger --db FILE [--port 0] [--ack-before-commit]
    Serve the demo ledger as a process of its own, its transfers in a SQLite database (better-sqlite3 12), until
    Ctrl-C. --ack-before-commit (or DEMO_LEDGER_ACK_BEFORE_COMMIT=true) is the broken variant: it answers before
    it writes, so a SIGKILL loses acknowledged transfers.
  demo-target ledger-restart [--state FILE] [--down-for 0s]
    Kill the demo ledger that the state file (or K6_FORGE_LEDGER_STATE, set by drill --demo-target) names with
    SIGKILL, wait --down-for, and start it again on the same port and database: the drill's example command.`,
  async run(args, { print }) {
    if (args[0] === 'ledger') return serveLedger(args.slice(1), print);
    if (args[0] === 'ledger-restart') return restart(args.slice(1), print);
    const { values } = parseArgs({
      args,
      options: { port: { type: 'string', default: '3000' }, 'orders-per-second': { type: 'string' }, 'ledger-url': { type: 'string' } },
    });
    const ordersPerSecond = values['orders-per-second'];
    // The demo target (with ws) loads only when this command runs, not for every command's help.
    const { startTarget } = await import('../../demo-target/index.ts');
    const running = await startTarget({
      log: print,
      port: wholeNumber('--port', values.port),
      ...(ordersPerSecond !== undefined && { ordersPerSecond: wholeNumber('--orders-per-second', ordersPerSecond) }),
      ...(values['ledger-url'] !== undefined && { ledgerUrl: values['ledger-url'] }),
    });
    print(`k6-forge: demo target listening at ${running.url} (Ctrl-C stops it)`);
    await stopped();
    await running.close();
    return EXIT.ok;
  },
};
