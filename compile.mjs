// Compiles src/ into compiled/ for the packed package (npm runs it on prepack): JavaScript whose relative imports
// end in .js (tsc's rewriteRelativeImportExtensions; the `with { lazy }` import attributes stay as written), and
// declarations for the k6-side modules the package exports. compiled/ is not committed; inside the repository the
// CLI runs the TypeScript sources through tsx, and builds resolve `k6-forge/*` to src/ (the k6-forge-source
// export condition).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';

const root = new URL('.', import.meta.url).pathname;
const out = join(root, 'compiled');
/** The declaration of the build-time globals and of k6's `console`, which every exported entry's declarations reference. */
const GLOBALS = 'k6-globals.d.ts';

rmSync(out, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const compiled = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (compiled.status !== 0) {
  console.error('compile.mjs: tsc failed');
  process.exit(compiled.status ?? 1);
}

/** Every file under a folder, as paths. */
function filesUnder(folder) {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

// The Node side (cli, demo-target) is run, never imported by a consumer's types: its declarations would only weigh.
for (const side of ['cli', 'demo-target']) {
  for (const file of filesUnder(join(out, side))) if (file.endsWith('.d.ts')) rmSync(file);
}

/**
 * Declarations written by hand in src/ (tsc emits none for them), each copied into compiled/ and referenced from the
 * emitted declarations that need it: the pool imports' modules and the part of xk6-faker's `k6/x/faker` that
 * xk6-faker.ts uses (renamed, since xk6-faker.ts emits a declaration of the same name).
 */
const AMBIENT = [
  { from: 'generators/pool-imports.d.ts', to: 'generators/pool-imports.d.ts', referencedBy: 'generators/pool.d.ts' },
  { from: 'generators/xk6-faker.d.ts', to: 'generators/k6-x-faker.d.ts', referencedBy: 'generators/xk6-faker.d.ts' },
];

// tsc rewrites `.ts` import paths in JavaScript only; declarations keep them, which a consumer's tsc resolves under
// `bundler` but a reader would not expect. They become `.js`, as in the JavaScript beside them. The triple-slash
// references tsc leaves in the JavaScript name declarations of src/ and go.
const TS_PATH = /((?:from |import\()["']\.{1,2}\/[^"']*?)\.ts(["'])/g;
const exported = Object.values(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).exports)
  .map((target) => (typeof target === 'object' ? target.types : undefined))
  .filter((types) => types?.startsWith('./compiled/'))
  .map((types) => join(root, types));
const references = new Map(AMBIENT.map(({ to, referencedBy }) => [join(out, referencedBy), [join(out, to)]]));
for (const file of exported) references.set(file, [join(out, GLOBALS), ...(references.get(file) ?? [])]);
for (const file of filesUnder(out)) {
  if (file.endsWith('.js')) {
    // tsc leaves `import http, {} from 'k6/http'` where every named import was a type; esbuild drops the `{}` from
    // the same source, and the bundle's k6 import bindings pass reads the shorter form.
    const text = readFileSync(file, 'utf8');
    const cleaned = text.replace(/^(\/\/\/ <reference [^\n]*\n)+/, '').replace(/^(import [\w$]+), \{\} from /gm, '$1 from ');
    if (cleaned !== text) writeFileSync(file, cleaned);
    continue;
  }
  if (!file.endsWith('.d.ts')) continue;
  const directives = (references.get(file) ?? []).map(
    (target) => `/// <reference path="${relative(join(file, '..'), target).replace(/^(?!\.)/, './')}" />\n`,
  );
  writeFileSync(file, directives.join('') + readFileSync(file, 'utf8').replace(TS_PATH, '$1.js$2'));
}
for (const { from, to } of AMBIENT) writeFileSync(join(out, to), readFileSync(join(root, 'src', from), 'utf8'));

// The globals: those the build defines (src/k6-globals.d.ts) and k6's console (types/k6-console.d.ts), which
// @types/k6 leaves to the DOM library that k6 scripts must not see.
writeFileSync(
  join(out, GLOBALS),
  [readFileSync(join(root, 'src', GLOBALS), 'utf8'), readFileSync(join(root, 'types/k6-console.d.ts'), 'utf8')].join('\n'),
);
console.log(`compile.mjs: compiled src/ into ${relative(process.cwd(), out) || '.'}/`);
