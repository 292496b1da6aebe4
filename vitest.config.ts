import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const doubles = (name: string) => fileURLToPath(new URL(`./test/doubles/${name}.ts`, import.meta.url));

export default defineConfig({
  define: {
    __K6_FORGE_THRESHOLDS__: readFileSync(new URL('./thresholds.json', import.meta.url), 'utf8'),
    __K6_FORGE_VERSION__: JSON.stringify(JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')).version),
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
