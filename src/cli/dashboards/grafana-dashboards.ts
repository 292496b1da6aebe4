import type { Limits, ThresholdsFile } from '../../lib/thresholds-file.ts';

/** A Grafana dashboard as its JSON model: what Grafana's "Import dashboard" takes. */
export type GrafanaDashboard = Readonly<Record<string, unknown>>;

/** One generated dashboard file: its name in the output folder and its JSON text. */
export interface DashboardFile {
  /** The file's name, such as `k6-forge-overview.json`. */
  readonly name: string;
  /** The dashboard's JSON, two-space indented, with a final newline. */
  readonly contents: string;
}

/** The folder the repository's generated dashboards live in, and `k6-forge dashboards` writes to by default. */
export const DASHBOARDS_DIR = 'dashboards/grafana';

/** The trend statistics a dashboard may draw: the ones `run --prometheus` streams (`p(95),p(99),avg`). */
const STREAMED_STATS = ['p95', 'p99', 'avg'] as const;

/** k6's own Counters, left out of the panel of the script's Counters. */
const BUILTIN_COUNTERS = 'http_reqs|iterations|data_sent|data_received|dropped_iterations';

/** k6's own Trends, left out of the panel of the script's Trends. */
const BUILTIN_TRENDS = 'http_req_[a-z_]+|iteration_duration|group_duration';

/** Every panel's and query's datasource: the dashboard's `datasource` variable (Grafana's syntax, not a template). */
// biome-ignore lint/suspicious/noTemplateCurlyInString: Grafana's variable syntax, not a JavaScript template
const DATASOURCE = { type: 'prometheus', uid: '${datasource}' } as const;

/** The label matchers of a run: its testid, and the endpoint selector. */
const run = (variable: string) => `testid=~"$${variable}"`;
const ENDPOINT = 'endpoint=~"$endpoint"';

interface Target {
  readonly expr: string;
  readonly legend: string;
}

interface PanelOptions {
  readonly title: string;
  readonly description: string;
  readonly unit: string;
  readonly targets: readonly Target[];
  /** Limits drawn as threshold lines, in the panel's unit. */
  readonly limits?: readonly number[];
  readonly width?: number;
  readonly height?: number;
  /** `bargauge` for the comparison's end-of-run values, read with instant queries. */
  readonly kind?: 'timeseries' | 'bargauge';
}

/** Lays panels out left to right, 24 columns wide, and numbers them. */
class Layout {
  readonly panels: Record<string, unknown>[] = [];
  private x = 0;
  private y = 0;
  private rowHeight = 0;

  row(title: string): void {
    this.newLine();
    this.panels.push({
      id: this.panels.length + 1,
      type: 'row',
      title,
      collapsed: false,
      gridPos: { h: 1, w: 24, x: 0, y: this.y },
      panels: [],
    });
    this.y += 1;
  }

  panel(options: PanelOptions): void {
    const w = options.width ?? 12;
    const h = options.height ?? 8;
    if (this.x + w > 24) this.newLine();
    const kind = options.kind ?? 'timeseries';
    const limits = [...(options.limits ?? [])].sort((a, b) => a - b);
    const colors = limits.length === 1 ? ['red'] : ['orange', 'red', 'dark-red', 'purple'];
    const thresholds = {
      mode: 'absolute',
      steps: [{ color: 'green', value: null }, ...limits.map((value, i) => ({ color: colors[Math.min(i, colors.length - 1)], value }))],
    };
    const instant = kind === 'bargauge';
    this.panels.push({
      id: this.panels.length + 1,
      type: kind,
      title: options.title,
      description: options.description,
      datasource: DATASOURCE,
      gridPos: { h, w, x: this.x, y: this.y },
      fieldConfig: {
        defaults: {
          unit: options.unit,
          thresholds,
          ...(kind === 'timeseries' && {
            custom: {
              drawStyle: 'line',
              lineWidth: 1,
              fillOpacity: 0,
              showPoints: 'never',
              thresholdsStyle: { mode: limits.length > 0 ? 'line' : 'off' },
            },
          }),
        },
        overrides: [],
      },
      options:
        kind === 'timeseries'
          ? {
              legend: { displayMode: 'table', placement: 'bottom', calcs: ['lastNotNull', 'max'] },
              tooltip: { mode: 'multi', sort: 'desc' },
            }
          : {
              orientation: 'horizontal',
              displayMode: 'basic',
              showUnfilled: true,
              reduceOptions: { calcs: ['lastNotNull'], fields: '', values: false },
            },
      targets: options.targets.map((target, i) => ({
        refId: String.fromCharCode(65 + i),
        datasource: DATASOURCE,
        expr: target.expr,
        legendFormat: target.legend,
        range: !instant,
        instant,
      })),
    });
    this.x += w;
    this.rowHeight = Math.max(this.rowHeight, h);
  }

