#!/usr/bin/env node
// The k6-forge command line. A packed install runs the JavaScript compiled into compiled/ on prepack; inside the
// repository, where src/ holds the TypeScript and tsx is a dev dependency, it runs the sources through tsx, so a
// stale compiled/ can never stand in for them.
import { existsSync } from 'node:fs';

const source = new URL('../src/cli/main.ts', import.meta.url);
let main;
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import(source.href));
} else {
  ({ main } = await import('../compiled/cli/main.js'));
}
process.exitCode = await main(process.argv.slice(2));
