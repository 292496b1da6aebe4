// Builds every examples/*.ts into dist/<name>.js with the same code as `k6-forge build`, embedding the demo's
// endpoint limits (examples/thresholds.json) merged over k6-forge's neutral thresholds.json.
// Extra arguments pass through, such as `--target es2017` or `--outdir out`.
import { readdirSync } from 'node:fs';
import { register } from 'tsx/esm/api';

process.chdir(new URL('.', import.meta.url).pathname);
register();
const { main } = await import('./src/cli/main.ts');
const examples = readdirSync('examples')
  .filter((file) => file.endsWith('.ts'))
  .sort()
  .map((file) => `examples/${file}`);
process.exitCode = await main([
  'build',
  ...examples,
  '--outdir',
  'dist',
  '--thresholds',
  'examples/thresholds.json',
  ...process.argv.slice(2),
]);
