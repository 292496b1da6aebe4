// The type check that `k6-forge build` (and `run` of a TypeScript script) does before bundling: esbuild only strips
// types, so without it a type error in a team's script would surface at run time, inside k6. It uses the TypeScript
// compiler API, imported only here, with the project's tsconfig.json when the working folder has one, else a strict
// configuration over @types/k6.
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as TypeScript from 'typescript';
import { ForgeError, invalidOption } from '../../lib/errors.ts';
import { FROM_SOURCE } from './package-modules.ts';

/** What {@link typeCheck} found. */
export interface TypeCheckResult {
  /** The configuration the check used: the project's `tsconfig.json`, or `the built-in strict config`. */
  readonly config: string;
  /** One line per error, `file:line:col message` (the file relative to the working folder), in the compiler's order. */
  readonly errors: readonly string[];
}

/** The configuration used when the working folder has no tsconfig.json: strict, k6's types and nothing of the DOM's or Node's. */
export const BUILT_IN_COMPILER_OPTIONS = {
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  types: ['k6'],
  target: 'es2022',
  lib: ['es2022'],
  module: 'esnext',
  moduleResolution: 'bundler',
  allowImportingTsExtensions: true,
  resolveJsonModule: true,
  isolatedModules: true,
} as const;

/** The declarations src/'s k6-side code needs besides @types/k6 (the compiled package references its own copy). */
const SOURCE_GLOBALS = ['../../k6-globals.d.ts', '../../../types/k6-console.d.ts'].map((path) =>
  fileURLToPath(new URL(path, import.meta.url)),
);

/** The TypeScript compiler, imported on the first check only, so no other command pays for loading it. */
async function compiler(): Promise<typeof TypeScript> {
  try {
    return (await import('typescript')).default;
  } catch {
    throw new ForgeError('invalid_option', {
      field: 'the type check',
      given: 'no TypeScript compiler installed',
      accepted: 'the typescript package (npm install -D typescript), or --no-typecheck to bundle without checking',
    });
  }
}

/** The compiler options and extra root files of the check: the project's tsconfig.json, or the built-in config. */
function checkOptions(ts: typeof TypeScript, cwd: string): { config: string; options: TypeScript.CompilerOptions; roots: string[] } {
  const project = resolve(cwd, 'tsconfig.json');
  if (existsSync(project)) {
    const read = ts.readConfigFile(project, ts.sys.readFile);
    const parsed = ts.parseJsonConfigFileContent(read.config ?? {}, ts.sys, cwd, undefined, project);
    const problem = read.error ?? parsed.errors.find((error) => error.category === ts.DiagnosticCategory.Error);
    if (problem) {
      throw new ForgeError('invalid_option', {
        field: relative(cwd, project),
        given: ts.flattenDiagnosticMessageText(problem.messageText, ' '),
        accepted: 'a tsconfig.json that TypeScript reads, or --no-typecheck',
      });
    }
    // The project's own declaration files (globals, ambient modules) come along; its other files are not checked.
    const declarations = parsed.fileNames.filter((file) => file.endsWith('.d.ts'));
    return { config: relative(cwd, project), options: { ...parsed.options, noEmit: true }, roots: declarations };
  }
  const { options, errors } = ts.convertCompilerOptionsFromJson(BUILT_IN_COMPILER_OPTIONS, cwd);
  if (errors.length > 0) throw new Error(ts.flattenDiagnosticMessageText(errors[0]!.messageText, ' '));
  // From source (inside this repository), `k6-forge/*` resolves to src/, whose k6-side code needs the declarations
  // that the compiled package carries in k6-globals.d.ts.
  return FROM_SOURCE
    ? {
        config: 'the built-in strict config',
        options: { ...options, customConditions: ['k6-forge-source'] },
        roots: SOURCE_GLOBALS,
      }
    : { config: 'the built-in strict config', options, roots: [] };
}

/**
 * Type-checks k6 entry scripts and what they import, with `./tsconfig.json`'s compiler options when the working
 * folder has one (of its `include` and `files`, only the declaration files join the entries), else
 * {@link BUILT_IN_COMPILER_OPTIONS}. Nothing is emitted.
 * @param entries - The entry scripts.
 * @param cwd - The project folder, where tsconfig.json is looked for and which error paths are relative to. @default process.cwd()
 * @returns The configuration used and the errors, one line each; no errors when the scripts type-check.
 * @throws {ForgeError} When an entry is missing, TypeScript is missing or the project's tsconfig.json cannot be read.
 */
export async function typeCheck(entries: readonly string[], cwd: string = process.cwd()): Promise<TypeCheckResult> {
  for (const entry of entries) if (!existsSync(resolve(cwd, entry))) invalidOption('entry', entry, 'an existing script file');
  const ts = await compiler();
  const { config, options, roots } = checkOptions(ts, cwd);
  const program = ts.createProgram({ rootNames: [...entries.map((entry) => resolve(cwd, entry)), ...roots], options });
  const errors = ts
    .getPreEmitDiagnostics(program)
    .filter((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error)
    .map((diagnostic) => {
      const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ').replace(/\s+/g, ' ');
      // TS2688 on k6: the type library is not installed where the project is.
      const hint = diagnostic.code === 2688 && message.includes("'k6'") ? ': npm install -D @types/k6, or pass --no-typecheck' : '';
      if (!diagnostic.file || diagnostic.start === undefined) return `${config}: ${message} (TS${diagnostic.code})${hint}`;
      const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
      return `${relative(cwd, diagnostic.file.fileName)}:${line + 1}:${character + 1} ${message} (TS${diagnostic.code})`;
    });
  return { config, errors };
}
