import { parseArgs } from 'node:util';
import { wholeNumber } from '../args/number-option.ts';
import { type Command, EXIT } from '../command.ts';

/**
 * `k6-forge demo-target [--port 3000] [--orders-per-second 5000]` (alias `target`): serves the demo target, the
 * system under test of the examples, until Ctrl-C.
 */
export const demoTargetCommand: Command = {
  usage: `demo-target [--port 3000] [--orders-per-second 5000]   (alias: target)
    Serve the demo target, the examples' system under test, until Ctrl-C.`,
  async run(args, { print }) {
    const { values } = parseArgs({
      args,
      options: { port: { type: 'string', default: '3000' }, 'orders-per-second': { type: 'string' } },
    });
    const ordersPerSecond = values['orders-per-second'];
    // The demo target (with ws) loads only when this command runs, not for every command's help.
    const { startTarget } = await import('../../demo-target/index.ts');
    const running = await startTarget({
      log: print,
      port: wholeNumber('--port', values.port),
      ...(ordersPerSecond !== undefined && { ordersPerSecond: wholeNumber('--orders-per-second', ordersPerSecond) }),
    });
    print(`k6-forge: demo target listening at ${running.url} (Ctrl-C stops it)`);
    await new Promise<void>((resolve) => process.once('SIGINT', resolve).once('SIGTERM', resolve));
    await running.close();
    return EXIT.ok;
  },
};
