import type { Options } from 'k6/options';
import { ForgeError, shown } from '../lib/errors.ts';
import type { Thresholds } from '../lib/thresholds.ts';

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Combines several profiles' options into one test: scenarios side by side, thresholds and trend columns united.
 * Give each part its own `name`, `exec` and `startTime` to run them one after another or together.
 * @param parts - Options from the profile factories (or your own).
 * @returns One k6 `Options` value.
 * @throws {ForgeError} `invalid_option` when two parts name the same scenario or disagree on another option.
 */
export function composeOptions(...parts: readonly Options[]): Options {
  const scenarios: NonNullable<Options['scenarios']> = {};
  const thresholds: Thresholds = {};
  const trendStats = new Set<string>();
  const rest: Record<string, unknown> = {};
  for (const part of parts) {
    const { scenarios: partScenarios = {}, thresholds: partThresholds = {}, summaryTrendStats = [], ...others } = part;
    for (const [name, scenario] of Object.entries(partScenarios)) {
      if (name in scenarios) {
        throw new ForgeError('invalid_option', {
          field: `scenarios.${name}`,
          given: 'two scenarios with this name',
          accepted: 'a distinct name per scenario (set `name` in the factory options)',
        });
      }
      scenarios[name] = scenario;
    }
    for (const [metric, expressions] of Object.entries(partThresholds)) {
      const merged = thresholds[metric] ?? [];
      for (const expression of expressions) if (!merged.some((e) => sameJson(e, expression))) merged.push(expression);
      thresholds[metric] = merged;
    }
    for (const stat of summaryTrendStats) trendStats.add(stat);
    for (const [key, value] of Object.entries(others)) {
      if (key in rest && !sameJson(rest[key], value)) {
        throw new ForgeError('invalid_option', { field: key, given: shown(value), accepted: `the same value in every part, ${shown(rest[key])}` });
      }
      rest[key] = value;
    }
  }
  return { ...rest, scenarios, thresholds, ...(trendStats.size > 0 && { summaryTrendStats: [...trendStats] }) };
}
