import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { findK6 } from '../src/cli/runner/k6-binary.ts';
import { buildFor } from './support/real-k6.ts';

const k6 = findK6();
if (!k6) console.log('SKIPPED: k6 not found (set K6_BIN or put k6 on PATH to check seeded VU data under real k6)');
const scratch = mkdtempSync(join(tmpdir(), 'k6-forge-vu-draw-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The `draw` lines of one run of the probe: where each value was drawn (VU and `__ITER`, or `setup`) and the values. */
function drawnLines(bundle: string, seed: string, extra = false): string[] {
  const env = ['-e', `SEED=${seed}`, ...(extra ? ['-e', 'EXTRA=1'] : [])];
  const run = spawnSync(k6!, ['run', '--quiet', '--log-format', 'raw', ...env, resolve(bundle)], {
    cwd: scratch,
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
  return `${run.stdout}${run.stderr}`
    .split('\n')
    .filter((line) => line.startsWith('draw '))
    .sort();
}

describe.skipIf(!k6)('seeded VU data under real k6', () => {
  test('each VU and iteration draws its own values, setup() its own, and the same SEED replays them all, whatever earlier iterations drew', {
    timeout: 60_000,
  }, async () => {
    const entry = join(scratch, 'draws.ts');
    writeFileSync(
      entry,
      `import { idempotencyKey, uuidv4 } from ${JSON.stringify(join(process.cwd(), 'src/generators/index.ts'))};
export const options = { scenarios: { draws: { executor: 'per-vu-iterations', vus: 3, iterations: 4 } } };
export function setup() { console.log(\`draw setup \${uuidv4()} \${idempotencyKey()}\`); }
export default function () {
  if (__ENV.EXTRA && __ITER === 0) uuidv4();
  console.log(\`draw vu \${__VU} iteration \${__ITER} \${uuidv4()} \${uuidv4()} \${idempotencyKey()}\`);
}
`,
    );
    const bundle = await buildFor(k6!, entry, scratch);
    const first = drawnLines(bundle, '7');
    expect(first).toHaveLength(13);
    expect(first.filter((line) => line.startsWith('draw setup '))).toHaveLength(1);
    // Every iteration's stream is its own (the two UUIDs of one iteration differ too), and every key is unique.
    const values = first.flatMap((line) => line.split(' ').filter((word) => word.length === 36));
    expect(values).toHaveLength(1 + 1 + 12 * 3);
    expect(new Set(values).size).toBe(values.length);
    expect(drawnLines(bundle, '7')).toStrictEqual(first);
    expect(drawnLines(bundle, '8')).not.toStrictEqual(first);
    // A VU that draws more in its first iteration draws the same UUIDs in the next ones (its keys count on).
    const uuids = (lines: string[]) =>
      lines.filter((line) => !/ iteration 0 /.test(line)).map((line) => line.split(' ').slice(0, -1).join(' '));
    expect(uuids(drawnLines(bundle, '7', true))).toStrictEqual(uuids(first));
  });
});
