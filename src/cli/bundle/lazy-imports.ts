// Lazy imports: every VU of a k6 run evaluates its whole bundle, and each function a module declares costs every VU
// about 0.7 KB, called or not (a bundle's top-level functions share one scope, which the VU keeps while any of them
// lives). `import { f } from './x.ts' with { lazy: 'true' }` asks the build to carry x.ts (with everything it imports)
// as one closure that runs on the first call of one of its functions and is kept: a VU that never calls them never
// creates them. Report renderers (called once, by handleSummary) and the work that runs once per run (see
// src/lib/once-per-run.ts) are imported this way. `with { lazy: 'per-call' }` runs the closure on every call and keeps
// nothing, for what every VU calls at init only (options, configuration): the functions are garbage once init is over,
// so a VU keeps at most one proxy per export (none for those lazy-dispatcher.ts makes cases of). Outside a k6-forge
// build (in tests, in Node) the attribute changes nothing.
//
// A lazily imported module exports functions only, and a per-call one keeps no state between calls. The k6 modules it
// imports are imported by the bundle itself (k6 resolves those at init, and a VU's k6 module instance is shared by
// every import of it); the rest of its code waits in the closure. It is built apart from the rest of the bundle, so a
// class it shares with the eager part is a second copy: `instanceof` across the two does not hold.
import { relative, resolve } from 'node:path';
import { type BuildOptions, build, type Plugin } from 'esbuild';
import { ForgeError, shown } from '../../lib/errors.ts';
import { packageModule } from './package-modules.ts';

/** The esbuild namespace of each kind of lazy import, by the value of its `lazy` attribute. */
const NAMESPACES: Readonly<Record<string, string>> = { true: 'k6-forge-lazy', 'per-call': 'k6-forge-per-call' };

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

/**
 * The modules a lazy module shares with the rest of the bundle rather than carrying its own copy: the error class,
 * so that `instanceof ForgeError` holds for what a lazy module throws, and the once-per-run helper, whose k6 import
 * would cost every VU a binding per copy.
 */
const SHARED = ['lib/errors', 'lib/once-per-run'].map(packageModule);

/** The imports of esbuild's ESM output that the bundle itself carries (k6 modules and {@link SHARED} ones), apart from the rest. */
function hoistedImports(text: string): { imports: string[]; body: string } {
  const imports: string[] = [];
  const body: string[] = [];
  const hoisted = (line: string) =>
    /^import .*"(k6|k6\/[^"]+|https:\/\/[^"]+)";$/.test(line) || SHARED.some((path) => line.endsWith(` from ${JSON.stringify(path)};`));
  for (const line of text.split('\n')) (hoisted(line) ? imports : body).push(line);
  return { imports, body: body.join('\n') };
}

/**
 * The module that stands for a lazy one: its hoisted imports, the module's code inside a closure, and a proxy function
 * per export. A kept closure runs once, a per-call one on each call. A single export's proxy holds the closure itself:
 * one function object less in every VU. A per-call module's closure is written into each of its proxies: a shared
 * `load()` would be one more function that every VU keeps (0.3 MB at 500 VUs for the smoke bundle, k6 v2.2.0), while
 * the repeated text is compiled once per process (no change in the flash sale bundle's heap). A proxy ends in
 * `return target(...args)` and the shared loader takes no parameters: the shapes lazy-dispatcher.ts turns into the
 * cases of one function, where a call reaches the target without the spread. The proxies and the loader are named
 * `k6ForgeLazy<n>` for it.
 */
function proxyModule(text: string, exports: readonly [string, string][], kept: boolean): string {
  const { imports, body } = hoistedImports(text);
  const names = exports.map(([local, exported]) => `${JSON.stringify(exported)}: ${local}`).join(', ');
  const closure = `(() => {\n${body}\nreturn { ${names} };\n})()`;
  const exported = exports.map(([, name], i) => `k6ForgeLazy${i} as ${name}`).join(', ');
  const module = kept ? 'loaded' : closure;
  const call = (name: string) => `${module}[${JSON.stringify(name)}](...args)`;
  const load = kept ? `  if (loaded === undefined) loaded = ${closure};\n` : '';
  const loader = `k6ForgeLazy${exports.length}`;
  const functions =
    exports.length === 1 || !kept
      ? exports.map(([, name], i) => `function k6ForgeLazy${i}(...args) {\n${load}  return ${call(name)};\n}`)
      : [
          `function ${loader}() {\n${load}}`,
          ...exports.map(([, name], i) => `function k6ForgeLazy${i}(...args) { ${loader}(); return ${call(name)}; }`),
        ];
  return [...imports, ...(kept ? ['let loaded;'] : []), ...functions, `export { ${exported} };`, ''].join('\n');
}

/** Resolves the inner build's imports of {@link SHARED} modules as external, for the bundle to carry once. */
const sharedModules: Plugin = {
  name: 'k6-forge-lazy-shared',
  setup(bundle) {
    bundle.onResolve({ filter: /^[./]/ }, async (args) => {
      if (args.pluginData === 'shared') return undefined;
      const resolved = await bundle.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: 'shared',
      });
      return SHARED.includes(resolved.path) ? { path: resolved.path, external: true } : undefined;
    });
  },
};

/**
 * The plugin that carries each `with { lazy: 'true' }` import as a module whose code runs on its first call.
 * @param inner - The options of the build the plugin serves (target, define, plugins, conditions), reused for each lazy module.
 * @returns The esbuild plugin.
 * @throws {ForgeError} `invalid_script` (through the build) when a lazily imported module exports anything but
 *   functions.
 */
export function lazyImports(inner: Pick<BuildOptions, 'target' | 'define' | 'plugins' | 'conditions'>): Plugin {
  const plugin: Plugin = {
    name: 'k6-forge-lazy-imports',
    setup(bundle) {
      bundle.onResolve({ filter: /.*/ }, async (args) => {
        const lazy = args.with['lazy'];
        if (lazy === undefined) return undefined;
        const namespace = NAMESPACES[lazy];
        if (namespace === undefined) {
          return { errors: [{ text: `lazy: ${shown(lazy)} is not accepted; expected 'true' (kept after the first call) or 'per-call'` }] };
        }
        const resolved = await bundle.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir });
        if (resolved.errors.length > 0) return { errors: resolved.errors };
        // Relative to the working folder, as esbuild names files, so no machine's absolute path lands in a bundle.
        // No side effects: a proxy module none of whose exports is used leaves nothing, not even its k6 imports.
        return { path: relative(process.cwd(), resolved.path), namespace, sideEffects: false };
      });
      const load = async ({ path: relativePath, namespace }: { path: string; namespace: string }) => {
        const path = resolve(relativePath);
        const result = await build({
          ...inner,
          plugins: [...(inner.plugins ?? []), plugin, sharedModules],
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
        return { contents: proxyModule(body, exports, namespace === NAMESPACES['true']), loader: 'js' as const, resolveDir: process.cwd() };
      };
      for (const namespace of Object.values(NAMESPACES)) bundle.onLoad({ filter: /.*/, namespace }, load);
    },
  };
  return plugin;
}
