// Pinning a process to one CPU, so that k6 and its target do not take turns on the same core: on a 2-core machine the
// scheduler's moves otherwise shift requests per second by a tenth from one run to the next.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/** Where util-linux's `taskset` is expected (Debian's `util-linux`, part of every base system). */
export const TASKSET = '/usr/bin/taskset';

/**
 * Whether this machine can give k6 and its target a CPU each.
 * @returns True when `taskset` is there and there are at least two CPUs.
 */
export function canPin(): boolean {
  return existsSync(TASKSET) && availableParallelism() >= 2;
}

/**
 * A command as run on one CPU: through `taskset -c <cpu>` when a CPU is given, as it is otherwise.
 * @param cpu - The CPU, from 0; undefined runs the command unpinned.
 * @param command - The program.
 * @param args - Its arguments.
 * @returns The program and arguments to spawn.
 */
export function onCpu(cpu: number | undefined, command: string, args: readonly string[]): [string, string[]] {
  return cpu === undefined ? [command, [...args]] : [TASKSET, ['-c', String(cpu), command, ...args]];
}
