#!/usr/bin/env node
// Runs k6 for `k6-forge run` and stops it if k6-forge dies without a word (SIGKILL, the OOM killer), which nothing in
// k6-forge can catch: k6-forge starts this watchdog in a process group of its own, with k6 in the same group, and
// sends its signals to that group. So k6 gets each signal once, the watchdog ignores them, and when the watchdog's
// parent changes (k6-forge is gone, killed or crashed) it sends k6 SIGTERM, unless k6 got a signal already: k6 stops
// gracefully and writes its results.
// Usage: k6-watchdog.mjs <k6> <args...>; exits as k6 does.
import { spawn } from 'node:child_process';

const [k6, ...args] = process.argv.slice(2);
const parent = process.ppid;
const child = spawn(k6, args, { stdio: 'inherit' });
// A signal to the group reaches k6 as well: the watchdog notes it and stays.
let signalled = false;
const ignore = () => {
  signalled = true;
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, ignore);
// Once only, and not after a signal k6 already got: k6 takes a second signal as an abort.
const watch = setInterval(() => {
  if (process.ppid === parent) return;
  clearInterval(watch);
  if (!signalled) child.kill('SIGTERM');
}, 250);
child.on('error', (error) => {
  console.error(`k6-forge: could not start ${k6}: ${error.message}`);
  process.exit(127);
});
child.on('exit', (code, signal) => {
  clearInterval(watch);
  if (code !== null) process.exit(code);
  for (const name of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.off(name, ignore);
  process.kill(process.pid, signal ?? 'SIGKILL');
});