  private newLine(): void {
    if (this.x === 0) return;
    this.y += this.rowHeight;
    this.x = 0;
    this.rowHeight = 0;
  }
}

/** A Grafana query variable over Prometheus label values. */
function labelVariable(name: string, label: string, query: string, options: { multi: boolean; description: string }) {
  const definition = `label_values(${query}, ${label})`;
  return {
    name,
    label,
    type: 'query',
    description: options.description,
    datasource: DATASOURCE,
    definition,
    query: { qryType: 1, query: definition, refId: 'PrometheusVariableQueryEditor-VariableQuery' },
    refresh: 2,
    sort: options.multi ? 1 : 2,
    multi: options.multi,
    includeAll: options.multi,
    ...(options.multi ? { allValue: '.*', current: { selected: true, text: ['All'], value: ['$__all'] } } : { current: {} }),
    options: [],
  };
}

/** The datasource variable: any Prometheus datasource of the Grafana the dashboard is imported into. */
const DATASOURCE_VARIABLE = {
  name: 'datasource',
  label: 'Prometheus',
  type: 'datasource',
  query: 'prometheus',
  current: {},
  options: [],
  refresh: 1,
  hide: 0,
};

/** The dashboard's frame: title, uid, variables, time range and panels. */
function dashboard(uid: string, title: string, description: string, variables: unknown[], panels: unknown[]): GrafanaDashboard {
  return {
    uid,
    title,
    description,
    tags: ['k6', 'k6-forge'],
    editable: true,
    graphTooltip: 1,
    refresh: '10s',
    schemaVersion: 39,
    time: { from: 'now-1h', to: 'now' },
    timepicker: {},
    timezone: '',
    version: 1,
    annotations: { list: [] },
    links: [],
    templating: { list: [DATASOURCE_VARIABLE, ...variables] },
    panels,
  };
}

/** Milliseconds of a limits file as seconds, k6's unit for time Trends in Prometheus. */
const seconds = (ms: number | undefined): number[] => (ms === undefined ? [] : [ms / 1000]);

/** The share of a run's requests that failed (`expected_response="false"`), by a label; 0, not nothing, when none did. */
function errorRate(by: string, range: (selector: string) => string): string {
  const all = `sum by (${by}) (${range(`k6_http_reqs_total{${run('testid')}, ${ENDPOINT}}`)})`;
  const failed = `sum by (${by}) (${range(`k6_http_reqs_total{${run('testid')}, ${ENDPOINT}, expected_response="false"}`)})`;
  return `(${failed} or 0 * ${all}) / ${all}`;
}

/** A limit's text for a panel title: `p95 < 150 ms`. */
function limitText(limits: Limits): string {
  return STREAMED_STATS.filter((stat) => limits[stat] !== undefined)
    .map((stat) => `${stat} < ${limits[stat]} ms`)
    .join(', ');
}

