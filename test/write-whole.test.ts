// Every write the command line makes: a path that cannot be written is one line and exit 2, never a stack trace,
// a build writes all bundles or none, and a killed write's temporary file does not stay.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { writeWhole } from '../src/cli/io/write-whole.ts';
import { cli } from './support/cli.ts';

const scratch = mkdtempSync(join(tmpdir(), 'k6-forge-writes-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const SUMMARY = 'test/fixtures/compare-baseline-summary.json';
const aFile = join(scratch, 'a-file');
writeFileSync(aFile, 'not a folder');
const aFolder = join(scratch, 'a-folder');
mkdirSync(aFolder);

describe('write errors', () => {
  test.each([
    [
      ['baseline', 'save', SUMMARY, '--out', join(aFile, 'x.json')],
      `${join(aFile, 'x.json')}: a path through a file, not a folder is not accepted`,
    ],
    [['baseline', 'save', SUMMARY, '--out', aFolder, '--force'], `${aFolder}: a folder is not accepted`],
    [
      ['analyze', 'test/fixtures/gate-spike-export.json', '--html', join(aFile, 'r.html')],
      `${join(aFile, 'r.html')}: a path through a file, not a folder is not accepted`,
    ],
    [['analyze', 'test/fixtures/gate-spike-export.json', '--html', aFolder], `${aFolder}: a folder is not accepted`],
    [
      ['pool', 'customer', '--count', '2', '--out', join(aFile, 'p.json')],
      `${join(aFile, 'p.json')}: a path through a file, not a folder is not accepted`,
    ],
  ])('%j ends in one line and exit 2', async (argv, message) => {
    const run = await cli(...argv);
    expect(run).toStrictEqual({ code: 2, report: '', messages: expect.stringContaining(message) });
    expect(run.messages.split('\n')).toHaveLength(1);
    expect(run.messages).toContain('expected a writable file path whose folders exist or can be created');
  });

  test('build writes every bundle or none: a bundle that cannot be written leaves the others as they were', async () => {
    const outdir = join(scratch, 'dist');
    mkdirSync(join(outdir, 'smoke.js'), { recursive: true });
    writeFileSync(join(outdir, 'load.js'), 'earlier build');
    const run = await cli('build', 'examples/load.ts', 'examples/smoke.ts', '--outdir', outdir);
    expect(run.code).toBe(2);
    expect(run.messages.split('\n').at(-1)).toBe(
      `k6-forge build: ${join(outdir, 'smoke.js')}: a folder is not accepted; expected a writable file path whose folders exist or can be created`,
    );
    expect(readFileSync(join(outdir, 'load.js'), 'utf8')).toBe('earlier build');
    expect(readdirSync(outdir).sort()).toStrictEqual(['load.js', 'smoke.js']);
  });
});

describe('writeWhole', () => {
  test('removes temporary files that killed writes left in the folder, and keeps those of live writers', async () => {
    const folder = join(scratch, 'leftovers');
    mkdirSync(folder);
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
    const leftover = `.baseline.json.${gone}.0badcafe.tmp`;
    const live = `.baseline.json.${process.pid}.12345678.tmp`;
    for (const name of [leftover, live, '.notes.tmp']) writeFileSync(join(folder, name), 'half');
    await writeWhole(join(folder, 'other.json'), '{}');
    expect(readdirSync(folder).sort()).toStrictEqual([live, '.notes.tmp', 'other.json'].sort());
  });

  test('a write that succeeds leaves only its file', async () => {
    const folder = join(scratch, 'clean');
    cpSync(SUMMARY, join(folder, 'in.json'), { recursive: true });
    await writeWhole(join(folder, 'out.json'), '{}');
    expect(readdirSync(folder).sort()).toStrictEqual(['in.json', 'out.json']);
  });
});
