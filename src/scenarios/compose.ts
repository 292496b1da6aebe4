import type { Options } from 'k6/options';
import { oncePerRun } from '../lib/once-per-run.ts';
import { composedOptions } from './internal/composed-options.ts' with { lazy: 'true' };

/**
 * Combines several profiles' options into one test: scenarios side by side, thresholds and trend columns united.
 * Give each part its own `name`, `exec` and `startTime` to run them one after another or together. The work runs
 * once per run, in k6's first init, and every VU gets a copy (see once-per-run.ts).
 * @param parts - Options from the profile factories (or your own).
 * @returns One k6 `Options` value.
 * @throws {ForgeError} `invalid_option` when two parts name the same scenario or disagree on another option.
 */
export function composeOptions(...parts: readonly Options[]): Options {
  return oncePerRun('options', parts, () => composedOptions(parts));
}
