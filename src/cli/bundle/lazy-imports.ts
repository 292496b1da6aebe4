// Lazy imports: every VU of a k6 run evaluates its whole bundle, and each function a module declares costs every VU
// about a kilobyte (and its share of start-up), called or not. `import { f } from '../x.ts' with { lazy: 'true' }`
// asks the build to carry x.ts (with everything it imports) as one closure that runs on the first call of one of its
// functions: a VU that never calls them never creates them. Report renderers (called once, by handleSummary) and the
// work that runs once per run (see src/lib/once-per-run.ts) are imported this way. Outside a k6-forge build (in
// tests, in Node) the attribute changes nothing.
//
// A lazily imported module exports functions only. The k6 modules it imports are imported by the bundle itself
// (k6 resolves those at init, and a VU's k6 module instance is shared by every import of it); the rest of its code
// waits in the closure. It is built apart from the rest of the bundle, so a class it shares with the eager part is a
// second copy: `instanceof` across the two does not hold.
import { relative, resolve } from 'node:path';
import { type BuildOptions, build, type Plugin } from 'esbuild';
import { ForgeError, shown } from '../../lib/errors.ts';

const NAMESPACE = 'k6-forge-lazy';

/** The `export { a, b as c };` clause that ends esbuild's ESM output, as [local, exported] pairs. */
function exportClause(text: string, path: string): { body: string; exports: [string, string][] } {
  const at = text.lastIndexOf('export {');
  if (at < 0) return { body: text, exports: [] };
  const names = text
    .slice(at + 'export {'.length, text.indexOf('}', at))
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const exports = names.map((entry): [string, string] => {
    const [local, exported = local] = entry.split(/\s+as\s+/) as [string, string?];
    if (!new RegExp(`\\bfunction\\s+${local}\\s*\\(`).test(text)) {
      throw new ForgeError('invalid_script', {
        field: path,
        given: `a lazily imported module that exports ${shown(exported)}, which is not a function`,
        accepted: 'a module that exports functions only',
      });
    }
    return [local, exported.replace(/^"|"$/g, '')];
  });
  return { body: text.slice(0, at), exports };
}

/** The k6 module imports of esbuild's ESM output (one line each, at the top level), apart from the rest of it. */
function k6Imports(text: string): { imports: string[]; body: string } {
  const imports: string[] = [];
  const body: string[] = [];
  for (const line of text.split('\n')) (/^import .*"(k6|k6\/[^"]+|https:\/\/[^"]+)";$/.test(line) ? imports : body).push(line);
  return { imports, body: body.join('\n') };
}

/**
 * The module that stands for a lazy one: its k6 imports, the module's code inside a closure that runs once, and a proxy
 * function per export. A single export's proxy holds the closure itself: one function object less in every VU.
 * Proxies pass `arguments` on with `apply`, since a spread call would make each VU build the iterator machinery.
 */
function proxyModule(text: string, exports: readonly [string, string][]): string {
  const { imports, body } = k6Imports(text);
  const names = exports.map(([local, exported]) => `${JSON.stringify(exported)}: ${local}`).join(', ');
  const closure = `(() => {\n${body}\nreturn { ${names} };\n})()`;
  const exported = exports.map(([, name], i) => `lazy${i} as ${name}`).join(', ');
  const call = (name: string) => `loaded[${JSON.stringify(name)}].apply(undefined, arguments)`;
  const functions =
    exports.length === 1
      ? [`function lazy0() {\n  if (loaded === undefined) loaded = ${closure};\n  return ${call(exports[0]![1])};\n}`]
      : [
          `function load() {\n  if (loaded === undefined) loaded = ${closure};\n}`,
          ...exports.map(([, name], i) => `function lazy${i}() { load(); return ${call(name)}; }`),
        ];
  return [...imports, 'let loaded;', ...functions, `export { ${exported} };`, ''].join('\n');
}

/**
 * The plugin that carries each `with { lazy: 'true' }` import as a module whose code runs on its first call.
 * @param inner - The options of the build the plugin serves (target, define, plugins), reused for each lazy module.
 * @returns The esbuild plugin.
 * @throws {ForgeError} `invalid_script` (through the build) when a lazily imported module exports anything but
 *   functions.
 */
export function lazyImports(inner: Pick<BuildOptions, 'target' | 'define' | 'plugins'>): Plugin {
  const plugin: Plugin = {
    name: 'k6-forge-lazy-imports',
    setup(bundle) {
      bundle.onResolve({ filter: /.*/ }, async (args) => {
        if (args.with['lazy'] !== 'true') return undefined;
        const resolved = await bundle.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir });
        if (resolved.errors.length > 0) return { errors: resolved.errors };
        // Relative to the working folder, as esbuild names files, so no machine's absolute path lands in a bundle.
        return { path: relative(process.cwd(), resolved.path), namespace: NAMESPACE };
      });
      bundle.onLoad({ filter: /.*/, namespace: NAMESPACE }, async ({ path: relativePath }) => {
        const path = resolve(relativePath);
        const result = await build({
          ...inner,
          plugins: [...(inner.plugins ?? []), plugin],
          entryPoints: [path],
          bundle: true,
          format: 'esm',
          platform: 'browser',
          supported: { 'async-generator': false, 'for-await': false },
          external: ['k6', 'k6/*', 'https://*'],
          legalComments: 'none',
          charset: 'utf8',
          write: false,
          logLevel: 'silent',
        });
        const { body, exports } = exportClause(result.outputFiles[0]!.text, relativePath);
        return { contents: proxyModule(body, exports), loader: 'js', resolveDir: process.cwd() };
      });
    },
  };
  return plugin;
}
