import { randomInt } from 'node:crypto';
import { basename, extname } from 'node:path';
import { ForgeError, invalidOption, refuse } from '../../lib/errors.ts';
import { isSecretName } from '../../lib/redact.ts';
import { dnsLabel, dnsSubdomain } from './kubernetes-names.ts';

/** The most a ConfigMap may hold, in bytes: Kubernetes refuses a bigger one (1 MiB). */
export const CONFIGMAP_LIMIT_BYTES = 1024 * 1024;

/**
 * The most an object applied with client-side `kubectl apply` may weigh, in bytes: kubectl copies it whole into the
 * `kubectl.kubernetes.io/last-applied-configuration` annotation, and annotations hold at most 256 KiB together.
 */
export const CLIENT_SIDE_APPLY_LIMIT_BYTES = 256 * 1024;

/** Where the runners' raw output (`--raw-output-volume`) is mounted, one folder per runner pod. */
export const RESULTS_MOUNT = '/results';

/** The user and group of the `grafana/k6` image: the volume is given this group so k6 can write to it. */
export const K6_IMAGE_GROUP = 12345;

/** The statistics Prometheus remote write keeps of each trend (k6's `K6_PROMETHEUS_RW_TREND_STATS`). */
export const PROMETHEUS_TREND_STATS = 'p(95),p(99)';

/** Variables the manifests set themselves, which `-e` may not set. */
const OWN_VARIABLES: Readonly<Record<string, string>> = {
  POD_NAME: "the runner pod's name, from the downward API",
  RESULTS_DIR: `${RESULTS_MOUNT} with --raw-output-volume`,
  K6_PROMETHEUS_RW_SERVER_URL: '--prometheus',
  K6_PROMETHEUS_RW_TREND_STATS: `--prometheus (${PROMETHEUS_TREND_STATS})`,
};

const MAX_SEED = 4294967295;
const MAX_INT32 = 2147483647;

/** Where the runners send their results. */
export type RunnerOutput =
  /** Raw k6 JSON output (gzip) and summaries on a PersistentVolumeClaim, one folder per runner pod. */
  | { readonly kind: 'volume'; readonly claim: string }
  /** Prometheus remote write to this URL. */
  | { readonly kind: 'prometheus'; readonly url: string };

/** What {@link testRunManifests} is asked for, as given on the command line. */
export interface TestRunRequest {
  /** The bundle's path, as given: names the script key and, without `name`, the TestRun. */
  readonly bundle: string;
  /** The bundle's contents. */
  readonly script: string;
  /** How many k6 runners, as given (`--parallelism`). */
  readonly parallelism: string;
  /** The TestRun's name (`--name`). @default the bundle's file name without `.js`, such as `flash-sale` */
  readonly name?: string;
  /** The namespace of both objects (`--namespace`). @default none: kubectl's current namespace */
  readonly namespace?: string;
  /** The Secret every runner takes its environment from (`--secret`). @default none */
  readonly secret?: string;
  /** Where results go (`--raw-output-volume` or `--prometheus`). @default none: each runner's summary stays in its log */
  readonly output?: RunnerOutput;
  /** `KEY=VALUE` pairs for every runner (`-e`): no secrets. @default [] */
  readonly env?: readonly string[];
  /** Draws the run's seed when `-e SEED=...` is not given. @default a random whole number from 0 to 4294967295 */
  readonly drawSeed?: () => number;
}

/** A Kubernetes object, as plain data. */
export type KubernetesObject = Readonly<Record<string, unknown>>;

/** The manifests {@link testRunManifests} makes, with the figures the command prints. */
export interface TestRunManifests {
  /** The TestRun's name. */
  readonly name: string;
  /** The ConfigMap holding the bundle. */
  readonly configMap: KubernetesObject;
  /** The `k6.io/v1alpha1` TestRun. */
  readonly testRun: KubernetesObject;
  /** Both as one YAML file: the ConfigMap, `---`, the TestRun. */
  readonly yaml: string;
  /** The ConfigMap's size as written in YAML, in bytes: what the 1 MiB limit is checked on. */
  readonly configMapBytes: number;
  /** The run's seed, the same on every runner. */
  readonly seed: number;
}

/**
 * Reads `--parallelism`: a whole number of runners from 1 to 2147483647 (the CRD's int32).
 * @param text - The text given.
 * @returns The number.
 * @throws {ForgeError} `invalid_option` naming `--parallelism`, the value and the accepted range.
 */
export function parallelismOption(text: string): number {
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(value >= 1 && value <= MAX_INT32)) {
    invalidOption('--parallelism', text, `a whole number of k6 runners from 1 to ${MAX_INT32}, such as 4`);
  }
  return value;
}

