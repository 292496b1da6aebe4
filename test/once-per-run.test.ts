import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { findK6 } from '../src/cli/runner/k6-binary.ts';
import { oncePerRun } from '../src/lib/once-per-run.ts';
import { callsTo, resetRecorded } from './doubles/recorder.ts';
import { buildFor } from './support/real-k6.ts';

const k6 = findK6();
if (!k6) console.log('SKIPPED: k6 not found (set K6_BIN or put k6 on PATH to check that work runs once per run under real k6)');
const scratch = mkdtempSync(join(tmpdir(), 'k6-forge-once-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('oncePerRun', () => {
  test('keys the shared result by its inputs and hands the caller a fresh copy', () => {
    resetRecorded();
    const first = oncePerRun('test', { vus: 3 }, () => ({ list: [1, 2] }));
    first.list.push(3);
    expect(oncePerRun('test', { vus: 3 }, () => ({ list: [1, 2] }))).toStrictEqual({ list: [1, 2] });
    expect(callsTo('k6/data', 'new SharedArray')).toStrictEqual([['k6-forge test {"vus":3}'], ['k6-forge test {"vus":3}']]);
  });

  test('lets an error from the work reach the caller as thrown', () => {
    const error = new RangeError('bad input');
    expect(() =>
      oncePerRun('failing', null, () => {
        throw error;
      }),
    ).toThrow(error);
  });
});

describe.skipIf(!k6)('oncePerRun under real k6', () => {
  test('runs the work in one VU of a 20-VU run, and every VU gets the result', { timeout: 60_000 }, async () => {
    const entry = join(scratch, 'once.ts');
    writeFileSync(
      entry,
      `import { oncePerRun } from ${JSON.stringify(join(process.cwd(), 'src/lib/once-per-run.ts'))};
const value = oncePerRun('probe', { n: 1 }, () => { console.log('work ran'); return { answer: 42 }; });
export const options = { vus: 20, iterations: 20 };
export default function () { if (value.answer !== 42) throw new Error('wrong value'); console.log('vu saw 42'); }
`,
    );
    const bundle = await buildFor(k6!, entry, scratch);
    // The bundle's path is relative to this process's folder, not to k6's.
    const run = spawnSync(k6!, ['run', '--quiet', '--log-format', 'raw', resolve(bundle)], { cwd: scratch, encoding: 'utf8' });
    const lines = `${run.stdout}${run.stderr}`.split('\n');
    expect(run.status, run.stderr).toBe(0);
    expect(lines.filter((line) => line === 'work ran')).toHaveLength(1);
    expect(lines.filter((line) => line === 'vu saw 42')).toHaveLength(20);
  });
});
