import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv, { type ValidateFunction } from 'ajv';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { CONFIGMAP_LIMIT_BYTES, type TestRunRequest, testRunManifests } from '../src/cli/k8s/test-run-manifests.ts';
import { cli } from './support/cli.ts';

// The TestRun CRD of k6-operator v1.6.0 lies beside the repository (../shared), here and in CI; it is not copied in.
const CRD = fileURLToPath(new URL('../../shared/k6-operator/k6.io_testruns.yaml', import.meta.url));
const crdFound = existsSync(CRD);
if (!crdFound) console.log(`SKIPPED: ${CRD} not found, so no TestRun is validated against the k6-operator CRD schema`);

const scratch = mkdtempSync(join(tmpdir(), 'k6-forge-k8s-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const bundle = join(scratch, 'flash-sale.js');
const SCRIPT =
  "import http from 'k6/http';\nexport const options = { vus: 1 };\nexport default function () {\n  http.get(__ENV.BASE_URL + '/');\n}\n";
writeFileSync(bundle, SCRIPT);

type Json = Record<string, unknown>;

/**
 * Adapts the CRD's OpenAPI v3 schema for a JSON Schema validator, only ever making it stricter: an object with
 * `properties` and no `x-kubernetes-preserve-unknown-fields` gets `additionalProperties: false`, since the API server
 * drops unknown fields there (a misspelt field would silently vanish). Required fields, types and formats stay.
 */
function structural(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(structural);
  if (typeof schema !== 'object' || schema === null) return schema;
  const node = Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [key, key === 'properties' ? mapValues(value as Json) : structural(value)]),
  );
  if ('properties' in node && !('additionalProperties' in node) && node['x-kubernetes-preserve-unknown-fields'] !== true) {
    node['additionalProperties'] = false;
  }
  return node;
}
const mapValues = (properties: Json) => Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, structural(value)]));

function validator(): ValidateFunction {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  // Kubernetes' annotations of list and map semantics: no validation of their own.
  for (const keyword of [
    'x-kubernetes-list-type',
    'x-kubernetes-list-map-keys',
    'x-kubernetes-map-type',
    'x-kubernetes-int-or-string',
    'x-kubernetes-preserve-unknown-fields',
  ]) {
    ajv.addKeyword(keyword);
  }
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) });
  ajv.addFormat('date-time', (text: string) => !Number.isNaN(Date.parse(text)));
  const crd = parse(readFileSync(CRD, 'utf8')) as { spec: { versions: { name: string; schema: { openAPIV3Schema: unknown } }[] } };
  const version = crd.spec.versions.find((candidate) => candidate.name === 'v1alpha1')!;
  return ajv.compile(structural(version.schema.openAPIV3Schema) as Json);
}

let validateTestRun: ValidateFunction;
beforeAll(() => {
  if (crdFound) validateTestRun = validator();
});

function expectValidTestRun(testRun: unknown): void {
  if (!crdFound) return;
  const valid = validateTestRun(testRun);
  expect(validateTestRun.errors ?? []).toStrictEqual([]);
  expect(valid).toBe(true);
}