/**
 * The overview dashboard of a k6-forge run in Prometheus (from `run --prometheus`): requests per second, error rate,
 * p95 and p99 per endpoint and per service, VUs, iterations, checks, the catalog's status Counters, the script's own
 * Counters, Rates and Trends, and one panel per endpoint of the thresholds file with its limits drawn as threshold
 * lines. Its variables: the Prometheus datasource, the run (`testid`) and the endpoints.
 * @param file - The thresholds in force (a project's merged over k6-forge's): `global` limits mark the run-wide
 *   panels, `endpoints` get a panel each.
 * @returns The dashboard's JSON model.
 */
export function overviewDashboard(file: ThresholdsFile): GrafanaDashboard {
  const layout = new Layout();
  const global = file.global ?? {};
  const t = run('testid');
  const rate = (selector: string) => `rate(${selector}[$__rate_interval])`;
  layout.row('Traffic and errors');
  for (const by of ['endpoint', 'service'] as const) {
    layout.panel({
      title: `Requests per second, per ${by}`,
      description: `k6_http_reqs_total of the run, summed by ${by}.`,
      unit: 'reqps',
      targets: [{ expr: `sum by (${by}) (${rate(`k6_http_reqs_total{${t}, ${ENDPOINT}}`)})`, legend: `{{${by}}}` }],
    });
  }
  for (const by of ['endpoint', 'service'] as const) {
    layout.panel({
      title: `Error rate per ${by}${global.errorRate === undefined ? '' : ` (limit ${global.errorRate * 100}%)`}`,
      description: `Requests k6 counted as failed (expected_response="false", the http_req_failed of thresholds) over all requests, by ${by}.`,
      unit: 'percentunit',
      limits: global.errorRate === undefined ? [] : [global.errorRate],
      targets: [{ expr: errorRate(by, rate), legend: `{{${by}}}` }],
    });
  }
  layout.row('Latency (http_req_duration, cumulative since the run started)');
  for (const by of ['endpoint', 'service'] as const) {
    for (const stat of ['p95', 'p99'] as const) {
      layout.panel({
        title: `${stat} per ${by}${global[stat] === undefined ? '' : ` (global limit ${global[stat]} ms)`}`,
        description: `k6_http_req_duration_${stat}: k6's ${stat} of each series since the run started, in seconds; the highest of the ${by}'s series (one per status, group and scenario).`,
        unit: 's',
        limits: seconds(global[stat]),
        targets: [{ expr: `max by (${by}) (k6_http_req_duration_${stat}{${t}, ${ENDPOINT}})`, legend: `{{${by}}}` }],
        width: 6,
      });
    }
  }
  layout.row('Load, checks and the script’s metrics');
  layout.panel({
    title: 'VUs',
    description: 'k6_vus and k6_vus_max of the run.',
    unit: 'short',
    targets: [
      { expr: `sum(k6_vus{${t}})`, legend: 'vus' },
      { expr: `sum(k6_vus_max{${t}})`, legend: 'vus_max' },
    ],
    width: 8,
  });
  layout.panel({
    title: 'Iterations per second, per scenario',
    description: 'k6_iterations_total of the run, by scenario.',
    unit: 'short',
    targets: [{ expr: `sum by (scenario) (${rate(`k6_iterations_total{${t}}`)})`, legend: '{{scenario}}' }],
    width: 8,
  });
  layout.panel({
    title: 'Checks: the lowest pass rate of each',
    description: 'k6_checks_rate since the run started; a check has a series per group and scenario, the lowest shown.',
    unit: 'percentunit',
    targets: [{ expr: `min by (check) (k6_checks_rate{${t}})`, legend: '{{check}}' }],
    width: 8,
  });
  layout.panel({
    title: 'Responses by status class, per endpoint (the catalog’s Counters, running totals)',
    description: 'The endpoint catalog’s Counters responses_1xx ... responses_5xx and responses_failed (status 0).',
    unit: 'short',
    targets: [
      {
        expr: `sum by (__name__, endpoint) ({__name__=~"k6_responses_(1xx|2xx|3xx|4xx|5xx|failed)_total", ${t}, ${ENDPOINT}})`,
        legend: '{{endpoint}} {{__name__}}',
      },
    ],
  });
  layout.panel({
    title: 'The script’s Counters (running totals)',
    description:
      'Every Counter but k6’s own: the catalog’s responses_* and the script’s business Counters (the examples’ orders_accepted, orders_rejected, rate_limited, transfers_created, transfers_replayed).',
    unit: 'short',
    targets: [
      { expr: `sum by (__name__) ({__name__=~"k6_.+_total", __name__!~"k6_(${BUILTIN_COUNTERS})_total", ${t}})`, legend: '{{__name__}}' },
    ],
  });
  layout.panel({
    title: 'Rates: checks, business_errors and the script’s own (mean over series)',
    description:
      'Every Rate but http_req_failed (drawn as the error rate above): checks, the catalog’s business_errors per endpoint, and the script’s own Rates.',
    unit: 'percentunit',
    targets: [
      {
        expr: `avg by (__name__, endpoint) ({__name__=~"k6_.+_rate", __name__!="k6_http_req_failed_rate", ${t}, ${ENDPOINT}})`,
        legend: '{{__name__}} {{endpoint}}',
      },
    ],
  });
  layout.panel({
    title: 'The script’s Trends: p95 (the catalog’s per-endpoint Trends such as login_duration)',
    description: 'Every Trend but k6’s own, p95 since the run started, in seconds for time Trends.',
    unit: 's',
    targets: [
      { expr: `max by (__name__) ({__name__=~"k6_.+_p95", __name__!~"k6_(${BUILTIN_TRENDS})_p95", ${t}})`, legend: '{{__name__}}' },
    ],
  });
  const endpoints = Object.entries(file.endpoints ?? {});
  if (endpoints.length > 0) layout.row('Endpoints against their thresholds.json limits');
  for (const [name, limits] of endpoints) {
    const drawn = STREAMED_STATS.filter((stat) => limits[stat] !== undefined);
    const stats = drawn.length > 0 ? drawn : (['p95', 'p99'] as const);
    const title = limitText(limits);
    layout.panel({
      title: `${name}${title === '' ? '' : `: ${title}`}`,
      description: `http_req_duration of endpoint ${name} (the highest of its series), with its limits from the thresholds file as lines.`,
      unit: 's',
      limits: stats.flatMap((stat) => seconds(limits[stat])),
      targets: stats.map((stat) => ({ expr: `max(k6_http_req_duration_${stat}{${t}, endpoint="${name}"})`, legend: stat })),
      width: 8,
      height: 7,
    });
  }
  return dashboard(
    'k6-forge-overview',
    'k6-forge: run overview',
    'A k6-forge run streamed with k6-forge run --prometheus: traffic, errors, latency per endpoint and service, and the thresholds.json limits.',
    [
      labelVariable('testid', 'testid', 'k6_http_reqs_total', { multi: false, description: 'The run: its results folder’s name.' }),
      labelVariable('endpoint', 'endpoint', `k6_http_reqs_total{${t}}`, { multi: true, description: 'The catalog’s endpoints.' }),
    ],
    layout.panels,
  );
}