/**
 * Reads `--prometheus`: an http or https remote-write URL without credentials, which belong in the Secret.
 * @param text - The URL given.
 * @returns The URL as given.
 * @throws {ForgeError} `invalid_option` for no URL, another scheme, a user or password, or a secret query parameter.
 */
export function prometheusUrl(text: string): string {
  const accepted =
    'an http(s) Prometheus remote-write URL without credentials, such as http://prometheus.monitoring:9090/api/v1/write (put K6_PROMETHEUS_RW_USERNAME and K6_PROMETHEUS_RW_PASSWORD in the --secret instead)';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    invalidOption('--prometheus', text, accepted);
  }
  if (url.username !== '' || url.password !== '' || [...url.searchParams.keys()].some(isSecretName)) {
    refuse('invalid_option', { field: '--prometheus', shownAs: 'a URL with credentials (not shown)', accepted });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') invalidOption('--prometheus', text, accepted);
  return text;
}

/** Reads the `-e` pairs: variable names, no secrets, none the manifests set themselves, each once. */
function runnerVariables(pairs: readonly string[], secret: string | undefined): Map<string, string> {
  const variables = new Map<string, string>();
  for (const pair of pairs) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(pair);
    if (!match) invalidOption('-e', pair.split('=')[0], 'KEY=VALUE with KEY a variable name');
    const [, key, value] = match as unknown as [string, string, string];
    if (isSecretName(key)) {
      throw new ForgeError('invalid_option', {
        field: `-e ${key}`,
        given: 'a secret in the manifests (its value is not shown)',
        accepted: `${key} in a Kubernetes Secret the runners read with --secret ${secret ?? 'NAME'} (kubectl create secret generic ${secret ?? 'NAME'} --from-env-file=secrets.env): a TestRun is readable by anyone who can read the namespace's objects`,
      });
    }
    if (Object.hasOwn(OWN_VARIABLES, key)) invalidOption(`-e ${key}`, value, `no -e ${key}: k6-forge k8s sets it (${OWN_VARIABLES[key]})`);
    if (variables.has(key)) invalidOption(`-e ${key}`, value, 'one value per variable');
    variables.set(key, value);
  }
  return variables;
}

/** The seed every runner draws its data from: `-e SEED` when given, else a fresh one. */
function runSeed(variables: Map<string, string>, drawSeed: () => number): number {
  const given = variables.get('SEED');
  if (given === undefined) return drawSeed();
  const seed = /^\d+$/.test(given) ? Number(given) : Number.NaN;
  if (!(seed <= MAX_SEED)) invalidOption('-e SEED', given, `a whole number from 0 to ${MAX_SEED}, such as 42`);
  return seed;
}

/**
 * The TestRun's name: `--name`, else the bundle's file name without its extension. The operator names its jobs
 * `<name>-initializer` and `<name>-<runner>`, and its services `<name>-service-<runner>`, so the name must leave room
 * for the longest of those suffixes within 63 characters, and start with a letter (a Service name does).
 */
function testRunName(given: string | undefined, bundle: string, parallelism: number): string {
  const room = 63 - Math.max('-initializer'.length, `-service-${parallelism}`.length);
  const name = given ?? basename(bundle, extname(bundle));
  return dnsLabel(given === undefined ? '--name (from the bundle file name)' : '--name', name, { maxLength: room, letterFirst: true });
}

/**
 * Turns plain data into YAML: block literals for multi-line text (the bundle reads as it is), no line folding.
 * @param value - The object.
 * @param stringify - The `yaml` package's `stringify`.
 * @returns One YAML document.
 */
function yamlOf(value: unknown, stringify: (value: unknown, options: object) => string): string {
  return stringify(value, { blockQuote: 'literal', lineWidth: 0, minContentWidth: 0, aliasDuplicateObjects: false });
}

/**
 * Makes the k6-operator manifests for a bundle: a ConfigMap holding it under `<name>.js`, and a `k6.io/v1alpha1`
 * TestRun that runs it over `parallelism` runners, each with the same `SEED`, `--tag testid=<name>`, the `-e`
 * variables, its environment from the Secret, and its results sent where `output` says: raw JSON (gzip) and
 * summaries into its own folder of the volume (`subPathExpr: $(POD_NAME)`, `RESULTS_DIR=/results`), or Prometheus
 * remote write with p(95) and p(99) kept.
 * @param request - The bundle, its contents and the options as given.
 * @returns The two objects, their YAML, the ConfigMap's size and the seed.
 * @throws {ForgeError} `invalid_option` for bad parallelism, a bad name, namespace, Secret or claim name, a bad URL, a
 *   secret or reserved `-e` variable; `invalid_file` for a TypeScript file or a bundle whose ConfigMap exceeds 1 MiB.
 */
