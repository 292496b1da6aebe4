/** The kind of a k6 metric. */
export type MetricType = 'counter' | 'gauge' | 'rate' | 'trend';

/** What a k6 metric's values measure: plain numbers, milliseconds or bytes. */
export type MetricContains = 'default' | 'time' | 'data';

/** One metric in k6's end-of-test summary. */
export interface SummaryMetric {
  /** The metric's kind. */
  readonly type: MetricType;
  /** What its values measure. */
  readonly contains: MetricContains;
  /** Aggregates: `count`/`rate` (counter), `value` (gauge), `rate`/`passes`/`fails` (rate), the trend columns (`avg`, `p(95)`, ...). */
  readonly values: Readonly<Record<string, number>>;
  /**
   * Each threshold expression on this metric and whether it held; `unjudged` when k6's machine-readable summary
   * left k6-forge without the value to judge it on (its `ok` is then false).
   */
  readonly thresholds?: Readonly<Record<string, { readonly ok: boolean; readonly unjudged?: true }>>;
}

/** One named check in k6's summary. */
export interface SummaryCheck {
  readonly name: string;
  readonly path: string;
  readonly id: string;
  readonly passes: number;
  readonly fails: number;
}

/** A group of checks and nested groups in k6's summary; the root group has an empty name. */
export interface SummaryGroup {
  readonly name: string;
  readonly path: string;
  readonly id: string;
  readonly groups: readonly SummaryGroup[];
  readonly checks: readonly SummaryCheck[];
}

/** The `data` object k6 passes to `handleSummary`. */
export interface SummaryData {
  readonly root_group: SummaryGroup;
  readonly options: {
    readonly summaryTrendStats: readonly string[];
    readonly summaryTimeUnit: string;
    readonly noColor: boolean;
  };
  readonly state: {
    readonly isStdOutTTY: boolean;
    readonly isStdErrTTY: boolean;
    readonly testRunDurationMs: number;
  };
  /** Metrics by name; sub-metrics appear as `name{tag:value}`. */
  readonly metrics: Readonly<Record<string, SummaryMetric>>;
  /** Whatever `setup()` returned; never written to results, since it may hold tokens. */
  readonly setup_data?: unknown;
}

/** A verdict: held on data, failed, or nothing to judge it on. */
export type VerdictResult = 'pass' | 'fail' | 'no data';

/** One threshold expression and whether it held. */
export interface ThresholdVerdict {
  /** The metric or sub-metric, such as `http_req_duration{scenario:smoke}`. */
  readonly metric: string;
  /** The expression, such as `p(95)<1000`. */
  readonly expression: string;
  /** k6's own verdict; k6-forge's, judged on the values, when k6 handed over its machine-readable summary. */
  readonly ok: boolean;
  /**
   * k6-forge's: `fail` when k6 failed it, `no data` when it held on a metric without samples or could not be judged
   * (`ok` false: k6's machine-readable summary lacked its value), else `pass`.
   */
  readonly result: VerdictResult;
}

/** A run's verdict, the same in every report. */
export interface RunVerdict {
  /** `fail` when a threshold failed or a declared scenario never ran; `no data` when no threshold held on samples. */
  readonly result: VerdictResult;
  /** The verdict in one sentence, such as `smoke passed: all 6 thresholds held`. */
  readonly text: string;
  /** What failed the run beside its thresholds, such as a scenario that never ran; empty when nothing did. */
  readonly problems: readonly string[];
}

/** What k6-forge records about a run beside k6's numbers. */
export interface RunMeta {
  /** The scenario or script name, which also names the result files. */
  readonly scenario: string;
  /** `ENVIRONMENT` of the run. */
  readonly environment: string;
  /** The host part of `BASE_URL` (no credentials, path or query). */
  readonly targetHost: string;
  /** ISO 8601 start and end of the test run. */
  readonly startTime: string;
  readonly endTime: string;
  /** The k6-forge version that built the script. */
  readonly k6ForgeVersion: string;
  /** `GIT_REVISION` when the run was given one. */
  readonly gitRevision?: string;
  /** Every threshold's verdict. */
  readonly thresholds: readonly ThresholdVerdict[];
  /** The scenarios k6 ran (`exec.test.options.scenarios`); absent when k6 did not tell. */
  readonly scenarios?: readonly string[];
  /** The run's verdict, from its thresholds and scenarios. */
  readonly verdict: RunVerdict;
}

/** The content of `<scenario>-summary.json`: k6's summary data without `setup_data`, plus `meta`. */
export interface RunSummary extends Omit<SummaryData, 'setup_data'> {
  readonly meta: RunMeta;
}

/** A time series for the HTML report's charts, from `k6-forge analyze`. */
export interface Series {
  /** What is measured, such as `requests per second` or `p95 login`. */
  readonly name: string;
  /** The unit of the values. */
  readonly unit: 'per second' | 'ms' | 'ratio';
  /** Points as [seconds since the test start, value]. */
  readonly points: readonly (readonly [number, number])[];
}