/**
 * The comparison dashboard: two runs (`testid`, the current one, and `baseline`) side by side, each value taken at
 * the end of the run within the dashboard's time range: requests and error rate per endpoint, p95 and p99 per
 * endpoint against the global limits, the change of p95, checks, VUs and iterations.
 * @param file - The thresholds in force: the `global` limits are drawn as threshold lines.
 * @returns The dashboard's JSON model.
 */
export function comparisonDashboard(file: ThresholdsFile): GrafanaDashboard {
  const layout = new Layout();
  const global = file.global ?? {};
  const whole = (selector: string) => `max_over_time(${selector}[$__range])`;
  const both = (expr: (variable: string) => string, legend: string): Target[] => [
    { expr: expr('testid'), legend: `${legend} current` },
    { expr: expr('baseline'), legend: `${legend} baseline` },
  ];
  const runErrorRate = (variable: string) => errorRate('endpoint', whole).replaceAll(run('testid'), run(variable));
  const p = (stat: string) => (variable: string) =>
    `max by (endpoint) (last_over_time(k6_http_req_duration_${stat}{${run(variable)}, ${ENDPOINT}}[$__range]))`;
  layout.row('Current run against the baseline (values at the end of each run in the time range)');
  layout.panel({
    title: 'Requests per endpoint',
    description: 'k6_http_reqs_total at the end of each run.',
    unit: 'short',
    kind: 'bargauge',
    targets: both((v) => `sum by (endpoint) (${whole(`k6_http_reqs_total{${run(v)}, ${ENDPOINT}}`)})`, '{{endpoint}}'),
  });
  layout.panel({
    title: `Error rate per endpoint${global.errorRate === undefined ? '' : ` (limit ${global.errorRate * 100}%)`}`,
    description: 'Failed requests (expected_response="false") over all requests, for the whole run.',
    unit: 'percentunit',
    kind: 'bargauge',
    limits: global.errorRate === undefined ? [] : [global.errorRate],
    targets: both(runErrorRate, '{{endpoint}}'),
  });
  for (const stat of ['p95', 'p99'] as const) {
    layout.panel({
      title: `${stat} per endpoint${global[stat] === undefined ? '' : ` (global limit ${global[stat]} ms)`}`,
      description: `k6_http_req_duration_${stat} at the end of each run (the run's ${stat}), the highest of the endpoint's series.`,
      unit: 's',
      kind: 'bargauge',
      limits: seconds(global[stat]),
      targets: both(p(stat), '{{endpoint}}'),
    });
  }
  layout.panel({
    title: 'p95 change per endpoint (current over baseline, minus 1)',
    description: 'Above 0: the current run is slower than the baseline.',
    unit: 'percentunit',
    kind: 'bargauge',
    limits: [0.1],
    targets: [{ expr: `${p('p95')('testid')} / ${p('p95')('baseline')} - 1`, legend: '{{endpoint}}' }],
  });
  layout.panel({
    title: 'Checks: the lowest pass rate of each',
    description: 'k6_checks_rate at the end of each run.',
    unit: 'percentunit',
    kind: 'bargauge',
    targets: both((v) => `min by (check) (last_over_time(k6_checks_rate{${run(v)}}[$__range]))`, '{{check}}'),
  });
  layout.panel({
    title: 'Peak VUs',
    description: 'The highest k6_vus of each run.',
    unit: 'short',
    kind: 'bargauge',
    targets: both((v) => `max(${whole(`k6_vus{${run(v)}}`)})`, 'vus'),
  });
  layout.panel({
    title: 'Iterations per scenario',
    description: 'k6_iterations_total at the end of each run.',
    unit: 'short',
    kind: 'bargauge',
    targets: both((v) => `sum by (scenario) (${whole(`k6_iterations_total{${run(v)}}`)})`, '{{scenario}}'),
  });
  return dashboard(
    'k6-forge-comparison',
    'k6-forge: run against baseline',
    'Two k6-forge runs streamed with k6-forge run --prometheus, side by side: pick both in the time range.',
    [
      labelVariable('testid', 'testid', 'k6_http_reqs_total', { multi: false, description: 'The current run.' }),
      labelVariable('baseline', 'testid', 'k6_http_reqs_total', { multi: false, description: 'The baseline run.' }),
      labelVariable('endpoint', 'endpoint', `k6_http_reqs_total{${run('testid')}}`, {
        multi: true,
        description: 'The catalog’s endpoints.',
      }),
    ],
    layout.panels,
  );
}

/**
 * Both dashboards as files, from one thresholds file.
 * @param file - The thresholds in force.
 * @returns `k6-forge-overview.json` and `k6-forge-comparison.json`.
 */
export function dashboardFiles(file: ThresholdsFile): DashboardFile[] {
  return [
    { name: 'k6-forge-overview.json', contents: `${JSON.stringify(overviewDashboard(file), null, 2)}\n` },
    { name: 'k6-forge-comparison.json', contents: `${JSON.stringify(comparisonDashboard(file), null, 2)}\n` },
  ];
}
