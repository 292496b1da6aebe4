import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const doubles = (name: string) => fileURLToPath(new URL(`./test/doubles/${name}.ts`, import.meta.url));
const json = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));

// Unit tests run with what the examples' bundles embed (see build.mjs): the demo's endpoint limits in
// examples/thresholds.json merged over k6-forge's neutral thresholds.json, which holds no endpoint limits.
const { $schema: _neutralSchema, ...neutral } = json('./thresholds.json');
const { $schema: _demoSchema, ...demo } = json('./examples/thresholds.json');
const embedded = { ...neutral, endpoints: { ...neutral.endpoints, ...demo.endpoints } };

export default defineConfig({
  define: {
    __K6_FORGE_THRESHOLDS__: JSON.stringify(embedded),
    __K6_FORGE_VERSION__: JSON.stringify(json('./package.json').version),
  },
  resolve: {
    alias: [
      { find: /^k6$/, replacement: doubles('k6') },
      { find: /^k6\/http$/, replacement: doubles('http') },
      { find: /^k6\/metrics$/, replacement: doubles('metrics') },
      { find: /^k6\/execution$/, replacement: doubles('execution') },
      { find: /^k6\/data$/, replacement: doubles('data') },
      { find: /^k6\/x\/faker$/, replacement: doubles('xk6-faker') },
      { find: /^k6\/timers$/, replacement: doubles('timers') },
      { find: /^k6\/websockets$/, replacement: doubles('websockets') },
      { find: /^k6-forge\/pool\?.*$/, replacement: doubles('pool-import') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    // Type-level tests (*.test-d.ts) are checked by tsc and never run; their @ts-expect-error lines must hold.
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    setupFiles: ['./test/support/k6-globals.ts'],
    reporters: ['default', './test/support/closing-line-reporter.ts'],
    testTimeout: 20_000,
  },
});
