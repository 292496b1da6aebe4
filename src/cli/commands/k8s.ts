import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { invalidOption, refuse } from '../../lib/errors.ts';
import { type Command, EXIT } from '../command.ts';
import { fileProblem } from '../io/file-problem.ts';
import type { RunnerOutput } from '../k8s/test-run-manifests.ts';

/**
 * `k6-forge k8s <bundle> --parallelism N [--namespace NS] [--name NAME] [--secret NAME] [-e KEY=VALUE]...
 * [--raw-output-volume CLAIM | --prometheus URL] [--out DIR] [--force]`: writes the k6-operator manifests for a bundle,
 * a ConfigMap holding it and a `k6.io/v1alpha1` TestRun, to stdout or to `<DIR>/<name>.yaml`. Exits 0 once written.
 * Throws {@link ForgeError} (exit 2) for a missing bundle, bad parallelism, a bad name, a secret given with `-e`, or a
 * bundle too big for a ConfigMap.
 */
export const k8sCommand: Command = {
  usage: `k8s <bundle> --parallelism N [--namespace NS] [--name NAME] [--secret NAME] [-e KEY=VALUE]...
      [--raw-output-volume CLAIM | --prometheus URL] [--out DIR] [--force]
    Write the k6-operator manifests for a bundle: a ConfigMap <name>-script holding it (at most 1 MiB) and a
    TestRun (k6.io/v1alpha1) running it over N k6 runners with one SEED (-e SEED=42, else drawn now), tagged
    testid=<name> (default: the bundle's file name). The runners take their environment from the Secret
    (kubectl create secret generic NAME --from-env-file=secrets.env); -e refuses secrets. --raw-output-volume:
    each runner writes <name>.json.gz and its summaries into its own folder of the claim, for k6-forge merge;
    --prometheus: remote write with p(95) and p(99). To stdout, or <DIR>/<name>.yaml (--force replaces it).
    Apply with kubectl apply --server-side -f.`,
  async run(args, { print, report }) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        parallelism: { type: 'string' },
        namespace: { type: 'string' },
        name: { type: 'string' },
        secret: { type: 'string' },
        env: { type: 'string', short: 'e', multiple: true, default: [] },
        'raw-output-volume': { type: 'string' },
        prometheus: { type: 'string' },
        out: { type: 'string' },
        force: { type: 'boolean', default: false },
      },
    });
    if (positionals.length !== 1) invalidOption('k8s', positionals.join(' ') || undefined, 'one bundle, such as dist/load.js');
    if (values.parallelism === undefined) invalidOption('--parallelism', undefined, 'a whole number of k6 runners from 1, such as 4');
    const claim = values['raw-output-volume'];
    if (claim !== undefined && values.prometheus !== undefined) {
      invalidOption('--prometheus', values.prometheus, 'either --raw-output-volume or --prometheus, not both');
    }
    const bundle = positionals[0]!;
    // The engine and the yaml package load only when this command runs.
    const { testRunManifests, CLIENT_SIDE_APPLY_LIMIT_BYTES } = await import('../k8s/test-run-manifests.ts');
    const script = await readFile(bundle, 'utf8').catch((error: unknown) =>
      refuse('invalid_file', {
        field: bundle,
        shownAs: fileProblem(error),
        accepted: 'a bundle k6 runs, such as dist/load.js (k6-forge build writes them)',
      }),
    );
    const output: RunnerOutput | undefined =
      claim !== undefined
        ? { kind: 'volume', claim }
        : values.prometheus !== undefined
          ? { kind: 'prometheus', url: values.prometheus }
          : undefined;
    const manifests = await testRunManifests({
      bundle,
      script,
      parallelism: values.parallelism,
      env: values.env,
      ...(values.name !== undefined && { name: values.name }),
      ...(values.namespace !== undefined && { namespace: values.namespace }),
      ...(values.secret !== undefined && { secret: values.secret }),
      ...(output !== undefined && { output }),
    });
    if (values.out === undefined) report(manifests.yaml.replace(/\n$/, ''));
    else {
      const file = join(values.out, `${manifests.name}.yaml`);
      const { writeWhole } = await import('../io/write-whole.ts');
      await writeWhole(file, manifests.yaml, { replace: values.force });
      print(`k6-forge: wrote ${file}: ConfigMap ${manifests.name}-script and TestRun ${manifests.name}, SEED=${manifests.seed}`);
    }
    if (manifests.configMapBytes > CLIENT_SIDE_APPLY_LIMIT_BYTES) {
      print(
        `k6-forge: the ConfigMap is ${manifests.configMapBytes.toLocaleString('en')} bytes: apply it with kubectl apply --server-side (a client-side apply copies it into an annotation, which holds at most 262,144 bytes)`,
      );
    }
    if (output === undefined) {
      print(
        'k6-forge: no --raw-output-volume or --prometheus: each runner judges its own thresholds and its summary stays in its log; nothing to merge',
      );
    }
    if (values.secret === undefined) {
      print(
        'k6-forge: no --secret: the runners get no tokens or passwords (kubectl create secret generic NAME --from-env-file=secrets.env, then --secret NAME)',
      );
    }
    return EXIT.ok;
  },
};
