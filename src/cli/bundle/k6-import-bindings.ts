// One binding per k6 export in a bundle. esbuild keeps each module's own import of a k6 module, so a bundle of the SDK
// imports `k6/execution` or `SharedArray` several times under several names (exec, exec2, ...). Under k6 v2.2 every
// such binding of a k6 module's object costs each VU about 0.7 KB at init; a plain variable that names the first
// binding costs next to nothing. The duplicates become such variables, each on its own line, so the source map
// still lines up.

/** A top-level import of a k6 module as esbuild writes it: a default name, named ones, or both. */
const K6_IMPORT = /^import (?:([\w$]+)(?:, )?)?(?:\{ ([^}]*) \})? from "(k6(?:\/[\w/-]+)?)";$/;

/**
 * Replaces each repeated import of the same export of the same k6 module by a variable naming its first binding.
 * Namespace imports (`import * as`) and imports of other modules are left as they are.
 * @param code - A bundle as esbuild wrote it (ESM, imports one per line at the top level).
 * @returns The bundle with one import binding per k6 export.
 */
export function oneBindingPerK6Export(code: string): string {
  const first = new Map<string, string>();
  return code
    .split('\n')
    .map((line) => {
      const match = K6_IMPORT.exec(line);
      if (!match) return line;
      const [, defaultName, namedList, module] = match;
      const aliases: string[] = [];
      const bind = (exported: string, local: string): boolean => {
        const key = `${module} ${exported}`;
        const earlier = first.get(key);
        if (earlier === undefined) first.set(key, local);
        else aliases.push(`${local} = ${earlier}`);
        return earlier === undefined;
      };
      const keptDefault = defaultName !== undefined && bind('default', defaultName) ? defaultName : undefined;
      const keptNamed = (namedList ?? '')
        .split(', ')
        .filter(Boolean)
        .filter((entry) => {
          const [exported, local = exported] = entry.split(' as ') as [string, string?];
          return bind(exported, local);
        });
      if (aliases.length === 0) return line;
      const kept = [keptDefault, keptNamed.length > 0 ? `{ ${keptNamed.join(', ')} }` : undefined].filter(Boolean).join(', ');
      return `${kept ? `import ${kept} from "${module}"; ` : ''}var ${aliases.join(', ')};`;
    })
    .join('\n');
}