export async function testRunManifests(request: TestRunRequest): Promise<TestRunManifests> {
  const { bundle, script, output, secret } = request;
  if (/\.(c|m)?tsx?$/.test(bundle)) {
    refuse('invalid_file', {
      field: bundle,
      shownAs: 'a TypeScript file',
      accepted: 'a bundle k6 runs as it is: build it first (k6-forge build, then dist/<name>.js)',
    });
  }
  const parallelism = parallelismOption(request.parallelism);
  const name = testRunName(request.name, bundle, parallelism);
  const namespace = request.namespace === undefined ? undefined : dnsLabel('--namespace', request.namespace);
  if (secret !== undefined) dnsSubdomain('--secret', secret);
  if (output?.kind === 'volume') dnsSubdomain('--raw-output-volume', output.claim);
  if (output?.kind === 'prometheus') prometheusUrl(output.url);
  const variables = runnerVariables(request.env ?? [], secret);
  const seed = runSeed(variables, request.drawSeed ?? (() => randomInt(0, MAX_SEED + 1)));
  variables.delete('SEED');

  const scriptKey = `${name}.js`;
  const configMapName = `${name}-script`;
  const labels = { 'app.kubernetes.io/name': name, 'app.kubernetes.io/managed-by': 'k6-forge' };
  const metadata = (objectName: string) => ({ name: objectName, ...(namespace !== undefined && { namespace }), labels });

  const configMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: metadata(configMapName), data: { [scriptKey]: script } };
  const { stringify } = await import('yaml');
  const configMapYaml = yamlOf(configMap, stringify);
  const configMapBytes = Buffer.byteLength(configMapYaml);
  if (configMapBytes > CONFIGMAP_LIMIT_BYTES) {
    refuse('invalid_file', {
      field: bundle,
      shownAs: `a bundle of ${Buffer.byteLength(script).toLocaleString('en')} bytes (a ConfigMap of ${configMapBytes.toLocaleString('en')} bytes as YAML)`,
      accepted: `a ConfigMap of at most ${CONFIGMAP_LIMIT_BYTES.toLocaleString('en')} bytes (1 MiB, the Kubernetes limit): move data pools out of the bundle (k6-forge pool <domain> --count N --out pools/<file>.json, imported as k6-forge/pool?domain=...&file=/data/<file>.json and read once at init from a volume the runners mount), or put the bundle itself on a PersistentVolumeClaim and point the TestRun's script.volumeClaim (name, file) at it`,
    });
  }

  const env: Record<string, unknown>[] = [{ name: 'SEED', value: String(seed) }];
  for (const [key, value] of variables) env.push({ name: key, value });
  const args = [`--tag testid=${name}`];
  let storage: Record<string, unknown> = {};
  if (output?.kind === 'volume') {
    // Every runner pod writes into its own folder of the claim, named after the pod: no file collides.
    env.push({ name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }, { name: 'RESULTS_DIR', value: RESULTS_MOUNT });
    args.push(`--out json=${RESULTS_MOUNT}/${name}.json.gz`);
    storage = {
      volumes: [{ name: 'results', persistentVolumeClaim: { claimName: output.claim } }],
      volumeMounts: [{ name: 'results', mountPath: RESULTS_MOUNT, subPathExpr: '$(POD_NAME)' }],
      securityContext: { fsGroup: K6_IMAGE_GROUP },
    };
  }
  if (output?.kind === 'prometheus') {
    env.push(
      { name: 'K6_PROMETHEUS_RW_SERVER_URL', value: output.url },
      { name: 'K6_PROMETHEUS_RW_TREND_STATS', value: PROMETHEUS_TREND_STATS },
    );
    args.push('--out experimental-prometheus-rw');
  }
  const runner = {
    metadata: { labels },
    env,
    ...(secret !== undefined && { envFrom: [{ secretRef: { name: secret } }] }),
    ...storage,
  };

  const testRun = {
    apiVersion: 'k6.io/v1alpha1',
    kind: 'TestRun',
    metadata: metadata(name),
    spec: {
      parallelism,
      script: { configMap: { name: configMapName, file: scriptKey } },
      arguments: args.join(' '),
      runner,
    },
  };
  const header = `# k6-forge k8s: ${scriptKey} over ${parallelism} k6 runner${parallelism === 1 ? '' : 's'}, SEED=${seed}. Apply with: kubectl apply --server-side -f <this file>\n`;
  const yaml = `${header}${configMapYaml}---\n${yamlOf(testRun, stringify)}`;
  return { name, configMap, testRun, yaml, configMapBytes, seed };
}
