import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Writes a stand-in k6 into a folder. It answers `version` with `FAKE_K6_VERSION` (default v2.2.0); on `run` it records
 * its arguments, chosen variables and the status of `BASE_URL/health` in `report`, writes a summary into `RESULTS_DIR`
 * unless `FAKE_K6_RESULTS=none` (with `FAKE_K6_RESULTS=reports` also `fake-summary.md` and `fake-junit.xml`), and
 * exits with `FAKE_K6_EXIT`; with `FAKE_K6_BAD_FRAME=1` it first sends the target's
 * WebSocket echo an unmasked frame.
 *
 * With `FAKE_K6_UNTIL_SIGNAL=1` it behaves as k6 does on signals instead: it writes its pid to `<report>.pid`, prints
 * `running`, and waits; the first SIGINT or SIGTERM stops it gracefully (300 ms later it writes the summary and exits
 * 105), a second one aborts it at once with 105 and no summary.
 * @param folder - Where to write the binary and its report.
 * @returns The binary's path and the report file's.
 */
export function fakeK6(folder: string): { bin: string; report: string } {
  const bin = join(folder, 'k6');
  const report = join(folder, 'report.json');
  writeFileSync(
    bin,
    `#!/usr/bin/env node
if (process.argv[2] === 'version') {
  console.log('k6 ' + (process.env.FAKE_K6_VERSION ?? 'v2.2.0') + ' (commit/fake, go1.25, linux/amd64)');
  process.exit(0);
}
const { writeFileSync } = require('node:fs');
const summarise = () => {
  if (process.env.RESULTS_DIR && process.env.FAKE_K6_RESULTS !== 'none') writeFileSync(process.env.RESULTS_DIR + '/fake-summary.json', '{}');
  if (process.env.RESULTS_DIR && process.env.FAKE_K6_RESULTS === 'reports') {
    writeFileSync(process.env.RESULTS_DIR + '/fake-summary.md', '## fake: pass\\n');
    writeFileSync(process.env.RESULTS_DIR + '/fake-junit.xml', '<testsuites/>\\n');
  }
};
if (process.env.FAKE_K6_UNTIL_SIGNAL === '1') {
  writeFileSync(${JSON.stringify(`${report}.pid`)}, String(process.pid));
  let signals = 0;
  const stop = () => {
    signals += 1;
    if (signals > 1) process.exit(105);
    setTimeout(() => { summarise(); process.exit(105); }, 300);
  };
  process.on('SIGINT', stop).on('SIGTERM', stop);
  setInterval(() => {}, 1000);
  console.log('running');
} else {
  const pick = ['ENVIRONMENT', 'VUS', 'DURATION', 'PAGE', 'BASE_URL', 'TOKEN', 'RESULTS_DIR', 'K6_WEB_DASHBOARD', 'K6_WEB_DASHBOARD_EXPORT', 'K6_WEB_DASHBOARD_PORT', 'K6_WEB_DASHBOARD_HOST', 'K6_WEB_DASHBOARD_PERIOD'];
  const env = Object.fromEntries(pick.filter((k) => k in process.env).map((k) => [k, process.env[k]]));
  const health = process.env.BASE_URL ? fetch(process.env.BASE_URL + '/health').then((r) => r.status, () => 'unreachable') : Promise.resolve(null);
  // FAKE_K6_BAD_FRAME=1 sends the target an unmasked WebSocket frame first, which a server must refuse.
  const badFrame = () => new Promise((resolve) => {
    if (process.env.FAKE_K6_BAD_FRAME !== '1') return resolve(null);
    const { hostname, port } = new URL(process.env.BASE_URL);
    const socket = require('node:net').connect(Number(port), hostname, () => {
      socket.write('GET /ws/echo HTTP/1.1\\r\\nHost: x\\r\\nUpgrade: websocket\\r\\nConnection: Upgrade\\r\\nSec-WebSocket-Version: 13\\r\\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\\r\\n\\r\\n');
      setTimeout(() => socket.write(Buffer.from([0x81, 0x02, 0x68, 0x69])), 100);
    });
    socket.on('error', () => undefined).on('close', resolve);
    setTimeout(() => { socket.destroy(); resolve(null); }, 1000);
  });
  badFrame().then(() => health).then((status) => {
    writeFileSync(${JSON.stringify(report)}, JSON.stringify({ args: process.argv.slice(2), env, health: status }));
    summarise();
    process.exit(Number(process.env.FAKE_K6_EXIT ?? 0));
  });
}
`,
  );
  chmodSync(bin, 0o755);
  return { bin, report };
}
