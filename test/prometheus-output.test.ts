import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, test, vi } from 'vitest';
import { main } from '../src/cli/main.ts';
import { PROMETHEUS_TREND_STATS, prometheusOutput, SYSTEM_TAGS_WITHOUT_URL } from '../src/cli/runner/prometheus-output.ts';

const scratch = mkdtempSync(join(tmpdir(), 'k6-forge-prometheus-output-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
afterEach(() => vi.unstubAllEnvs());

const WITHOUT_URL = 'proto,subproto,status,method,name,group,check,error,error_code,tls_version,scenario,service,expected_response';

describe('prometheusOutput', () => {
  test('adds the remote-write output, the trend stats and k6’s default system tags without url', () => {
    expect(prometheusOutput('http://127.0.0.1:9090/api/v1/write', [], {})).toStrictEqual({
      args: ['--out', 'experimental-prometheus-rw', '--system-tags', WITHOUT_URL],
      env: { K6_PROMETHEUS_RW_SERVER_URL: 'http://127.0.0.1:9090/api/v1/write', K6_PROMETHEUS_RW_TREND_STATS: 'p(95),p(99),avg' },
      shownUrl: 'http://127.0.0.1:9090/api/v1/write',
    });
    expect(SYSTEM_TAGS_WITHOUT_URL).not.toContain('url');
    expect(PROMETHEUS_TREND_STATS).toContain('p(95)');
  });

  test('moves userinfo into K6_PROMETHEUS_RW_USERNAME and _PASSWORD, decoded, and prints the URL without it', () => {
    const output = prometheusOutput('https://team%40corp:s%3Acret@prom.example.com/api/v1/write?tenant=a', [], {});
    expect(output.env).toStrictEqual({
      K6_PROMETHEUS_RW_SERVER_URL: 'https://prom.example.com/api/v1/write?tenant=a',
      K6_PROMETHEUS_RW_TREND_STATS: 'p(95),p(99),avg',
      K6_PROMETHEUS_RW_USERNAME: 'team@corp',
      K6_PROMETHEUS_RW_PASSWORD: 's:cret',
    });
    expect(output.shownUrl).toBe('https://prom.example.com/api/v1/write?tenant=a');
    expect(output.args.join(' ')).not.toMatch(/cret|team/);
  });

  test('keeps --system-tags given after -- or K6_SYSTEM_TAGS, and an exported K6_PROMETHEUS_RW_TREND_STATS', () => {
    expect(prometheusOutput('http://h/api/v1/write', ['--system-tags', 'status'], {}).args).toStrictEqual([
      '--out',
      'experimental-prometheus-rw',
    ]);
    expect(prometheusOutput('http://h/api/v1/write', ['--system-tags=status'], {}).args).toStrictEqual([
      '--out',
      'experimental-prometheus-rw',
    ]);
    const exported = prometheusOutput('http://h/api/v1/write', [], { K6_SYSTEM_TAGS: 'status', K6_PROMETHEUS_RW_TREND_STATS: 'p(90)' });
    expect(exported.args).toStrictEqual(['--out', 'experimental-prometheus-rw']);
    expect(exported.env['K6_PROMETHEUS_RW_TREND_STATS']).toBe('p(90)');
  });

  test('refuses what is no http(s) URL, naming the flag, the value with its credentials masked, and what is accepted', () => {
    const message = (url: string) => {
      try {
        prometheusOutput(url, [], {});
      } catch (error) {
        return (error as Error).message;
      }
      return 'accepted';
    };
    expect(message('localhost:9090')).toMatch(
      /^--prometheus: "localhost:9090" is not accepted; expected an http:\/\/ or https:\/\/ remote-write URL/,
    );
    const masked = message('ftp://admin:hunter2@prom/api/v1/write');
    expect(masked).toContain('"ftp://[redacted]@prom/api/v1/write"');
    expect(masked).toContain('the scheme is ftp');
    expect(masked).not.toContain('hunter2');
    expect(message('not a url')).toContain('this is no URL');
    expect(message('http://h/api/v1/write#x')).toContain('fragment');
  });
});

/** A stand-in k6 that records its arguments and the K6_PROMETHEUS_* and K6_SYSTEM_TAGS variables it got. */
function recordingK6(): { bin: string; report: string } {
  const bin = join(scratch, 'k6');
  const report = join(scratch, 'seen.json');
  writeFileSync(
    bin,
    `#!/usr/bin/env node
if (process.argv[2] === 'version') { console.log('k6 v2.2.0 (commit/fake)'); process.exit(0); }
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('K6_PROMETHEUS_') || k === 'K6_SYSTEM_TAGS'));
require('node:fs').writeFileSync(${JSON.stringify(report)}, JSON.stringify({ args: process.argv.slice(2), env }));
require('node:fs').writeFileSync(process.env.RESULTS_DIR + '/fake-summary.json', '{}');
`,
  );
  chmodSync(bin, 0o755);
  return { bin, report };
}

describe('k6-forge run --prometheus (with a stand-in k6)', () => {
  test('passes the credentials through the environment only and prints the URL without them', async () => {
    const { bin, report } = recordingK6();
    vi.stubEnv('K6_BIN', bin);
    for (const name of ['K6_SYSTEM_TAGS', 'K6_PROMETHEUS_RW_TREND_STATS', 'K6_PROMETHEUS_RW_USERNAME', 'K6_PROMETHEUS_RW_PASSWORD']) {
      vi.stubEnv(name, undefined);
    }
    const lines: string[] = [];
    const out = join(scratch, 'run');
    const code = await main(
      ['run', 'smoke', '--output-dir', out, '--prometheus', 'https://ci:t0ps3cret@prom.example.com/api/v1/write'],
      (line) => lines.push(line),
    );
    expect(code).toBe(0);
    const seen = JSON.parse(readFileSync(report, 'utf8')) as { args: string[]; env: Record<string, string> };
    expect(seen.args).toStrictEqual([
      'run',
      '--tag',
      'testid=run',
      '--out',
      'experimental-prometheus-rw',
      '--system-tags',
      WITHOUT_URL,
      'dist/smoke.js',
    ]);
    expect(seen.env).toStrictEqual({
      K6_PROMETHEUS_RW_SERVER_URL: 'https://prom.example.com/api/v1/write',
      K6_PROMETHEUS_RW_TREND_STATS: 'p(95),p(99),avg',
      K6_PROMETHEUS_RW_USERNAME: 'ci',
      K6_PROMETHEUS_RW_PASSWORD: 't0ps3cret',
    });
    expect(lines).toContain('k6-forge: metrics stream to Prometheus at https://prom.example.com/api/v1/write, labelled testid=run');
    expect(lines.join('\n')).not.toContain('t0ps3cret');
  });

  test('a bad URL exits 2 before k6 starts, in run and in suite', async () => {
    const { bin, report } = recordingK6();
    rmSync(report, { force: true });
    vi.stubEnv('K6_BIN', bin);
    const lines: string[] = [];
    expect(await main(['run', 'smoke', '--prometheus', 'prom:9090'], (line) => lines.push(line))).toBe(2);
    expect(
      await main(['suite', 'gateway', '--config', 'examples/suites.json', '--prometheus', 'udp://u:pw@x'], (line) => lines.push(line)),
    ).toBe(2);
    expect(lines.join('\n')).toMatch(/k6-forge run: --prometheus: "prom:9090" is not accepted/);
    expect(lines.join('\n')).toMatch(/k6-forge suite: --prometheus: "udp:\/\/\[redacted\]@x" is not accepted/);
    expect(lines.join('\n')).not.toContain('pw');
    expect(() => readFileSync(report)).toThrow();
  });
});
