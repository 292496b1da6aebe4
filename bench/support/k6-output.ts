// Synthetic `k6 run --out json` output for the analyze and merge benchmarks: requests at a steady rate to a few
// endpoints, with k6's tags, a seeded latency and about 1% failures.
import type { Writable } from 'node:stream';

/** The endpoints the requests go to, in turn. */
export const ENDPOINTS = ['login', 'deals', 'deal_get', 'customer_search', 'tax_calculate'];

const REQUESTS_PER_SECOND = 1000;
const T0 = Date.parse('2025-06-01T12:00:00Z');

/**
 * Writes `samples` Point lines the way k6 does (per request http_reqs, http_req_duration, http_req_waiting and
 * http_req_failed; vus each second), after `header`, waiting whenever the stream asks to. The caller ends the stream.
 * @param out - Where the lines go: a file, or a gzip stream in front of one.
 * @param samples - How many Point lines to write, at least.
 * @param seed - The seed of the latencies and failures.
 * @param header - Lines to write first, such as k6's Metric declarations.
 */
export async function writeK6Points(out: Writable, samples: number, seed: number, header = ''): Promise<void> {
  let state = seed;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const line = (metric: string, ms: number, value: number, tags: string) =>
    `{"metric":"${metric}","type":"Point","data":{"time":"${new Date(T0 + ms).toISOString().replace('Z', '000000Z')}","value":${value},"tags":${tags}}}\n`;
  out.write(header);
  let written = 0;
  for (let request = 0; written < samples; request += 1) {
    const ms = (request * 1000) / REQUESTS_PER_SECOND;
    let chunk = '';
    if (request % REQUESTS_PER_SECOND === 0) {
      chunk += line('vus', ms, 100, 'null');
      written += 1;
    }
    const endpoint = ENDPOINTS[request % ENDPOINTS.length]!;
    const failed = random() < 0.01;
    const tags = `{"endpoint":"${endpoint}","expected_response":"${!failed}","method":"GET","name":"${endpoint}","proto":"HTTP/1.1","scenario":"load","status":"${failed ? 503 : 200}","url":"http://127.0.0.1:3000/${endpoint}"}`;
    const latency = Math.round(Math.exp(3 + random() * 2.5 + random()) * 1000) / 1000;
    chunk +=
      line('http_reqs', ms, 1, tags) +
      line('http_req_duration', ms, latency, tags) +
      line('http_req_waiting', ms, latency * 0.9, tags) +
      line('http_req_failed', ms, failed ? 1 : 0, tags);
    written += 4;
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
}
