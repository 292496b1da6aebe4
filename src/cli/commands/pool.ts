import { parseArgs } from 'node:util';
import { ForgeError, invalidOption } from '../../lib/errors.ts';
import { wholeNumber } from '../args/number-option.ts';
import { type Command, EXIT } from '../command.ts';

/**
 * `k6-forge pool <domain> --count N --out FILE [--seed 1] [--locale en_US] [--force]`: writes a data pool for k6 to
 * read from a mounted folder, with the same records a `k6-forge/pool?...` import with that seed and locale embeds.
 * Exits 0 once written.
 * Throws {@link ForgeError} for a bad domain, count, seed, locale or a file already there without `--force`.
 */
export const poolCommand: Command = {
  usage: `pool <domain> --count N --out FILE [--seed 1] [--locale en_US] [--force]
    Write a faker-made data pool as JSON for k6 to read from a mounted folder (k6-forge/pool?...&file=).`,
  async run(args, { print }) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        count: { type: 'string' },
        out: { type: 'string' },
        seed: { type: 'string' },
        locale: { type: 'string' },
        force: { type: 'boolean', default: false },
      },
    });
    // The pool engine and its generators load only when this command runs.
    const { POOL_DOMAINS, writePool } = await import('../pools/pools.ts');
    if (positionals.length !== 1) {
      invalidOption('pool', positionals.join(' ') || undefined, `one domain: ${POOL_DOMAINS.join(', ')}`);
    }
    if (values.out === undefined)
      throw new ForgeError('invalid_option', { field: '--out', given: 'nothing', accepted: 'the JSON file to write' });
    if (values.count === undefined)
      throw new ForgeError('invalid_option', { field: '--count', given: 'nothing', accepted: 'how many records to make' });
    const count = wholeNumber('--count', values.count);
    const seed = values.seed === undefined ? undefined : wholeNumber('--seed', values.seed);
    const written = await writePool({
      domain: positionals[0]!,
      count,
      file: values.out,
      replace: values.force,
      ...(seed !== undefined && { seed }),
      ...(values.locale !== undefined && { locale: values.locale }),
    });
    print(`k6-forge: wrote ${written.count} ${positionals[0]} records to ${written.file} (${(written.bytes / 1024).toFixed(1)} KB)`);
    return EXIT.ok;
  },
};
