import type { SummaryGroup } from '../types.ts';

/** One check with the names of the groups it ran in, outermost first. */
export interface CheckResult {
  readonly groups: readonly string[];
  readonly name: string;
  readonly passes: number;
  readonly fails: number;
}

/**
 * Lists every check of a group tree in k6's order: a group's own checks, then its subgroups'.
 * @param root - k6's `root_group`.
 * @returns The checks, each with its group path.
 */
export function checkResults(root: SummaryGroup): CheckResult[] {
  const results: CheckResult[] = [];
  const visit = (group: SummaryGroup, groups: readonly string[]): void => {
    for (const check of group.checks) results.push({ groups, name: check.name, passes: check.passes, fails: check.fails });
    for (const sub of group.groups) visit(sub, [...groups, sub.name]);
  };
  visit(root, []);
  return results;
}
