// Lazy imports: every VU of a k6 run evaluates its whole bundle, and each function a module declares costs every VU
// about a kilobyte (and its share of start-up), called or not. `import { f } from './x.ts' with { lazy: 'true' }`
// asks the build to carry x.ts (with everything it imports) as one closure that runs on the first call of one of its
// functions: a VU that never calls them never creates them. Report renderers (called once, by handleSummary) and the
// work that runs once per run (see src/lib/once-per-run.ts) are imported this way. Outside a k6-forge build (in
// tests, in Node) the attribute changes nothing.
//
// A lazily imported module exports functions only, and imports no k6 module (k6 resolves those at init). It is
// built apart from the rest of the bundle, so a class it shares with the eager part is a second copy: `instanceof`
// across the two does not hold.
import { relative, resolve } from 'node:path';
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { ForgeError, shown } from '../lib/errors.ts';

const NAMESPACE = 'k6-forge-lazy';

/** The `export { a, b as c };` clause that ends esbuild's ESM output, as [local, exported] pairs. */
function exportClause(text: string, path: string): { body: string; exports: [string, string][] } {
  const at = text.lastIndexOf('export {');
  if (at < 0) return { body: text, exports: [] };
  const names = text.slice(at + 'export {'.length, text.indexOf('}', at)).split(',').map((entry) => entry.trim()).filter(Boolean);
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

/** The module that stands for a lazy one: a proxy per export, and the module's code inside `load`. */
function proxyModule(body: string, exports: readonly [string, string][]): string {
  const proxies = exports.map(([, exported], i) => `function lazy${i}(...args) { return load()[${JSON.stringify(exported)}](...args); }`);
  const names = exports.map(([local, exported]) => `${JSON.stringify(exported)}: ${local}`).join(', ');
  const exported = exports.map(([, name], i) => `lazy${i} as ${name}`).join(', ');
  return `let loaded;\nfunction load() {\n  if (loaded === undefined) loaded = (() => {\n${body}\nreturn { ${names} };\n})();\n  return loaded;\n}\n${proxies.join('\n')}\nexport { ${exported} };\n`;
}

/**
 * The plugin that carries each `with { lazy: 'true' }` import as a module whose code runs on its first call.
 * @param inner - The options of the build the plugin serves (target, define, plugins), reused for each lazy module.
 * @returns The esbuild plugin.
 * @throws {ForgeError} `invalid_script` (through the build) when a lazily imported module imports a k6 module or
 *   exports anything but functions.
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
          metafile: true,
          write: false,
          logLevel: 'silent',
        });
        const external = Object.values(result.metafile.outputs).flatMap((output) => output.imports.filter((i) => i.external));
        if (external.length > 0) {
          throw new ForgeError('invalid_script', {
            field: relativePath,
            given: `a lazily imported module that imports ${shown(external[0]!.path)}`,
            accepted: 'k6 modules imported by the part of the script every VU evaluates',
          });
        }
        const { body, exports } = exportClause(result.outputFiles[0]!.text, relativePath);
        return { contents: proxyModule(body, exports), loader: 'js' };
      });
    },
  };
  return plugin;
}
