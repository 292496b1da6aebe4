import { summaryInit, summaryOutputs } from './summary-outputs.ts' with { lazy: 'true' };

/** What `summaryHandler` writes. */
export interface SummaryHandlerOptions {
  /**
   * The scenario that names the result files and is recorded in the metadata; letters, digits, `_` and `-`.
   * @default the names of the scenarios in the run's options (`exec.test.options.scenarios`), sorted and joined
   *   with `+`; `default` when there are none
   */
  readonly scenario?: string | undefined;
}

/** k6's `handleSummary`: from k6's summary data to the text for each output (`stdout` or a file path). */
export type HandleSummary = (data: unknown) => Record<string, string>;

/**
 * Makes a one-line `handleSummary` that writes the run's results: `export const handleSummary = summaryHandler();`.
 *
 * It returns k6's output map: `stdout` (k6's text layout) and `-summary.json`, `-junit.xml`, `-report.html` and
 * `-summary.md` files, as `<RESULTS_DIR>/<scenario>-*` when `__ENV.RESULTS_DIR` is set (`k6-forge run` sets it to a
 * fresh `results/<timestamp>/`), else as `<UTC timestamp>-<scenario>-*` in k6's working directory, so a plain
 * `k6 run` (or Docker's `/home/k6`) keeps every run. k6 opens each path for writing (create, truncate) and does
 * not create missing folders (`handleSummaryResult` in k6's `internal/cmd/run.go`, through afero's
 * `OsFs.OpenFile`, that is `os.OpenFile`), so a RESULTS_DIR that names no folder would lose every file: the handler
 * then writes them into the working directory and says so (checked at init in VU 0, where handleSummary runs).
 *
 * Only VU 0 pays for this: the scenario name, the folder and `k6/execution` (loaded with k6's init-context
 * `require`, whose module instance costs every VU that imports it about 4.6 KB) are handled in its init.
 *
 * The verdict is the same in every output: a threshold k6 passed on a metric without samples is "no data", and a
 * scenario the thresholds name that k6 did not run (k6's `--vus`/`--duration` replace the scenarios) fails the run.
 *
 * Nothing here throws while k6 summarises: if `handleSummary` threw, k6 would log the error and print only its
 * own summary, losing the files. Malformed data is rendered as far as it goes, a renderer that fails is left
 * out, and each problem is noted at the end of stdout. `setup_data` never reaches an output and `BASE_URL`
 * contributes only its host.
 * @param options - The scenario name, when it should not come from the run's options.
 * @returns The `handleSummary` function to export.
 * @throws {ForgeError} `invalid_option` at init in VU 0 (so the run does not start) when `scenario` is not a k6 scenario
 *   name.
 */
export function summaryHandler(options: SummaryHandlerOptions = {}): HandleSummary {
  const { scenario } = options;
  // k6 runs options, setup, teardown and handleSummary in instances of VU 0, each after its own init: only those check
  // and prepare anything, so every other VU keeps two small functions and evaluates none of the report code.
  const init = __VU === 0 ? summaryInit(scenario, __ENV) : { scenario };
  return (raw) => summaryOutputs(raw, init);
}
