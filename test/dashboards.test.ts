import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { dashboardFiles, overviewDashboard } from '../src/cli/dashboards/grafana-dashboards.ts';
import { readThresholdsFile } from '../src/cli/limits/thresholds-source.ts';
import { cli } from './support/cli.ts';

const root = new URL('..', import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), 'k6-forge-dashboards-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Panel {
  readonly type: string;
  readonly title: string;
  readonly targets?: { readonly expr: string }[];
  readonly fieldConfig?: { readonly defaults: { readonly thresholds: { readonly steps: { readonly value: number | null }[] } } };
}
interface Variable {
  readonly name: string;
  readonly type: string;
  readonly query: unknown;
}

describe('the Grafana dashboards', () => {
  test('the committed files are what k6-forge dashboards makes from examples/thresholds.json', async () => {
    const { file } = await readThresholdsFile(join(root, 'examples/thresholds.json'));
    for (const { name, contents } of dashboardFiles(file)) {
      expect(
        readFileSync(join(root, 'dashboards/grafana', name), 'utf8'),
        `${name} is stale: run node bin/k6-forge.mjs dashboards --thresholds examples/thresholds.json`,
      ).toBe(contents);
    }
  });

  test('each has a Prometheus datasource variable, a testid selector and an endpoint selector; every query uses the datasource and the run', () => {
    for (const name of ['k6-forge-overview.json', 'k6-forge-comparison.json']) {
      const dashboard = JSON.parse(readFileSync(join(root, 'dashboards/grafana', name), 'utf8')) as {
        templating: { list: Variable[] };
        panels: Panel[];
      };
      const variables = dashboard.templating.list;
      expect(variables.find((v) => v.name === 'datasource')).toMatchObject({ type: 'datasource', query: 'prometheus' });
      expect(variables.find((v) => v.name === 'testid')).toMatchObject({
        type: 'query',
        definition: 'label_values(k6_http_reqs_total, testid)',
      });
      expect(variables.find((v) => v.name === 'endpoint')).toMatchObject({ type: 'query', multi: true, includeAll: true });
      for (const panel of dashboard.panels.filter((p) => p.type !== 'row')) {
        expect(panel.targets?.length, panel.title).toBeGreaterThan(0);
        for (const { expr } of panel.targets!) expect(expr, panel.title).toMatch(/testid=~"\$(testid|baseline)"/);
      }
    }
  });

  test('the overview draws each endpoint’s p95 and p99 limits, in seconds, as threshold lines', () => {
    const dashboard = overviewDashboard({
      global: { p95: 500, errorRate: 0.01 },
      endpoints: { deal_get: { p95: 150, p99: 300 }, login: { avg: 80 } },
    });
    const panels = (dashboard['panels'] as Panel[]).filter((p) => p.type !== 'row');
    const dealGet = panels.find((p) => p.title === 'deal_get: p95 < 150 ms, p99 < 300 ms')!;
    expect(dealGet.targets!.map((t) => t.expr)).toStrictEqual([
      'max(k6_http_req_duration_p95{testid=~"$testid", endpoint="deal_get"})',
      'max(k6_http_req_duration_p99{testid=~"$testid", endpoint="deal_get"})',
    ]);
    expect(dealGet.fieldConfig!.defaults.thresholds.steps.map((s) => s.value)).toStrictEqual([null, 0.15, 0.3]);
    const login = panels.find((p) => p.title === 'login: avg < 80 ms')!;
    expect(login.fieldConfig!.defaults.thresholds.steps.map((s) => s.value)).toStrictEqual([null, 0.08]);
    const p95 = panels.find((p) => p.title === 'p95 per endpoint (global limit 500 ms)')!;
    expect(p95.fieldConfig!.defaults.thresholds.steps.map((s) => s.value)).toStrictEqual([null, 0.5]);
    expect(panels.find((p) => p.title.startsWith('Error rate per endpoint'))!.title).toBe('Error rate per endpoint (limit 1%)');
  });

  test('k6-forge dashboards --out writes both files, and refuses an argument', async () => {
    const out = join(scratch, 'grafana');
    const done = await cli('dashboards', '--thresholds', join(root, 'examples/thresholds.json'), '--out', out);
    expect(done.code, done.messages).toBe(0);
    expect(done.messages).toContain(join(out, 'k6-forge-overview.json'));
    expect(readFileSync(join(out, 'k6-forge-comparison.json'), 'utf8')).toBe(
      readFileSync(join(root, 'dashboards/grafana/k6-forge-comparison.json'), 'utf8'),
    );
    expect((await cli('dashboards', 'extra')).code).toBe(2);
  });
});