// A ConfigMap as the API server accepts it (core/v1 validation): a DNS-1123 subdomain name, data keys of
// [-._a-zA-Z0-9], text values.
const configMapSchema = {
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata', 'data'],
  additionalProperties: false,
  properties: {
    apiVersion: { const: 'v1' },
    kind: { const: 'ConfigMap' },
    metadata: {
      type: 'object',
      required: ['name'],
      properties: {
        name: { type: 'string', maxLength: 253, pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$' },
        namespace: { type: 'string', maxLength: 63, pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$' },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
      },
    },
    data: {
      type: 'object',
      minProperties: 1,
      propertyNames: { maxLength: 253, pattern: '^[-._a-zA-Z0-9]+$' },
      additionalProperties: { type: 'string' },
    },
  },
};
const validateConfigMap = new Ajv({ allErrors: true }).compile(configMapSchema);

const request = (overrides: Partial<TestRunRequest> = {}): TestRunRequest => ({
  bundle,
  script: SCRIPT,
  parallelism: '3',
  drawSeed: () => 42,
  ...overrides,
});

/** The two documents of a written manifest file, parsed back. */
function documents(yaml: string): Json[] {
  const parsed = parseAllDocuments(yaml);
  if (!Array.isArray(parsed)) throw new Error('no documents');
  for (const document of parsed) expect(document.errors).toStrictEqual([]);
  return parsed.map((document) => document.toJS() as Json);
}

describe('k6-forge k8s: the TestRun', () => {
  test('with --raw-output-volume: each runner writes raw JSON and summaries into its own folder of the claim, and it validates against the CRD', async () => {
    const manifests = await testRunManifests(
      request({ output: { kind: 'volume', claim: 'k6-results' }, namespace: 'perf', secret: 'load-secrets' }),
    );
    expectValidTestRun(manifests.testRun);
    expect(manifests.testRun).toStrictEqual({
      apiVersion: 'k6.io/v1alpha1',
      kind: 'TestRun',
      metadata: {
        name: 'flash-sale',
        namespace: 'perf',
        labels: { 'app.kubernetes.io/name': 'flash-sale', 'app.kubernetes.io/managed-by': 'k6-forge' },
      },
      spec: {
        parallelism: 3,
        script: { configMap: { name: 'flash-sale-script', file: 'flash-sale.js' } },
        arguments: '--tag testid=flash-sale --out json=/results/flash-sale.json.gz',
        runner: {
          metadata: { labels: { 'app.kubernetes.io/name': 'flash-sale', 'app.kubernetes.io/managed-by': 'k6-forge' } },
          env: [
            { name: 'SEED', value: '42' },
            { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
            { name: 'RESULTS_DIR', value: '/results' },
          ],
          envFrom: [{ secretRef: { name: 'load-secrets' } }],
          volumes: [{ name: 'results', persistentVolumeClaim: { claimName: 'k6-results' } }],
          volumeMounts: [{ name: 'results', mountPath: '/results', subPathExpr: '$(POD_NAME)' }],
          securityContext: { fsGroup: 12345 },
        },
      },
    });
    // What is written parses back to the same two objects.
    expect(documents(manifests.yaml)).toStrictEqual([manifests.configMap, manifests.testRun]);
  });

  test('with --prometheus: remote write keeping p(95) and p(99), and it validates against the CRD', async () => {
    const manifests = await testRunManifests(
      request({ output: { kind: 'prometheus', url: 'http://prometheus.monitoring:9090/api/v1/write' } }),
    );
    expectValidTestRun(manifests.testRun);
    const spec = manifests.testRun['spec'] as Json;
    expect(spec['arguments']).toBe('--tag testid=flash-sale --out experimental-prometheus-rw');
    expect(spec['runner']).toStrictEqual({
      metadata: { labels: { 'app.kubernetes.io/name': 'flash-sale', 'app.kubernetes.io/managed-by': 'k6-forge' } },
      env: [
        { name: 'SEED', value: '42' },
        { name: 'K6_PROMETHEUS_RW_SERVER_URL', value: 'http://prometheus.monitoring:9090/api/v1/write' },
        { name: 'K6_PROMETHEUS_RW_TREND_STATS', value: 'p(95),p(99)' },
      ],
    });
  });

  test('every form the command line makes validates against the CRD: no output, -e variables, one runner, a long name', async () => {
    const forms: TestRunRequest[] = [
      request(),
      request({ parallelism: '1', env: ['ENVIRONMENT=staging', 'VUS=200', 'SEED=7'] }),
      request({ parallelism: '2147483647', name: `a${'b'.repeat(43)}` }),
      request({ secret: 'team.load-secrets', output: { kind: 'volume', claim: 'results.k6' } }),
    ];
    for (const form of forms) expectValidTestRun((await testRunManifests(form)).testRun);
  });

  test.skipIf(!crdFound)(
    'the schema check is real: it refuses a TestRun without parallelism, with text for it, or with a misspelt field',
    async () => {
      const { testRun } = await testRunManifests(request({ secret: 'load-secrets' }));
      const spec = testRun['spec'] as Json;
      const { parallelism: _dropped, ...withoutParallelism } = spec;
      expect(validateTestRun({ ...testRun, spec: withoutParallelism })).toBe(false);
      expect(validateTestRun({ ...testRun, spec: { ...spec, parallelism: '3' } })).toBe(false);
      expect(validateTestRun({ ...testRun, spec: { ...spec, parallelism: 2 ** 31 } })).toBe(false);
      expect(validateTestRun({ ...testRun, spec: { ...spec, runner: { envFrm: [] } } })).toBe(false);
      expect(validateTestRun({ ...testRun, spec: { ...spec, script: { configMap: { file: 'x.js' } } } })).toBe(false);
    },
  );

  test('every runner gets the same SEED: -e SEED when given, else one drawn for the run', async () => {
    const given = await testRunManifests(request({ env: ['SEED=1234'] }));
    expect(given.seed).toBe(1234);
    const { drawSeed: _fixed, ...unseeded } = request();
    const drawn = await testRunManifests(unseeded);
    const env = ((drawn.testRun['spec'] as Json)['runner'] as Json)['env'] as Json[];
    expect(env).toContainEqual({ name: 'SEED', value: String(drawn.seed) });
    expect(drawn.seed).toBeGreaterThanOrEqual(0);
    expect(drawn.seed).toBeLessThanOrEqual(4294967295);
    await expect(testRunManifests(request({ env: ['SEED=-1'] }))).rejects.toThrow('-e SEED: "-1" is not accepted');
  });
});

describe('k6-forge k8s: the ConfigMap', () => {
  test('holds the bundle exactly under <name>.js and has the shape the API server accepts', async () => {
    const manifests = await testRunManifests(request({ namespace: 'perf' }));
    expect(validateConfigMap(manifests.configMap)).toBe(true);
    expect(manifests.configMap['data']).toStrictEqual({ 'flash-sale.js': SCRIPT });
    const [configMap] = documents(manifests.yaml);
    expect(validateConfigMap(configMap)).toBe(true);
    expect((configMap!['data'] as Json)['flash-sale.js']).toBe(SCRIPT);
    // The size checked is the ConfigMap as written, YAML overhead included, and it fits.
    const written = manifests.yaml.slice(manifests.yaml.indexOf('\n') + 1, manifests.yaml.indexOf('---\n'));
    expect(manifests.configMapBytes).toBe(Buffer.byteLength(written));
    expect(manifests.configMapBytes).toBeGreaterThan(Buffer.byteLength(SCRIPT));
    expect(manifests.configMapBytes).toBeLessThanOrEqual(CONFIGMAP_LIMIT_BYTES);
  });

  test('a real bundle round-trips through the YAML byte for byte', async () => {
    const smoke = readFileSync(new URL('../dist/smoke.js', import.meta.url), 'utf8');
    const manifests = await testRunManifests(request({ bundle: 'dist/smoke.js', script: smoke }));
    const [configMap, testRun] = documents(manifests.yaml);
    expect((configMap!['data'] as Json)['smoke.js']).toBe(smoke);
    expect(validateConfigMap(configMap)).toBe(true);
    expectValidTestRun(testRun);
  });

  test('refuses a bundle whose ConfigMap is one byte over 1 MiB, YAML overhead included, and accepts one at exactly 1 MiB', async () => {
    const overhead = (await testRunManifests(request({ script: 'x' }))).configMapBytes - 1;
    const fits = 'x'.repeat(CONFIGMAP_LIMIT_BYTES - overhead);
    expect((await testRunManifests(request({ script: fits }))).configMapBytes).toBe(CONFIGMAP_LIMIT_BYTES);
    // Named as the request's bundle, so the ConfigMap's name and key, and with them the overhead, are the same.
    const over = join(scratch, 'big', 'flash-sale.js');
    mkdirSync(join(scratch, 'big'));
    writeFileSync(over, `${fits}x`);
    const { code, messages, report } = await cli('k8s', over, '--parallelism', '3');
    expect(code).toBe(2);
    expect(report).toBe('');
    expect(messages).toContain(
      `k6-forge k8s: ${over}: a bundle of ${(fits.length + 1).toLocaleString('en')} bytes (a ConfigMap of 1,048,577 bytes as YAML) is not accepted`,
    );
    expect(messages).toContain('at most 1,048,576 bytes (1 MiB, the Kubernetes limit)');
    expect(messages).toContain('k6-forge/pool?domain=...&file=/data/<file>.json');
    expect(messages).toContain('script.volumeClaim');
  });
});

describe('k6-forge k8s: secrets', () => {
  test('wires the Secret with envFrom and writes no secret value anywhere', async () => {
    const { code, report, messages } = await cli(
      'k8s',
      bundle,
      '--parallelism',
      '2',
      '--secret',
      'load-secrets',
      '-e',
      'ENVIRONMENT=staging',
    );
    expect(code).toBe(0);
    const [, testRun] = documents(report);
    expect(((testRun!['spec'] as Json)['runner'] as Json)['envFrom']).toStrictEqual([{ secretRef: { name: 'load-secrets' } }]);
    expect(messages).not.toContain('no --secret');
  });

  test.each([
    ['-e', 'BEARER_TOKEN=s3cr3t-value'],
    ['-e', 'TEST_PASSWORD=s3cr3t-value'],
    ['-e', 'client_secret=s3cr3t-value'],
  ])('refuses %s %s without showing the value, naming --secret and kubectl create secret', async (flag, pair) => {
    const { code, report, messages } = await cli('k8s', bundle, '--parallelism', '2', '--secret', 'load-secrets', flag, pair);
    expect(code).toBe(2);
    expect(report).toBe('');
    expect(messages).toContain(`-e ${pair.split('=')[0]}: a secret in the manifests (its value is not shown) is not accepted`);
    expect(messages).toContain('kubectl create secret generic load-secrets --from-env-file=secrets.env');
    expect(messages).not.toContain('s3cr3t-value');
  });

  test('refuses a Prometheus URL with credentials without showing them', async () => {
    for (const url of ['https://user:s3cr3t-value@prom.example/api/v1/write', 'https://prom.example/write?token=s3cr3t-value']) {
      const { code, messages } = await cli('k8s', bundle, '--parallelism', '2', '--prometheus', url);
      expect(code).toBe(2);
      expect(messages).toContain('--prometheus: a URL with credentials (not shown) is not accepted');
      expect(messages).not.toContain('s3cr3t-value');
    }
  });

  test('without --secret it says how to make one', async () => {
    const { code, messages } = await cli('k8s', bundle, '--parallelism', '2');
    expect(code).toBe(0);
    expect(messages).toContain('kubectl create secret generic NAME --from-env-file=secrets.env, then --secret NAME');
  });
});

describe('k6-forge k8s: bad input exits 2 naming the flag, the value and what is accepted', () => {
  test.each([
    [['--parallelism', '0'], '--parallelism: "0" is not accepted; expected a whole number of k6 runners from 1 to 2147483647'],
    [['--parallelism=-2'], '--parallelism: "-2" is not accepted; expected a whole number of k6 runners'],
    [['--parallelism', '1.5'], '--parallelism: "1.5" is not accepted; expected a whole number of k6 runners'],
    [['--parallelism', 'four'], '--parallelism: "four" is not accepted'],
    [['--parallelism', '2147483648'], '--parallelism: "2147483648" is not accepted'],
    [[], '--parallelism: nothing is not accepted; expected a whole number of k6 runners from 1'],
    [
      ['--parallelism', '2', '--namespace', 'Perf_Team'],
      '--namespace: "Perf_Team" is not accepted; expected a Kubernetes name (DNS-1123 label) of 1 to 63',
    ],
    [
      ['--parallelism', '2', '--name', 'Flash.Sale'],
      '--name: "Flash.Sale" is not accepted; expected a Kubernetes name (DNS-1123 label) of 1 to 51',
    ],
    [['--parallelism', '2', '--name', '1st-run'], 'starting with a lowercase letter'],
    [['--parallelism', '2', '--name', `a${'b'.repeat(51)}`], 'of 1 to 51 lowercase letters'],
    [
      ['--parallelism', '2', '--secret', 'Load_Secrets'],
      '--secret: "Load_Secrets" is not accepted; expected a Kubernetes name (DNS-1123 subdomain)',
    ],
    [['--parallelism', '2', '--raw-output-volume=-results'], '--raw-output-volume: "-results" is not accepted'],
    [
      ['--parallelism', '2', '--prometheus', 'prometheus:9090'],
      '--prometheus: "prometheus:9090" is not accepted; expected an http(s) Prometheus remote-write URL',
    ],
    [
      ['--parallelism', '2', '--prometheus', 'http://p/w', '--raw-output-volume', 'r'],
      'either --raw-output-volume or --prometheus, not both',
    ],
    [
      ['--parallelism', '2', '-e', 'RESULTS_DIR=/tmp'],
      '-e RESULTS_DIR: "/tmp" is not accepted; expected no -e RESULTS_DIR: k6-forge k8s sets it',
    ],
    [['--parallelism', '2', '-e', 'not a pair'], '-e: "not a pair" is not accepted; expected KEY=VALUE'],
  ])('%j', async (flags, message) => {
    const { code, report, messages } = await cli('k8s', bundle, ...flags);
    expect(code).toBe(2);
    expect(report).toBe('');
    expect(messages).toContain(message);
  });

  test('a missing bundle, a folder, a TypeScript script and no bundle at all', async () => {
    const missing = join(scratch, 'nowhere.js');
    expect(await cli('k8s', missing, '--parallelism', '2')).toMatchObject({
      code: 2,
      messages: expect.stringContaining(`${missing}: a missing file is not accepted; expected a bundle k6 runs`),
    });
    expect(await cli('k8s', scratch, '--parallelism', '2')).toMatchObject({
      code: 2,
      messages: expect.stringContaining(`${scratch}: a folder is not accepted`),
    });
    const ts = join(scratch, 'load.ts');
    writeFileSync(ts, 'export default function () {}\n');
    expect(await cli('k8s', ts, '--parallelism', '2')).toMatchObject({
      code: 2,
      messages: expect.stringContaining('a TypeScript file is not accepted; expected a bundle k6 runs as it is: build it first'),
    });
    expect(await cli('k8s', '--parallelism', '2')).toMatchObject({
      code: 2,
      messages: expect.stringContaining('k8s: nothing is not accepted; expected one bundle'),
    });
  });

  test('a bundle file name that is no Kubernetes name asks for --name', async () => {
    const odd = join(scratch, 'My_Test.js');
    writeFileSync(odd, SCRIPT);
    const { code, messages } = await cli('k8s', odd, '--parallelism', '2');
    expect(code).toBe(2);
    expect(messages).toContain('--name (from the bundle file name): "My_Test" is not accepted');
    expect((await cli('k8s', odd, '--parallelism', '2', '--name', 'my-test')).code).toBe(0);
  });
});

describe('k6-forge k8s --out', () => {
  test('writes <DIR>/<name>.yaml, and keeps it unless --force', async () => {
    const out = join(scratch, 'k8s');
    const first = await cli(
      'k8s',
      bundle,
      '--parallelism',
      '4',
      '--out',
      out,
      '--raw-output-volume',
      'k6-results',
      '--secret',
      'load-secrets',
    );
    expect(first).toMatchObject({ code: 0, report: '' });
    expect(first.messages).toContain(`wrote ${join(out, 'flash-sale.yaml')}: ConfigMap flash-sale-script and TestRun flash-sale, SEED=`);
    const [configMap, testRun] = documents(readFileSync(join(out, 'flash-sale.yaml'), 'utf8'));
    expect(validateConfigMap(configMap)).toBe(true);
    expectValidTestRun(testRun);
    expect(await cli('k8s', bundle, '--parallelism', '4', '--out', out)).toMatchObject({
      code: 2,
      messages: expect.stringContaining('a file that already exists is not accepted'),
    });
    expect((await cli('k8s', bundle, '--parallelism', '4', '--out', out, '--force')).code).toBe(0);
  });
});

describe('README', () => {
  test("the Kubernetes section's TestRun is what k6-forge k8s writes for its command, and validates", async () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const block = /```yaml\n(apiVersion: k6\.io\/v1alpha1\n[\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    const manifests = await testRunManifests({
      bundle: 'dist/flash-sale.js',
      script: SCRIPT,
      parallelism: '3',
      namespace: 'perf',
      secret: 'load-secrets',
      output: { kind: 'volume', claim: 'k6-results' },
      env: ['SEED=2718281828', 'BASE_URL=https://staging.example.com', 'ENVIRONMENT=staging'],
    });
    expect(manifests.yaml.slice(manifests.yaml.indexOf('---\n') + 4)).toBe(block);
    expectValidTestRun(parse(block!));
  });
});
