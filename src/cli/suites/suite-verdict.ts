import type { Comparison } from '../summaries/comparison.ts';
import { type GateOutcome, gatePassed } from '../summaries/gate-checks.ts';

/** How one step's k6 run went: `pass` (k6 exit 0), `fail` (any other exit), `skipped` (an earlier step failed). */
export type StepRun = 'pass' | 'fail' | 'skipped';

/** A step's gate: what `k6-forge gate` judged on its summaries, or why it could not judge. */
export interface StepGate {
  /** The gate's name in the thresholds file. */
  readonly name: string;
  /** The checks; undefined when the step left no summary to gate. */
  readonly outcome?: GateOutcome;
  /** Why there was nothing to gate, such as `the step wrote no <scenario>-summary.json`. */
  readonly problem?: string;
}

/** A step's comparison with its baseline, or why there was none. */
export interface StepCompare {
  /** The baseline file. */
  readonly baseline: string;
  /** What `k6-forge compare` judged; undefined when the step left no summary to compare. */
  readonly comparison?: Comparison;
  /** Why there was nothing to compare. */
  readonly problem?: string;
}

/** What one step of a suite did. */
export interface StepOutcome {
  /** The step's name. */
  readonly name: string;
  /** Its scenario or script. */
  readonly scenario: string;
  /** The environment it ran in; undefined for the configuration's default (development). */
  readonly environment?: string | undefined;
  /** How its k6 run went. */
  readonly run: StepRun;
  /** k6's exit code; null when the step was skipped. */
  readonly exitCode: number | null;
  /** The result files it left in the suite's folder. */
  readonly files: readonly string[];
  /** Its release gate, when it has one. */
  readonly gate?: StepGate;
  /** Its regression check, when it has one. */
  readonly compare?: StepCompare;
}

/** What {@link suiteVerdict} judges: a suite's run, step by step. */
export interface SuiteRun {
  /** The suite's name. */
  readonly suite: string;
  /** Its description, when the file gives one. */
  readonly description?: string | undefined;
  /** The results folder every step wrote into. */
  readonly folder: string;
  /** Whether the run went on past a failed step (`--keep-going`). */
  readonly keepGoing: boolean;
  /** When the first step started and the last check ended (ISO 8601). */
  readonly startedAt: string;
  readonly endedAt: string;
  /** Every step, in order. */
  readonly steps: readonly StepOutcome[];
}

/** The one verdict of a suite run: the run, judged. */
export interface SuiteVerdict extends SuiteRun {
  /** `pass` when every step ran, exited 0, and passed its gate and comparison; `fail` otherwise. */
  readonly result: 'pass' | 'fail';
  /** The verdict in one sentence. */
  readonly text: string;
}

/**
 * Whether a step's gate passed: its checks all passed on samples and its runs did.
 * @param gate - The step's gate.
 * @returns True when it passed; false when it failed or had nothing to judge.
 */
export function stepGatePassed(gate: StepGate): boolean {
  return gate.outcome !== undefined && gatePassed(gate.outcome);
}

/**
 * Whether a step passed: its k6 run exited 0, and its gate and comparison, when it has them, passed.
 * @param step - What the step did.
 * @returns True when it passed.
 */
export function stepPassed(step: StepOutcome): boolean {
  return (
    step.run === 'pass' &&
    (step.gate === undefined || stepGatePassed(step.gate)) &&
    (step.compare === undefined || step.compare.comparison?.passed === true)
  );
}

/** Why a step did not pass, in a few words, or `passed`. */
export function stepProblems(step: StepOutcome): string[] {
  if (step.run === 'skipped') return ['skipped after an earlier failure'];
  const problems: string[] = [];
  if (step.run === 'fail') problems.push(`k6 exited ${step.exitCode}`);
  if (step.gate !== undefined && !stepGatePassed(step.gate)) problems.push(`gate ${step.gate.name} ${step.gate.problem ?? 'failed'}`);
  if (step.compare !== undefined && step.compare.comparison?.passed !== true) {
    problems.push(`compare with ${step.compare.baseline} ${step.compare.problem ?? 'failed'}`);
  }
  return problems;
}

/**
 * Judges a suite run: it passes when every step ran (none skipped), exited 0 and passed its gate and comparison.
 * @param run - The suite, its folder and what each step did.
 * @returns The verdict with a one-sentence summary naming the failed steps.
 */
export function suiteVerdict(run: SuiteRun): SuiteVerdict {
  const failed = run.steps.filter((step) => !stepPassed(step));
  const text =
    failed.length === 0
      ? `all ${run.steps.length} ${run.steps.length === 1 ? 'step' : 'steps'} passed`
      : `${failed.length} of ${run.steps.length} steps did not pass: ${failed.map((step) => `${step.name} (${stepProblems(step).join(', ')})`).join('; ')}`;
  return { ...run, result: failed.length === 0 ? 'pass' : 'fail', text };
}
